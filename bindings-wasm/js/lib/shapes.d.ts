// Generated from the Rust types of the arguments, results and operations by `cargo run -p chpass --features schema --example binding_tables`: do not edit.

import type { Notice, PresetName, Violation, ViolationCode } from './policy-types.js';

/** Every rule is off unless the spec turns it on; `{}` is a policy that accepts anything. */
export interface PolicySpec {
  /** Shortest accepted password, in a unit the policy names. */
  min_length?: LengthLimit | null;
  /** Longest accepted password, in a unit the policy names. */
  max_length?: LengthLimit | null;
  /** The server keeps only this much of a longer password (Keystone without `strict_password_check`): not a refusal, but a `truncated_by_server` notice, since any password sharing that start will log in too. */
  truncated_after?: LengthLimit | null;
  /** Reject Unicode control characters (NUL, escape, newline, …), which no one types. */
  forbid_control_characters?: boolean;
  /** A regular expression, in a server's dialect and anchoring. */
  pattern?: PatternSpec | null;
  /** Composition rules. NIST and ASVS forbid them; some servers still ask for them. */
  character_classes?: CharacterClasses | null;
  /** Reject passwords containing a context word (user name, email local part, service, …). */
  context_words?: boolean;
  /** Reject a new password equal to the current one. */
  differ_from_current?: boolean;
  /** Reject common and listed passwords, case-insensitively. */
  blocklist?: BlocklistSpec | null;
  /** Unicode normalization before every check; none by default, as on every server. */
  normalization?: Normalization;
  /** A zxcvbn score rule (OpenSearch's `password_score_based_validation_strength`), evaluated by the `strength` feature (on by default) with the user name as zxcvbn's user input; without the feature it is listed in `Report::not_evaluated`, never taken as a pass. */
  strength?: StrengthSpec | null;
  /** A breached-password check (ASVS 6.2.12) against Pwned Passwords. It needs the network, so `validate` lists it in `not_evaluated`; `Client.change_password` runs it before sending. */
  breached_check?: boolean;
  /** When the breach service cannot be reached: `fail` (the default: nothing is sent) or `warn` (the change goes ahead unchecked). */
  breached_on_error?: BreachedOnError;
}

/** What the validator knows about the user: the words a password must not contain, the current password, and the language of the messages. In JSON-shaped data an object with these keys, all optional. */
export interface Context {
  /** The user name: a context word, and zxcvbn's user input for a strength rule. */
  username?: string | null;
  /** Only the local part (before the last `@`) is used as a context word. */
  email?: string | null;
  /** The service or organization name. */
  service?: string | null;
  /** Other words the password must not contain (at least three characters each). */
  words?: string[];
  /** The current password, for `differ_from_current`. */
  current_password?: string | null;
  /** The language of the report's messages (English by default). In JSON-shaped data a BCP 47 or POSIX tag, `"locale": "de-DE"`, read by `Locale::resolve`. */
  locale?: string | null;
}

/** How to generate; in JSON-shaped data an object with these keys, all optional. */
export interface GenerateOptions {
  /** Characters or a passphrase. */
  mode?: Mode;
  /** Characters: 20, or the policy's minimum if larger, or its maximum if smaller. */
  length?: number | null;
  /** Characters to draw from (each counted once); Elasticsearch's 76 by default. */
  alphabet?: string | null;
  /** Passphrase: 6 words, or more if the policy's minimum length needs them. */
  words?: number | null;
  /** Passphrase: what goes between words. */
  separator?: string;
}

/** Defaults allow every server default and OWASP recommendation with room to spare, and cap one verification at roughly a second and 256 MiB. Raise a field to accept costlier hashes. */
export interface WorkLimits {
  /** 256 MiB; OpenSearch's default is 64 MiB, OWASP's 19 MiB. */
  argon2_max_memory_kib?: number;
  /** Argon2 passes; 16 by default. */
  argon2_max_iterations?: number;
  /** Argon2 lanes; 16 by default. */
  argon2_max_parallelism?: number;
  /** Cost 16 is 64 times cost 10 (about 4 s); Elasticsearch stops at 14. */
  bcrypt_max_cost?: number;
  /** Elasticsearch's largest is 1,000,000; OWASP's PBKDF2-HMAC-SHA1 is 1,300,000. */
  pbkdf2_max_iterations?: number;
}

