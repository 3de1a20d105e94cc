import { regionEndpointOverride } from "#region-overrides";
import type { ServiceSpec } from "./operation.js";

/**
 * The origin requests go to: the explicit `endpoint`, or the region's — overridden without code where the
 * runtime has an environment (`HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}`, then `~/.huaweicloud/regions.yaml`;
 * see src/credentials/region-overrides.ts), else the spec's table.
 *
 * An explicit endpoint must be an origin — `http(s)://host[:port]`, optionally with a trailing `/` — and
 * nothing else: a path would be prefixed to every operation's path (and signed), a query or fragment would
 * corrupt the URL openapi-fetch builds, and user-info would be sent to the host as Basic credentials.
 */
export function resolveEndpoint(
  service: ServiceSpec,
  options: { readonly region?: string | undefined; readonly endpoint?: string | undefined },
): string {
  if (options.endpoint !== undefined) return checkOrigin(service.name, options.endpoint);
  if (options.region === undefined) throw new TypeError(`${service.name}: expected either region or endpoint`);
  const override = regionEndpointOverride(service.name, options.region);
  if (override !== undefined) return checkOrigin(service.name, override);
  const endpoint = Object.hasOwn(service.regions, options.region) ? service.regions[options.region] : undefined;
  if (endpoint === undefined) {
    throw new TypeError(
      `${service.name}: unknown region ${JSON.stringify(String(options.region).slice(0, 100))}; known regions: ${Object.keys(service.regions).join(", ")} (or pass endpoint)`,
    );
  }
  return endpoint;
}

function checkOrigin(serviceName: string, endpoint: string): string {
  const refuse = (why: string): never => {
    // The value is not quoted: a user-info part would be a password.
    throw new TypeError(
      `${serviceName}: endpoint: expected an origin such as https://hss.example.com (scheme, host and optional port), ${why}`,
    );
  };
  if (typeof endpoint !== "string") return refuse("got a non-string");
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return refuse("got something that is not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    refuse(`got the scheme ${JSON.stringify(url.protocol.slice(0, 20))}`);
  const authority = endpoint.replace(/^[a-z][a-z0-9+.-]*:\/*/i, "").split(/[/?#\\]/, 1)[0]!;
  if (url.username !== "" || url.password !== "" || authority.includes("@")) refuse("got user-info (user:password@)");
  if (url.pathname !== "/") refuse(`got the path ${JSON.stringify(url.pathname.slice(0, 100))}`);
  // An empty query or fragment (`https://host?`, `https://host#`) leaves url.search/hash empty: look at the text.
  if (endpoint.includes("?")) refuse("got a query");
  if (endpoint.includes("#")) refuse("got a fragment");
  return url.origin;
}
