import type { ServiceSpec } from "./operation.js";

/** The origin requests go to: the explicit `endpoint`, or the spec's endpoint for `region`. */
export function resolveEndpoint(service: ServiceSpec, options: { readonly region?: string; readonly endpoint?: string }): string {
  if (options.endpoint !== undefined) {
    if (!/^https?:\/\/[^/]+/.test(options.endpoint)) {
      throw new TypeError(`${service.name}: endpoint: expected an http(s) URL, got ${JSON.stringify(options.endpoint)}`);
    }
    return options.endpoint.replace(/\/+$/, "");
  }
  if (options.region === undefined) throw new TypeError(`${service.name}: expected either region or endpoint`);
  const endpoint = service.regions[options.region];
  if (endpoint === undefined) {
    throw new TypeError(
      `${service.name}: unknown region ${JSON.stringify(options.region)}; known regions: ${Object.keys(service.regions).join(", ")} (or pass endpoint)`,
    );
  }
  return endpoint;
}