/** How a `Transport` (the bindings' `Client`) connects, waits and retries; every key is optional. */
export interface ClientOptions {
  /** Time to establish a connection (native only; fetch has no such knob). Default 10 s. */
  connect_timeout_ms?: number;
  /** Time for the whole exchange. Default 30 s. */
  timeout_ms?: number;
  /** Allow plain `http://` to hosts that are not loopback. Off: passwords travel in bodies. */
  allow_insecure_http?: boolean;
  /** An extra trusted CA, PEM (native only; browsers and Node use their own store). */
  extra_ca_pem?: string | null;
  /** Accept any certificate: for a test cloud only, as `openstack --insecure` (native only; refused on wasm32, where the JS host decides). */
  insecure_skip_tls_verify?: boolean;
  /** How many times a `503` is retried. Default 2. */
  max_retries?: number;
  /** A `Retry-After` longer than this is not waited for. Default 30 s. */
  max_retry_after_s?: number;
  /** Where the breached-password check asks: a self-hosted Pwned Passwords mirror, or `https://api.pwnedpasswords.com` by default. */
  pwned_passwords_url?: string | null;
}

/** Every violation in the documented order, and the rules that could not be evaluated. */
export interface Report {
  /** No evaluated rule failed; see `not_evaluated` for the rules that were not run. */
  ok: boolean;
  /** Every broken rule, in the documented order. */
  violations: Violation[];
  /** What the server will do that is not a refusal (Keystone keeps only `params.used` bytes). */
  notices: Notice[];
  /** The codes of rules the policy asks for that this build cannot evaluate: not a pass. */
  not_evaluated: ViolationCode[];
  /** zxcvbn's score and log10(guesses) when the policy has a strength rule, else null. */
  strength: StrengthResult | null;
}

/** What a strength rule measured: zxcvbn's score and log10 of its guesses. */
export interface StrengthResult {
  /** zxcvbn's score, 0–4. */
  score: 0 | 1 | 2 | 3 | 4;
  /** log10 of zxcvbn's guesses. */
  guesses_log10: number;
}

/** What a preset is and where its rules come from. */
export interface PresetInfo {
  /** The name `Policy::preset` takes (`nist-800-63b`, `keystone`, …). */
  name: PresetName;
  /** What it enforces, in a sentence. */
  summary: string;
  /** Where the rules come from (a standard's section, a server's source). */
  source: string;
  /** The option keys it takes. */
  options: string[];
}

/** A request to send: what the sans-IO builders return and a transport sends as it is. */
export interface HttpRequest {
  /** `GET`, `POST`, `PUT`, `PATCH` or `DELETE`. */
  method: string;
  /** The whole URL, path segments percent-encoded. */
  url: string;
  /** Header names and values, in order (secrets in `Authorization` and `X-Auth-Token`). */
  headers: Array<[string, string]>;
  /** UTF-8 JSON; wiped from memory on drop (it may hold passwords). */
  body: string | null;
}

/** The server's answer, as a transport received it, for the operation's `interpret`. */
export interface HttpResponse {
  /** The HTTP status. */
  status: number;
  /** `[[name, value], …]` or `{name: value}` (what fetch and requests hand out). */
  headers?: ResponseHeaders;
  /** The body as text (one over `MAX_RESPONSE_BODY` bytes is an `unexpected_response`). */
  body?: string;
}

