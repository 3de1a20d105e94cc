import type { Credentials } from "./credentials.js";
import { CredentialsError } from "./errors.js";

/**
 * The IAM endpoint of the project lookup when the credentials name none: the global endpoint, as in the
 * official SDKs (Go `DefaultIamEndpoint`, Python `DEFAULT_IAM_ENDPOINT`); spec/iam.v3.yaml's first server.
 */
export const DEFAULT_IAM_ENDPOINT = "https://iam.myhuaweicloud.com";

export interface ProjectIdLookupOptions {
  /** The region whose project is looked up (`GET /v3/projects?name={region}`). */
  readonly region: string;
  /** The client's fetch, so the lookup goes where the client's requests go (tests: a loopback stand-in). */
  readonly fetch?: ((request: Request) => Promise<Response>) | undefined;
}

/**
 * The project id of `region` for given keys, from IAM `KeystoneListProjects` (the generated IAM client, signed
 * with the same keys) on the keys' IAM endpoint, else the global one — as the official SDKs' `GetProjectId`.
 * Looked up once per IAM endpoint and access key; concurrent first calls share the pending lookup, and a
 * failed lookup is not kept (the next call asks again). Zero or several projects is an error naming the count.
 */
export function projectIdLookup(options: ProjectIdLookupOptions): (credentials: Credentials) => Promise<string> {
  const { region, fetch } = options;
  const found = new Map<string, Promise<string>>();
  return (credentials) => {
    const endpoint = credentials.iamEndpoint ?? DEFAULT_IAM_ENDPOINT;
    const key = `${endpoint}\n${credentials.ak}`;
    let pending = found.get(key);
    if (pending === undefined) {
      pending = lookUp(region, endpoint, credentials, fetch);
      found.set(key, pending);
      const settled = pending;
      settled.catch(() => found.get(key) === settled && found.delete(key));
    }
    return pending;
  };
}

async function lookUp(
  region: string,
  endpoint: string,
  credentials: Credentials,
  fetch: ProjectIdLookupOptions["fetch"],
): Promise<string> {
  const source = `project id lookup (KeystoneListProjects on ${endpoint})`;
  // Loaded on first use: clients given a projectId never load the IAM client.
  const { createIamClient } = await import("../../generated/iam/client.js");
  const { ak, sk, securityToken } = credentials;
  const iam = createIamClient({
    endpoint,
    auth: securityToken === undefined ? { ak, sk } : { ak, sk, securityToken },
    fetch,
  });
  const { projects } = await iam.keystoneListProjects({ name: region });
  // The body is checked to be an object, not its fields: a `projects` that is not a list, or holds something
  // other than objects, counts no project here rather than failing as a bare TypeError.
  const ids = (Array.isArray(projects) ? (projects as unknown[]) : []).flatMap((project) => {
    const { name, id } = (typeof project === "object" && project !== null ? project : {}) as Record<string, unknown>;
    return name === region && typeof id === "string" && id !== "" ? [id] : [];
  });
  if (ids.length !== 1) {
    const why = ids.length === 0 ? "no project" : `${ids.length} projects`;
    throw new CredentialsError(
      source,
      `IAM answered ${why} named ${JSON.stringify(region)}; pass projectId to choose one`,
    );
  }
  return ids[0]!;
}
