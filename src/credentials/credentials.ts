/**
 * The one shape every credential provider answers with, and the object that carries it.
 *
 * Secrets (`sk`, `securityToken`) are own properties that are not enumerable, and the object answers
 * `toJSON`, `toString` and Node's inspect hook without them: spreading, `JSON.stringify`, `String()`,
 * `console.log` and `util.inspect` never show them, while `credentials.sk` still reads them for signing.
 */

/** AK/SK credentials with what came along with them. `sk` and `securityToken` never show in output. */
export interface Credentials {
  /** The access key id (not a secret: it travels in every signed request's Authorization header). */
  readonly ak: string;
  /** The secret access key. Not enumerable. */
  readonly sk: string;
  /** The security token of temporary AK/SK (sent as `X-Security-Token`). Not enumerable. */
  readonly securityToken?: string;
  /** The project id, when the source names one (`HUAWEICLOUD_SDK_PROJECT_ID`, the profile's `project_id`). */
  readonly projectId?: string;
  /** The IAM endpoint for this credential's project lookup, when the source names one. */
  readonly iamEndpoint?: string;
  /** When temporary keys stop working; absent for permanent keys. */
  readonly expiresAt?: Date;
  /** Where the keys came from, e.g. `environment`, `profile /home/me/.huaweicloud/credentials`. */
  readonly source: string;
}

/**
 * A credential provider: answers credentials, or rejects with a {@link CredentialsError} saying why this
 * source has none. Called again whenever fresh keys are needed; wrap it in `cached()` to share and renew.
 */
export type CredentialProvider = () => Promise<Credentials>;

/** What a provider fills in; `createCredentials` checks it and hides the secrets. */
export interface CredentialsInit {
  ak: string;
  sk: string;
  securityToken?: string | undefined;
  projectId?: string | undefined;
  iamEndpoint?: string | undefined;
  expiresAt?: Date | undefined;
  source: string;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const HIDDEN = "[hidden]";

/** Builds a frozen {@link Credentials} whose secrets stay out of every printed or serialized form. */
export function createCredentials(init: CredentialsInit): Credentials {
  // Say which field is wrong, never what it holds.
  for (const field of ["ak", "sk", "source"] as const) {
    if (typeof init[field] !== "string" || init[field] === "")
      throw new TypeError(`credentials.${field}: expected a non-empty string`);
  }
  for (const field of ["securityToken", "projectId", "iamEndpoint"] as const) {
    const value = init[field];
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      throw new TypeError(`credentials.${field}: expected a non-empty string or nothing`);
    }
  }
  if (init.expiresAt !== undefined && !(init.expiresAt instanceof Date && Number.isFinite(init.expiresAt.getTime()))) {
    throw new TypeError("credentials.expiresAt: expected a valid Date or nothing");
  }
  const visible = {
    source: init.source,
    ak: init.ak,
    ...(init.projectId !== undefined ? { projectId: init.projectId } : {}),
    ...(init.iamEndpoint !== undefined ? { iamEndpoint: init.iamEndpoint } : {}),
    ...(init.expiresAt !== undefined ? { expiresAt: new Date(init.expiresAt.getTime()) } : {}),
  };
  // What printing shows: the visible fields, and only the fact that secrets are there.
  const printable = () => ({
    ...visible,
    sk: HIDDEN,
    ...(init.securityToken !== undefined ? { securityToken: HIDDEN } : {}),
  });
  const credentials = { ...visible };
  Object.defineProperties(credentials, {
    sk: { value: init.sk, enumerable: false },
    ...(init.securityToken !== undefined ? { securityToken: { value: init.securityToken, enumerable: false } } : {}),
    toJSON: { value: printable, enumerable: false },
    toString: { value: () => `Credentials from ${init.source} (ak ${init.ak})`, enumerable: false },
    [INSPECT]: { value: () => printable(), enumerable: false },
  });
  return Object.freeze(credentials) as Credentials;
}

/** What `cached()` keeps: anything with an optional expiry and a source (keys, an IAM token). */
export interface Expiring {
  readonly expiresAt?: Date | undefined;
  readonly source: string;
  /** What it is, for errors ("keys" when absent): e.g. "a token". */
  readonly what?: string | undefined;
}

/** True when `credentials` have an expiry and it is at or before `now` (ms since the epoch). */
export function isExpired(credentials: Expiring, now: number): boolean {
  return credentials.expiresAt !== undefined && credentials.expiresAt.getTime() <= now;
}
