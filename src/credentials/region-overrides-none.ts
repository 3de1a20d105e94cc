/** Browsers have no environment and no files: the spec's table alone gives region endpoints. */
export function regionEndpointOverride(_service: string, _region: string): string | undefined {
  return undefined;
}
