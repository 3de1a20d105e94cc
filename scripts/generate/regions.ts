import { isRecord, type SpecDocument } from "../openapi/index.js";
import { fail } from "./problems.js";

/**
 * Region id → endpoint origin, from the spec's `servers`: each server url's `{region}` variable is expanded
 * over its `enum` (or its `default` when it has no enum); other variables take their default. A server with no
 * variables at all (a global endpoint such as https://iam.myhuaweicloud.com) serves no one region and adds none.
 */
export function regionTable(spec: SpecDocument): Record<string, string> {
  const servers = spec.data.servers;
  if (!Array.isArray(servers) || servers.length === 0) fail(spec, ["servers"], "the spec needs a servers list");
  const regions: Record<string, string> = {};
  servers.forEach((server: unknown, index) => {
    const at = ["servers", String(index)];
    if (!isRecord(server) || typeof server.url !== "string") fail(spec, at, "a server needs a url");
    const variables = isRecord(server.variables) ? server.variables : {};
    if (!server.url.includes("{") && Object.keys(variables).length === 0) return;
    const region = variables.region;
    if (!server.url.includes("{region}") || !isRecord(region)) {
      fail(spec, at, `server url "${server.url}" needs a {region} variable`);
    }
    const ids = Array.isArray(region.enum) ? region.enum : [region.default];
    for (const id of ids) {
      if (typeof id !== "string") fail(spec, [...at, "variables", "region"], "region values must be strings");
      if (id in regions) fail(spec, [...at, "variables", "region"], `region "${id}" is listed by two servers`);
      regions[id] = expand(server.url, { ...defaults(variables), region: id });
    }
  });
  return regions;
}

function defaults(variables: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, variable]) => [name, isRecord(variable) ? String(variable.default) : ""]),
  );
}

function expand(url: string, values: Record<string, string>): string {
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