/** What a successful answer means. */
export type Outcome =
  | {
    /** Which one this is. */
    outcome: 'password_changed';
  }
  | {
    /** Which one this is. */
    outcome: 'token';
    /** The token, in clear: the caller asked for it. */
    token: string;
    /** The user the token is for (Keystone's `token.user.id`). */
    user_id?: string | null;
    /** When the token expires, as the server wrote it (ISO 8601). */
    expires_at?: string | null;
  }
  | {
    /** Which one this is. */
    outcome: 'policy';
    /** The rules, as a policy spec. */
    policy: PolicySpec;
  }
  | {
    /** Which one this is. */
    outcome: 'ec2_credential';
  } & Ec2Credential
  | {
    /** Which one this is. */
    outcome: 'ec2_credentials';
    /** The credentials, as the server listed them. */
    credentials: Ec2Credential[];
  }
  | {
    /** Which one this is. */
    outcome: 'deleted';
  }
  | {
    /** Which one this is. */
    outcome: 'updated';
  }
  | {
    /** Which one this is. */
    outcome: 'breach_count';
    /** The count of breaches. */
    count: number;
  };

/** The estimate, with the match sequence zxcvbn found (positions in UTF-16 units, no tokens: they are pieces of the password). */
export interface Strength {
  /** 0 (too guessable) to 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  /** zxcvbn's estimate of the guesses an attacker needs. */
  guesses: number;
  /** log10 of `guesses`. */
  guesses_log10: number;
  /** The matches of the most guessable sequence, in order, covering the password. */
  sequence: StrengthMatch[];
  /** Seconds to crack at zxcvbn's four attack speeds. */
  crack_times_seconds: CrackTimes;
  /** zxcvbn's warning and suggestions, each with a stable code. */
  feedback: Feedback;
}

/** The options of the `nist-800-63b` preset. */
export interface NistPresetOptions {
  /** The password is one factor of several: the minimum drops from 15 to 8. */
  mfa?: boolean;
}

/** The options of a preset that takes none: an empty object (or null). */
export type NoPresetOptions =
  | Record<string, never>;

/** The `plugins.security.restapi.*` settings that shape password validation. */
export interface OpenSearchPresetOptions {
  /** Off unless set (the plugin's default is -1). */
  password_min_length?: number | null;
  /** The cluster's regex, in Java syntax; empty or none is no regex rule. */
  password_validation_regex?: string | null;
  /** The message of a regex refusal (the plugin's default when none). */
  password_validation_error_message?: string | null;
  /** The minimum zxcvbn score (`strong` by default). */
  password_score_based_validation_strength?: OpenSearchStrength;
}

/** Keystone's `[security_compliance]`, `[identity]` and `[DEFAULT]` password options. */
export interface KeystonePresetOptions {
  /** `[security_compliance] password_regex`; none or empty is no regex rule. */
  password_regex?: string | null;
  /** `[security_compliance] password_regex_description`, the message of a regex refusal. */
  password_regex_description?: string | null;
  /** `[identity] max_password_length`, in UTF-8 bytes: 1 to 4096, 4096 when not set. */
  max_password_length?: number | null;
  /** `[identity] password_hash_algorithm`: `bcrypt` (the default), `bcrypt_sha256`, `scrypt` or `pbkdf2_sha512`. */
  password_hash_algorithm?: 'bcrypt' | 'bcrypt_sha256' | 'scrypt' | 'pbkdf2_sha512';
  /** `[DEFAULT] strict_password_check`: refuse (403) rather than truncate a password over the length Keystone uses. Off by default. */
  strict_password_check?: boolean;
}

/** `PUT /_security/user/{username}/_password` (or `/_security/user/_password` for the caller), as elasticsearch-py and elasticsearch-js send it; success is `200 {}`. */
export interface ElasticsearchChangePassword {
  /** Which one this is. */
  operation: 'elasticsearch.change_password';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** Whose password; none means the authenticated caller's own. */
  username?: string | null;
  /** Exactly one of `password` and `password_hash`. */
  password?: string | null;
  /** A hash in a format Elasticsearch accepts (bcrypt cost 4–14, `{PBKDF2}`, `{PBKDF2_STRETCH}`), instead of `password`. */
  password_hash?: string | null;
  /** The `refresh` query parameter. */
  refresh?: Refresh | null;
  /** How the caller authenticates; none sends no `Authorization`. */
  auth?: Auth | null;
}

