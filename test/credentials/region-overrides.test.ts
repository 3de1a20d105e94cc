import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { hssService } from "../../generated/hss/operations.js";
import { resolveEndpoint } from "../../src/core/endpoint.js";
import { parseRegionsFile } from "../../src/credentials/regions-file.js";
import { CACHE_DIR } from "../runtimes/build.js";

let dir: string;
let files = 0;
beforeAll(() => {
  mkdirSync(CACHE_DIR, { recursive: true });
  dir = mkdtempSync(join(CACHE_DIR, "region-overrides-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** A fresh regions file (a new path each time: files are read once per process and path, as the SDKs do). */
function regionsFile(text: string): string {
  const path = join(dir, `regions-${++files}.yaml`);
  writeFileSync(path, text);
  vi.stubEnv("HUAWEICLOUD_SDK_REGIONS_FILE", path);
  return path;
}

const hssEndpoint = (region: string) => resolveEndpoint(hssService, { region });

describe("region endpoint overrides", () => {
  it("takes HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION} first (upper case, - → _; the first of a list)", () => {
    regionsFile("HSS:\n  - id: ap-southeast-1\n    endpoint: https://from-file.example.com\n");
    vi.stubEnv("HUAWEICLOUD_SDK_REGION_HSS_AP_SOUTHEAST_1", "http://127.0.0.1:8080,http://127.0.0.1:8081");
    expect(hssEndpoint("ap-southeast-1")).toBe("http://127.0.0.1:8080");
  });

  it("then the regions file, in the official SDKs' format (endpoint or endpoints, any service case)", () => {
    regionsFile(
      [
        "# overrides",
        "hss:",
        "  - id: ap-southeast-1",
        "    endpoint: 'https://hss.example.com'",
        "  - id: cn-north-4",
        "    endpoints:",
        "      - https://hss-cn.example.com:8443",
        "      - 'https://second.example.com'",
        "SWR:",
        "  - id: ap-southeast-1",
        '    endpoint: "https://swr.example.com"',
      ].join("\n"),
    );
    expect(hssEndpoint("ap-southeast-1")).toBe("https://hss.example.com");
    expect(hssEndpoint("cn-north-4")).toBe("https://hss-cn.example.com:8443");
  });

  it("then the spec's table", () => {
    regionsFile("HSS:\n  - id: cn-north-4\n    endpoint: https://hss.example.com\n");
    expect(hssEndpoint("ap-southeast-1")).toBe(hssService.regions["ap-southeast-1"]);
    vi.stubEnv("HUAWEICLOUD_SDK_REGIONS_FILE", join(dir, "absent.yaml"));
    expect(hssEndpoint("ap-southeast-1")).toBe("https://hss.ap-southeast-1.myhuaweicloud.com");
  });

  it("checks an overridden endpoint like an explicit one", () => {
    vi.stubEnv("HUAWEICLOUD_SDK_REGION_HSS_AP_SOUTHEAST_1", "https://host.example.com/path");
    expect(() => hssEndpoint("ap-southeast-1")).toThrow(/hss: endpoint: expected an origin .* got the path/);
  });

  it("refuses a regions file it cannot read as the SDKs' format, naming file and line", () => {
    const path = regionsFile("HSS:\n  - id: ap-southeast-1\n    region: x\n");
    expect(() => hssEndpoint("ap-southeast-1")).toThrow(`regions file ${path}:3: unexpected key "region"`);
    expect(() => parseRegionsFile("  - id: x\n", "f.yaml")).toThrow("regions file f.yaml:1: expected a service name");
  });
});
