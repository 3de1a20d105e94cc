/**
 * The official SDKs' regions file (`~/.huaweicloud/regions.yaml`), in the one shape they read — a map of
 * service name to a list of `{ id, endpoint }` or `{ id, endpoints: [...] }`:
 *
 *     HSS:
 *       - id: ap-southeast-1
 *         endpoint: 'https://hss.example.com'
 *       - id: cn-north-4
 *         endpoints:
 *           - 'https://hss.cn-north-4.example.com'
 *
 * A line parser for this shape rather than the `yaml` package: that package would be the library's second
 * runtime dependency (~100 kB) for a file of this shape alone. Anything else is refused naming the file and line.
 * Answers `"{SERVICE} {region}"` → the first endpoint (services upper case, as the SDKs match them).
 */
export function parseRegionsFile(text: string, path: string): Map<string, string> {
  const table = new Map<string, string>();
  let service: string | undefined;
  let item: { id?: string; endpoints: string[] } | undefined;
  let inEndpoints = false;
  const finish = () => {
    if (service !== undefined && item?.id !== undefined && item.endpoints[0] !== undefined)
      table.set(`${service} ${item.id}`, item.endpoints[0]);
    item = undefined;
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, "").replace(/^#.*$/, "");
    if (line.trim() === "" || line.trim() === "---") return;
    const fail = (why: string): never => {
      throw new TypeError(`regions file ${path}:${index + 1}: ${why}`);
    };
    const top = /^([A-Za-z0-9_-]+):\s*$/.exec(line);
    if (top) {
      finish();
      service = top[1]!.toUpperCase();
      return;
    }
    if (service === undefined) fail("expected a service name (SERVICE:) first");
    const entry = /^\s+(-\s+)?(id|endpoints?|[a-z_]+):(?:\s+(.*)|$)/.exec(line);
    const listValue = /^\s+-\s+(.+)$/.exec(line);
    // Under `endpoints:`, a `- …` line is an endpoint (`- https://…` must not read as a key).
    if (listValue && inEndpoints && item !== undefined && !/^\s+-\s+(id|endpoints?):/.test(line)) {
      item.endpoints.push(unquote(listValue[1]!));
      return;
    }
    if (entry) {
      const [, dash, key, value = ""] = entry;
      if (dash) finish();
      if (dash || item === undefined) item = { endpoints: [] };
      inEndpoints = key === "endpoints" && value === "";
      if (key === "id") item.id = unquote(value);
      else if (key === "endpoint") item.endpoints.unshift(unquote(value));
      else if (key !== "endpoints" || value !== "")
        fail(`unexpected key ${JSON.stringify(key)} (expected id, endpoint or endpoints)`);
      return;
    }
    fail("expected `- id: …`, `endpoint: …` or `endpoints:` with `- …` items");
  });
  finish();
  return table;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return /^(['"]).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}