/** `PUT /_plugins/_security/api/account` with the current and the new password (or hash). */
export interface OpenSearchChangeOwnPassword {
  /** Which one this is. */
  operation: 'opensearch.change_own_password';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** The caller's current password. */
  current_password: string;
  /** Exactly one of `password` and `hash`. */
  password?: string | null;
  /** A hash in the cluster's configured format (`opensearch_hash`), instead of `password`. */
  hash?: string | null;
  /** Use the deprecated `/_opendistro/_security` path (old clusters). */
  legacy_path?: boolean;
  /** How the caller authenticates; none sends no `Authorization`. */
  auth?: Auth | null;
  /** The cluster's `password_validation_error_message`, to recognise a regex refusal. */
  validation_error_message?: string | null;
}

/** An administrator sets another internal user's password: `PATCH …/internalusers/{name}` with `[{"op": "add", "path": "/password", "value": …}]`. A `PUT` would replace the whole user and drop its roles. */
export interface OpenSearchSetPassword {
  /** Which one this is. */
  operation: 'opensearch.set_password';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** The internal user whose password is set. */
  username: string;
  /** The new password; exactly one of `password` and `hash`. */
  password?: string | null;
  /** A hash in the cluster's configured format (`opensearch_hash`), instead of `password`. */
  hash?: string | null;
  /** Use the deprecated `/_opendistro/_security` path (old clusters). */
  legacy_path?: boolean;
  /** How the administrator authenticates. */
  auth?: Auth | null;
  /** The cluster's `password_validation_error_message`, to recognise a regex refusal. */
  validation_error_message?: string | null;
}

/** `POST /v3/users/{user_id}/password`; success is `204` and revokes the user's tokens. */
export interface KeystoneChangePassword {
  /** Which one this is. */
  operation: 'keystone.change_password';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** Whose password (Keystone addresses users by id). */
  user_id: string;
  /** The current password: Keystone authenticates the change with it, no token needed. */
  original_password: string;
  /** The new password. */
  password: string;
}

/** `POST /v3/auth/tokens` with the password method; the token comes back in `X-Subject-Token`. */
export interface KeystoneIssueToken {
  /** Which one this is. */
  operation: 'keystone.issue_token';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** Who logs in. */
  user: Reference;
  /** Their password. */
  password: string;
  /** What the token is for; none gives an unscoped token. */
  scope?: Scope | null;
}

/** `GET /v3/domains/{domain_id}/config/security_compliance` (any valid token): the policy Keystone enforces, as a `keystone` preset. */
export interface KeystoneGetPasswordPolicy {
  /** Which one this is. */
  operation: 'keystone.get_password_policy';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** A token of the caller, sent as `X-Auth-Token`. */
  token: string;
  /** The domain whose configuration is read (`default` when not given). */
  domain_id?: string;
}

/** `POST /v3/users/{user_id}/credentials/OS-EC2` with `{"tenant_id": project_id}` → `201`. */
export interface KeystoneCreateEc2Credential {
  /** Which one this is. */
  operation: 'keystone.create_ec2_credential';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** A token of the caller, sent as `X-Auth-Token`. */
  token: string;
  /** Whose credential. */
  user_id: string;
  /** The project the credential is for. */
  project_id: string;
}

/** `GET /v3/users/{user_id}/credentials/OS-EC2` → `200 {"credentials": […]}`. */
export interface KeystoneListEc2Credentials {
  /** Which one this is. */
  operation: 'keystone.list_ec2_credentials';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** A token of the caller, sent as `X-Auth-Token`. */
  token: string;
  /** Whose credentials. */
  user_id: string;
}

