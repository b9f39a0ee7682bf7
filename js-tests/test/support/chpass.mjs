// Every entry point of the package, ready: for the suites that test behaviour rather than
// loading (packaging.test.mjs and api.test.mjs test `ready()` itself).
import * as main from 'chpass';
import * as hash from 'chpass/hash';
import * as client from 'chpass/client';
import * as strength from 'chpass/strength';

await Promise.all([main.ready(), hash.ready(), client.ready(), strength.ready(), main.loadWordList()]);

// `ready` differs per entry and is left out; the error classes are one set
export * from 'chpass';
export * from 'chpass/hash';
export * from 'chpass/client';
export * from 'chpass/strength';
