// `chpass/client`: requests as plain data (build, interpret, dump redacted) and `Client`, which
// sends them with fetch and runs the whole change. Call `await ready()` first; it also readies
// `chpass`, whose `Policy` the client takes and returns.
import * as wasm from './lib/wasm/chpass_client_wasm.js';
import { instantiate, loader, onCatalog, onEstimator } from './lib/load.js';
import { Policy, ready as mainReady } from './index.js';
import type { Context, PolicySpec } from './index.js';
import type { ClientOptions, HttpRequest, HttpResponse, KeystoneIssueToken, Operation, Outcome } from './lib/shapes.js';
export type { Auth, ClientOptions, Ec2Credential, HttpRequest, HttpResponse, KeystoneIssueToken, NameOrId, Operation, Outcome, Reference, Refresh, ResponseHeaders, Scope } from './lib/shapes.js';
export type { ElasticsearchChangePassword, OpenSearchChangeOwnPassword, OpenSearchSetPassword, KeystoneChangePassword, KeystoneGetPasswordPolicy, KeystoneCreateEc2Credential, KeystoneListEc2Credentials, KeystoneDeleteEc2Credential, KeystoneV2ChangeOwnPassword, KeystoneV2SetPassword, KeystoneV2UpdateEc2Credentials, PwnedPasswordsRange } from './lib/shapes.js';
export * from './lib/errors.js';

const module = loader('chpass/client', async () => {
  await Promise.all([mainReady(), instantiate(wasm, import('./lib/wasm/chpass_client_wasm.bytes.js'))]);
  onEstimator((verdict) => wasm.installStrengthEstimator(verdict));
  onCatalog((catalog) => wasm.installCatalog(catalog));
});
const { need, checked } = module;

/** Downloads and instantiates the client's wasm (and `chpass`'s, whose `Policy` it uses), once. Every other function of this entry throws `NotReadyError` until it resolves; a failed download rejects (call it again to retry). */
export const ready: () => Promise<void> = module.ready;

/** The request an operation sends (method, URL, headers, body), for any HTTP client. */
export const buildRequest: (operation: Operation) => HttpRequest = checked(wasm.buildRequest);
/** The outcome of a response, or throws the typed error it means. */
export const interpretResponse: (operation: Operation, response: HttpResponse) => Outcome = checked(wasm.interpretResponse);
/** The request as text with every password, hash, token and Authorization value `[REDACTED]`. */
export const dumpRequest: (operation: Operation) => string = checked(wasm.dumpRequest);

/** Keystone's own policy, and where it came from. */
export interface KeystonePolicy {
  /** The server's `[security_compliance]` rules, or the `keystone` preset. */
  policy: Policy;
  /** `server` when the token could read the rules, else `preset`. */
  source: 'server' | 'preset';
}

/** A Keystone v3 login with the current password: the `keystone.issue_token` operation. */
export type KeystoneLogin = KeystoneIssueToken;

const specOf = (policy: Policy | PolicySpec | undefined) => (policy instanceof Policy ? policy.toJSON() : policy);

/** Sends operations with fetch (browsers, Node 18+). */
export class Client {
  // wasm-bindgen's client, held rather than extended: its methods take and give untyped values
  readonly #wasm: wasm.Client;
  /** A client; no connection is made until a call. */
  constructor(options?: ClientOptions) {
    need();
    this.#wasm = new wasm.Client(options);
  }
  /** Builds, sends and interprets one operation: its outcome, or the typed error the answer means. */
  execute(operation: Operation): Promise<Outcome> {
    return this.#wasm.execute(operation);
  }
  /** Policy check (nothing is sent when it fails), send, interpret; after Keystone, log in again and return the new token. */
  changePassword(operation: Operation, policy?: Policy | PolicySpec, context?: Context): Promise<Outcome> {
    return this.#wasm.changePasswordWithSpec(operation, specOf(policy), context);
  }
  /** Logs in with `login` and reads Keystone's `[security_compliance]`; the `keystone` preset when the token may not read it. */
  async keystonePolicy(login: KeystoneLogin): Promise<KeystonePolicy> {
    const { policy, source } = await this.#wasm.keystonePolicySpec(login);
    return { policy: new Policy(policy), source };
  }
  /** The whole Keystone change from the current password alone: log in (the change needs the user's id),
   *  check `newPassword` against `policy` or else the server's own (nothing is sent when it fails), change,
   *  log in again; resolves to the new token's outcome. */
  changeKeystonePassword(
    login: KeystoneLogin,
    newPassword: string,
    policy?: Policy | PolicySpec,
    context?: Context,
  ): Promise<Outcome> {
    return this.#wasm.changeKeystonePasswordWithSpec(login, newPassword, specOf(policy), context);
  }
  /** Releases the wasm memory now instead of at garbage collection. */
  free(): void {
    this.#wasm.free();
  }
}