/** `DELETE /v3/users/{user_id}/credentials/OS-EC2/{access}` → `204`. */
export interface KeystoneDeleteEc2Credential {
  /** Which one this is. */
  operation: 'keystone.delete_ec2_credential';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** A token of the caller, sent as `X-Auth-Token`. */
  token: string;
  /** Whose credential. */
  user_id: string;
  /** The access key of the credential to delete. */
  access: string;
}

/** OS-KSCRUD: `PATCH /v2.0/OS-KSCRUD/users/{user_id}` → `200` with a new token. */
export interface KeystoneV2ChangeOwnPassword {
  /** Which one this is. */
  operation: 'keystone_v2.change_own_password';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** A token of the caller, sent as `X-Auth-Token`. */
  token: string;
  /** Whose password. */
  user_id: string;
  /** The current password. */
  original_password: string;
  /** The new password. */
  password: string;
}

/** OS-KSADM: `PUT /v2.0/users/{user_id}/OS-KSADM/password` (administrators). */
export interface KeystoneV2SetPassword {
  /** Which one this is. */
  operation: 'keystone_v2.set_password';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** An administrator's token, sent as `X-Auth-Token`. */
  token: string;
  /** Whose password. */
  user_id: string;
  /** The new password. */
  password: string;
}

/** The EC2 credentials update as the v2.0 API reference documents it: `POST /v2.0/users/{userId}/OS-KSADM/credentials/OS-KSEC2:ec2Credentials` with an administrator's token. Documented answers: 200, 400, 401, 403, 404, 405, 409, 413, 415, 503. */
export interface KeystoneV2UpdateEc2Credentials {
  /** Which one this is. */
  operation: 'keystone_v2.update_ec2_credentials';
  /** The server's base URL (`https://host:port`, with any path prefix); the endpoint's path is appended. */
  base_url: string;
  /** An administrator's token, sent as `X-Auth-Token`. */
  token: string;
  /** Whose credentials. */
  user_id: string;
  /** The user name the body names. */
  username: string;
  /** The EC2 secret. */
  secret: string;
  /** The EC2 signature. */
  signature: string;
}

/** `GET {base_url}/range/{first five hex digits of SHA-1, upper case}`. */
export interface PwnedPasswordsRange {
  /** Which one this is. */
  operation: 'pwned_passwords.range';
  /** A self-hosted mirror, or the public service by default. */
  base_url?: string;
  /** The password whose SHA-1 prefix is asked about; only its first five hex digits leave the machine. */
  password: string;
}

/** OWASP's argon2id parameters by default: 19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte tag. */
export interface Argon2idHashSpec {
  /** Which one this is. */
  algorithm: 'argon2id';
  /** Memory, in KiB (at least 8 per lane). */
  memory_kib?: number;
  /** Passes over the memory. */
  iterations?: number;
  /** Lanes. */
  parallelism?: number;
  /** Bytes of random salt. */
  salt_length?: number;
  /** Bytes of the hash. */
  hash_length?: number;
  /** 19 (0x13, current) or 16 (0x10, the original). */
  version?: number;
  /** A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG. */
  salt?: string | null;
}

/** OWASP's argon2id parameters by default: 19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte tag. */
export interface Argon2iHashSpec {
  /** Which one this is. */
  algorithm: 'argon2i';
  /** Memory, in KiB (at least 8 per lane). */
  memory_kib?: number;
  /** Passes over the memory. */
  iterations?: number;
  /** Lanes. */
  parallelism?: number;
  /** Bytes of random salt. */
  salt_length?: number;
  /** Bytes of the hash. */
  hash_length?: number;
  /** 19 (0x13, current) or 16 (0x10, the original). */
  version?: number;
  /** A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG. */
  salt?: string | null;
}

/** OWASP's argon2id parameters by default: 19 MiB, 2 passes, 1 lane, 16-byte salt, 32-byte tag. */
export interface Argon2dHashSpec {
  /** Which one this is. */
  algorithm: 'argon2d';
  /** Memory, in KiB (at least 8 per lane). */
  memory_kib?: number;
  /** Passes over the memory. */
  iterations?: number;
  /** Lanes. */
  parallelism?: number;
  /** Bytes of random salt. */
  salt_length?: number;
  /** Bytes of the hash. */
  hash_length?: number;
  /** 19 (0x13, current) or 16 (0x10, the original). */
  version?: number;
  /** A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG. */
  salt?: string | null;
}

