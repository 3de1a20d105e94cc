/**
 * Where the example runs: the stand-in server on loopback (nothing set), or the real cloud (AK and SK set, plus
 * a region or endpoints; the project id set, or looked up from the region). On the real cloud the clients get
 * no `auth`: the library's default credential chain reads the same variables, as the official SDKs do (and
 * HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_IAM_ENDPOINT with them). A half-set environment is a ConfigError,
 * never a silent fallback.
 */

export const ENV = {
  ak: "HUAWEICLOUD_SDK_AK",
  sk: "HUAWEICLOUD_SDK_SK",
  securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  projectId: "HUAWEICLOUD_PROJECT_ID",
  region: "HUAWEICLOUD_REGION",
  endpoint: "HUAWEICLOUD_ENDPOINT",
  swrEndpoint: "HUAWEICLOUD_SWR_ENDPOINT",
  enterpriseProjectId: "HUAWEICLOUD_ENTERPRISE_PROJECT_ID",
  create: "HUAWEICLOUD_EXAMPLE_CREATE",
  fileId: "HUAWEICLOUD_EXAMPLE_FILE_ID",
} as const;

/** A problem with the environment variables: the example prints it and exits 2. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Either `region` (the endpoint comes from the spec) or an explicit `endpoint`. */
export type Location =
  { readonly region: string; readonly endpoint?: string } | { readonly endpoint: string; readonly region?: string };

export interface CloudTarget {
  readonly kind: "cloud";
  /** Unset: the credentials' HUAWEICLOUD_SDK_PROJECT_ID, else IAM's project for the region. */
  readonly projectId: string | undefined;
  /** For display only: the clients take their keys from the default chain. */
  readonly auth: { readonly ak: string; readonly securityToken: boolean };
  readonly hss: Location;
  readonly swr: Location;
  /** HSS enterprise project to work in (`all_granted_eps` for all); unset, the API's default `0`. */
  readonly enterpriseProjectId: string | undefined;
  /** Set only when HUAWEICLOUD_EXAMPLE_CREATE=1: CreateTask costs quota on the real cloud. */
  readonly create: { readonly fileId: string } | undefined;
}

export type Target = { readonly kind: "stand-in" } | CloudTarget;

export function readTarget(env: Readonly<Record<string, string | undefined>>): Target {
  const get = (name: string): string | undefined => (env[name]?.trim() ? env[name].trim() : undefined);
  if ([ENV.ak, ENV.sk, ENV.projectId].every((name) => get(name) === undefined)) return { kind: "stand-in" };
  const credentials = [ENV.ak, ENV.sk];

  const missing = credentials.filter((name) => get(name) === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} not set. To use the real cloud, set ` +
        `${credentials.join(", ")} and ${ENV.region} (or ${ENV.endpoint}); to use the stand-in server, set none of them.`,
    );
  }

  const region = get(ENV.region);
  const endpoint = get(ENV.endpoint);
  const swrEndpoint = get(ENV.swrEndpoint);
  const projectId = get(ENV.projectId) ?? get("HUAWEICLOUD_SDK_PROJECT_ID");
  if (projectId === undefined && region === undefined) {
    throw new ConfigError(
      `${ENV.projectId} is not set: set it, or ${ENV.region} to look the project id up from the region.`,
    );
  }
  if (region === undefined && endpoint === undefined) {
    throw new ConfigError(
      `${ENV.region} is not set: set a region such as ap-southeast-1, or ${ENV.endpoint} (the HSS endpoint).`,
    );
  }
  if (region === undefined && swrEndpoint === undefined) {
    throw new ConfigError(
      `${ENV.swrEndpoint} is not set: ${ENV.endpoint} is the HSS endpoint; set ${ENV.region} or ${ENV.swrEndpoint} for SWR.`,
    );
  }

  let create: CloudTarget["create"];
  if (get(ENV.create) === "1") {
    const fileId = get(ENV.fileId);
    if (fileId === undefined) {
      throw new ConfigError(
        `${ENV.fileId} is not set: with ${ENV.create}=1, give the file id of a Dockerfile uploaded to HSS IaC scanning.`,
      );
    }
    create = { fileId };
  }

  const securityToken = get(ENV.securityToken);
  return {
    kind: "cloud",
    projectId,
    auth: { ak: get(ENV.ak)!, securityToken: securityToken !== undefined },
    // With a region and an endpoint, the endpoint is where requests go and the region names the project.
    hss: { ...(region !== undefined ? { region } : {}), ...(endpoint !== undefined ? { endpoint } : {}) } as Location,
    swr: {
      ...(region !== undefined ? { region } : {}),
      ...(swrEndpoint !== undefined ? { endpoint: swrEndpoint } : {}),
    } as Location,
    enterpriseProjectId: get(ENV.enterpriseProjectId),
    create,
  };
}

/** The AK, shortened for display. The SK is never shown. */
export function maskAk(ak: string): string {
  return ak.length <= 8 ? `${ak.slice(0, 2)}…` : `${ak.slice(0, 4)}…${ak.slice(-4)}`;
}
