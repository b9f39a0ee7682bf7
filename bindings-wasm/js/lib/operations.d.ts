// Generated from the operations' Rust types (core/src/backend/) by `cargo run -p chpass --features schema --example binding_tables`: do not edit.

/** `PUT /_security/user/{username}/_password` (or `/_security/user/_password` for the caller), as elasticsearch-py and elasticsearch-js send it; success is `200 {}`. */
export interface ElasticsearchChangePassword {
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
  operation: 'pwned_passwords.range';
  /** A self-hosted mirror, or the public service by default. */
  base_url?: string;
  /** The password whose SHA-1 prefix is asked about; only its first five hex digits leave the machine. */
  password: string;
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

/** How a request authenticates, sent as the `Authorization` header. */
export type Auth =
  | {
    basic: {
      /** The user name. */
      username: string;
      /** Its password. */
      password: string;
    };
  }
  | {
    api_key: {
      /** The base64 of `id:api_key`, as Elasticsearch's create-API-key call returns it. */
      encoded: string;
    };
  }
  | {
    bearer: {
      /** The token. */
      token: string;
    };
  };

/** A domain, by id or by name. */
export interface NameOrId {
  /** The domain's id (`default` for the default domain). */
  id?: string | null;
  /** The domain's name (`Default` for the default domain). */
  name?: string | null;
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

/** What the token is for; none gives an unscoped token. */
export type Scope =
  | {
    project: Reference;
  }
  | {
    domain: NameOrId;
  };