/** bcrypt's parameters. */
export interface BcryptHashSpec {
  /** Which one this is. */
  algorithm: 'bcrypt';
  /** log2 of the rounds, 4–31; 12 by default (pyca/bcrypt's and OpenSearch's default). */
  cost?: number;
  /** The prefix written: `2b` by default. */
  variant?: BcryptVariant;
  /** A fixed 16-byte salt, for reproducible vectors only. */
  salt?: string | null;
}

/** Elasticsearch's own choices by default: 10,000 iterations, 32-byte salt, 256-bit key. */
export interface ElasticsearchPbkdf2HashSpec {
  /** Which one this is. */
  algorithm: 'elasticsearch_pbkdf2';
  /** One of 1000, 10000, 50000, 100000, 500000, 1000000. */
  iterations?: number;
  /** Bytes of random salt. */
  salt_length?: number;
  /** A positive multiple of 16 bytes. */
  key_length?: number;
  /** A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG. */
  salt?: string | null;
}

/** Elasticsearch's own choices by default: 10,000 iterations, 32-byte salt, 256-bit key. */
export interface ElasticsearchPbkdf2StretchHashSpec {
  /** Which one this is. */
  algorithm: 'elasticsearch_pbkdf2_stretch';
  /** One of 1000, 10000, 50000, 100000, 500000, 1000000. */
  iterations?: number;
  /** Bytes of random salt. */
  salt_length?: number;
  /** A positive multiple of 16 bytes. */
  key_length?: number;
  /** A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG. */
  salt?: string | null;
}

/** OpenSearch's defaults: HMAC-SHA256, 600,000 iterations, 256 bits, 128-character salt. */
export interface Password4jPbkdf2HashSpec {
  /** Which one this is. */
  algorithm: 'password4j_pbkdf2';
  /** The HMAC's hash function. */
  hmac?: Hmac;
  /** Iterations. */
  iterations?: number;
  /** The key length in bits, 8 or more; as in password4j, a length that is not whole bytes makes `key_bits / 8` bytes and is written as given. */
  key_bits?: number;
  /** A random salt is printable ASCII, which every password4j version reads alike (it kept salts as Java Strings before 1.7.0, bytes since); any non-empty `salt` may be given. */
  salt_length?: number;
  /** A fixed salt, for reproducible vectors only; omitted, it comes from the OS CSPRNG. */
  salt?: string | null;
}

/** Each preset's options, by preset name (`Policy.preset(name, options)`). */
export interface PresetOptions {
  /** The options of `nist-800-63b`. */
  'nist-800-63b': NistPresetOptions;
  /** The options of `owasp-asvs-5-l1`. */
  'owasp-asvs-5-l1': NoPresetOptions;
  /** The options of `owasp-asvs-5-l2`. */
  'owasp-asvs-5-l2': NoPresetOptions;
  /** The options of `elasticsearch`. */
  'elasticsearch': NoPresetOptions;
  /** The options of `opensearch`. */
  'opensearch': OpenSearchPresetOptions;
  /** The options of `keystone`. */
  'keystone': KeystonePresetOptions;
}

/** Every request chpass can build, tagged by `operation`. */
export type Operation =
  | ElasticsearchChangePassword
  | OpenSearchChangeOwnPassword
  | OpenSearchSetPassword
  | KeystoneChangePassword
  | KeystoneIssueToken
  | KeystoneGetPasswordPolicy
  | KeystoneCreateEc2Credential
  | KeystoneListEc2Credentials
  | KeystoneDeleteEc2Credential
  | KeystoneV2ChangeOwnPassword
  | KeystoneV2SetPassword
  | KeystoneV2UpdateEc2Credentials
  | PwnedPasswordsRange;

