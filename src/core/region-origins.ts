/**
 * A service's region table (`ServiceSpec.regions`: region id → endpoint origin) from the spec's servers as the
 * generator writes them: each server url, its `{region}` left in, with the region ids it serves. Built once
 * when the module loads; the written-out table repeated every origin in full, which was most of its bytes.
 */
export function regionOrigins(servers: { readonly [url: string]: readonly string[] }): {
  readonly [region: string]: string;
} {
  const regions: Record<string, string> = {};
  for (const url in servers) for (const id of servers[url]!) regions[id] = url.replace("{region}", () => id);
  return regions;
}
