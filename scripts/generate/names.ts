/** `hss` → `Hss`: the prefix of a service's generated type names (`HssMethods`, `HssClient`, `HssRegion`). */
export function serviceTypeName(serviceName: string): string {
  return serviceName[0]!.toUpperCase() + serviceName.slice(1);
}