/** How to hash: the algorithm and its parameters, tagged by `algorithm`. */
export type HashSpec =
  | Argon2idHashSpec
  | Argon2iHashSpec
  | Argon2dHashSpec
  | BcryptHashSpec
  | ElasticsearchPbkdf2HashSpec
  | ElasticsearchPbkdf2StretchHashSpec
  | Password4jPbkdf2HashSpec;

/** A warning or suggestion of zxcvbn's feedback. */
export interface Advice {
  /** A stable name for it (`top10_common_password`, `add_another_word`, …), to translate by. */
  code: string;
  /** zxcvbn's English sentence. */
  message: string;
}

/** How a request authenticates, sent as the `Authorization` header. */
export type Auth =
  | {
    /** `Authorization: Basic base64(username:password)`. */
    basic: {
      /** The user name. */
      username: string;
      /** Its password. */
      password: string;
    };
  }
  | {
    /** `Authorization: ApiKey <encoded>`, the base64 of `id:api_key` that Elasticsearch returns. */
    api_key: {
      /** The base64 of `id:api_key`, as Elasticsearch's create-API-key call returns it. */
      encoded: string;
    };
  }
  | {
    /** `Authorization: Bearer <token>`. */
    bearer: {
      /** The token. */
      token: string;
    };
  };

/** The prefix: `2b` is current; `2a` is what Elasticsearch writes, `2y` what PHP and OpenSearch write. All three hash the same way for passwords this version accepts. */
export type BcryptVariant =
  | '2a'
  | '2b'
  | '2y';

/** Passwords refused outright: the common ones, your own words, or breached ones offline. */
export interface BlocklistSpec {
  /** The built-in list of the 3,000 most common passwords. */
  common?: boolean;
  /** Your own words (product names, last year's passwords, …). */
  words?: string[];
  /** Breached passwords offline: SHA-1 digests in hex (any case), e.g. the lines of a Pwned Passwords download with the counts cut off. Matched exactly (not case-folded). */
  sha1?: string[];
}

/** What a change does when the breach service cannot be asked. */
export type BreachedOnError =
  | 'fail'
  | 'warn';

/** Minimum counts per class (0 = no rule), and how many of the four classes must appear. Classes follow Unicode: lowercase and uppercase letters, numeric characters, and everything else that is not a letter or a number (space, punctuation, emoji) as a symbol. */
export interface CharacterClasses {
  /** At least this many lowercase letters. */
  lowercase?: number;
  /** At least this many uppercase letters. */
  uppercase?: number;
  /** At least this many digits (Unicode numeric characters). */
  digit?: number;
  /** At least this many symbols (anything not a letter or a number). */
  symbol?: number;
  /** At least this many of the four classes, 0–4. */
  min_classes?: number;
}

/** Seconds to crack at zxcvbn's four attack speeds, and how zxcvbn says them. */
export interface CrackTimes {
  /** An online attack throttled to 100 guesses an hour. */
  online_throttling_100_per_hour: number;
  /** An online attack with no throttling, 10 guesses a second. */
  online_no_throttling_10_per_second: number;
  /** An offline attack on a slow hash (bcrypt, argon2…), 10⁴ guesses a second. */
  offline_slow_hashing_1e4_per_second: number;
  /** An offline attack on a fast hash, 10¹⁰ guesses a second. */
  offline_fast_hashing_1e10_per_second: number;
}

/** How a regex is applied, and in whose syntax. */
export type Dialect =
  | 'python_re_match'
  | 'java_matches'
  | 'search';

/** An EC2 credential; `secret` is given in clear to the caller (it asked for it). */
export interface Ec2Credential {
  /** The access key (public). */
  access: string;
  /** The secret key. */
  secret: string;
  /** The project it is for (Keystone's `tenant_id`). */
  project_id: string | null;
  /** The user it belongs to. */
  user_id: string | null;
  /** The trust it was made under, if any. */
  trust_id: string | null;
}

