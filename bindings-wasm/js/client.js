// `chpass/client`: requests as plain data (build, interpret, dump redacted) and `Client`, which
// sends them with fetch and runs the whole change. Call `await ready()` first; it also readies
// `chpass`, whose `Policy` the client takes and returns.
import * as wasm from './lib/wasm/chpass_client_wasm.js';
import { instantiate, loader, onCatalog, onEstimator } from './lib/load.js';
import { Policy, ready as mainReady } from './index.js';

const module = loader('chpass/client', async () => {
  await Promise.all([mainReady(), instantiate(wasm, import('./lib/wasm/chpass_client_wasm.bytes.js'))]);
  onEstimator((verdict) => wasm.installStrengthEstimator(verdict));
  onCatalog((catalog) => wasm.installCatalog(catalog));
});
const { need, checked } = module;

/** Downloads and instantiates the client's wasm (and `chpass`'s), once. */
export const ready = module.ready;

/** The request for an operation: `{method, url, headers: [[name, value], …], body}`. */
export const buildRequest = checked(wasm.buildRequest);
/** The outcome of `response` (`{status, headers, body}`), or the typed error it means. */
export const interpretResponse = checked(wasm.interpretResponse);
/** The request as text with every secret shown redacted. */
export const dumpRequest = checked(wasm.dumpRequest);

/** @param {import('./index.js').Policy | import('./index.js').PolicySpec | undefined} policy */
const specOf = (policy) => (policy instanceof Policy ? policy.toJSON() : policy);

/** Sends operations with fetch; every call returns a Promise. */
export class Client extends wasm.Client {
  /** @param {import('./client.js').ClientOptions} [options] */
  constructor(options) {
    need();
    super(options);
  }
  /** The whole change: policy check (nothing sent on failure), send, interpret, re-login after Keystone.
   *  @type {import('./client.js').Client['changePassword']} */
  changePassword(operation, policy, context) {
    return this.changePasswordWithSpec(operation, specOf(policy), context);
  }
  /** Logs in and reads Keystone's own policy: `{policy: Policy, source: 'server' | 'preset'}`.
   *  @type {import('./client.js').Client['keystonePolicy']} */
  async keystonePolicy(login) {
    const { policy, source } = await this.keystonePolicySpec(login);
    return { policy: new Policy(policy), source };
  }
  /** The whole Keystone change from the current password (in `login`) alone: log in, check
   *  against `policy` or else the server's own, change, log in again.
   *  @type {import('./client.js').Client['changeKeystonePassword']} */
  changeKeystonePassword(login, newPassword, policy, context) {
    return this.changeKeystonePasswordWithSpec(login, newPassword, specOf(policy), context);
  }
}

export * from './lib/errors.js';