/** zxcvbn's feedback: what is weak about the password and how to make it stronger. */
export interface Feedback {
  /** zxcvbn's warning, or `None` where it gives the empty string. */
  warning: Advice | null;
  /** zxcvbn's suggestions, in its order. */
  suggestions: Advice[];
}

/** The hash function of PBKDF2's HMAC (password4j's choices). */
export type Hmac =
  | 'sha1'
  | 'sha224'
  | 'sha256'
  | 'sha384'
  | 'sha512';

/** A length limit and the unit it counts in. */
export interface LengthLimit {
  /** The limit. */
  value: number;
  /** What it counts: code points, UTF-16 units or UTF-8 bytes. */
  unit: LengthUnit;
}

/** The unit a length is counted in. The three give three answers for "😀😀😀": 3, 6 and 12. */
export type LengthUnit =
  | 'code_points'
  | 'utf16_units'
  | 'utf8_bytes';

/** What a generated password is made of. */
export type Mode =
  | 'characters'
  | 'passphrase';

/** A domain, by id or by name. */
export interface NameOrId {
  /** The domain's id (`default` for the default domain). */
  id?: string | null;
  /** The domain's name (`Default` for the default domain). */
  name?: string | null;
}

/** What the password is normalized to before every check. */
export type Normalization =
  | 'none'
  | 'nfkc';

/** `plugins.security.restapi.password_score_based_validation_strength`. */
export type OpenSearchStrength =
  | 'fair'
  | 'good'
  | 'strong'
  | 'very_strong';

/** zxcvbn's name for the kind of a match (its `pattern`). */
export type Pattern =
  | 'dictionary'
  | 'spatial'
  | 'repeat'
  | 'sequence'
  | 'regex'
  | 'date'
  | 'bruteforce';

/** A regex rule: the password must match it. */
export interface PatternSpec {
  /** The regex, in the dialect's syntax (at most 64 KiB). */
  regex: string;
  /** Whose syntax and matching. */
  dialect: Dialect;
  /** Shown as the violation's message, like the servers do. */
  description?: string | null;
}

/** A user or a project: by id, or by name within a domain (Keystone's own shape for both). */
export interface Reference {
  /** By id (then no name or domain is needed). */
  id?: string | null;
  /** By name, within `domain`. */
  name?: string | null;
  /** The domain of a name. */
  domain?: NameOrId | null;
}

/** When the change becomes visible to searches (Elasticsearch's `refresh` parameter). */
export type Refresh =
  | 'true'
  | 'false'
  | 'wait_for';

/** `[[name, value], …]` or `{name: value}`. */
export type ResponseHeaders =
  | Array<[string, string]>
  | Record<string, string>;

/** What the token is for; none gives an unscoped token. */
export type Scope =
  | {
    /** A token for a project. */
    project: Reference;
  }
  | {
    /** A token for a domain. */
    domain: NameOrId;
  };

/** One match of the sequence: its pattern, where it lies and what it costs. */
export interface StrengthMatch {
  /** What kind of match it is. */
  pattern: Pattern;
  /** The first UTF-16 unit of the match. */
  i: number;
  /** The last UTF-16 unit of the match (inclusive, as zxcvbn's `j`). */
  j: number;
  /** The guesses zxcvbn estimates for this match alone. */
  guesses: number;
  /** For a dictionary match, zxcvbn's list: `passwords`, `english_wikipedia`, `female_names`, `surnames`, `us_tv_and_film`, `male_names` or `user_inputs`. */
  dictionary_name?: 'passwords' | 'english_wikipedia' | 'female_names' | 'surnames' | 'us_tv_and_film' | 'male_names' | 'user_inputs';
}

/** A zxcvbn score rule: OpenSearch's rules 4 and 5. */
export interface StrengthSpec {
  /** The lowest accepted zxcvbn score, 0–4. */
  min_score: number;
  /** Also reject a dictionary match against the user name (OpenSearch's rule 5). */
  reject_similar_to_username?: boolean;
}
