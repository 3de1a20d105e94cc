/// <reference types="node" />
/**
 * Region endpoints overridden without code, as the official SDKs do (Go `core/region`: `EnvProvider`,
 * `ProfileProvider`): the variable `HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION_ID}` (upper case, `-` → `_`; a
 * comma-separated list, the first endpoint used), then the regions file — `HUAWEICLOUD_SDK_REGIONS_FILE`, else
 * `~/.huaweicloud/regions.yaml` — then (in the caller) the spec's table. Node, Bun and Deno only: package.json's
 * `#region-overrides` gives browsers `region-overrides-none.ts`.
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { parseRegionsFile } from "./regions-file.js";

export const REGIONS_FILE_VARIABLE = "HUAWEICLOUD_SDK_REGIONS_FILE";

/** Read once per process and path, as the official SDKs read theirs once. */
const files = new Map<string, ReadonlyMap<string, string>>();

export function regionEndpointOverride(service: string, region: string): string | undefined {
  const env = process.env;
  const name = `HUAWEICLOUD_SDK_REGION_${service}_${region}`.toUpperCase().replace(/-/g, "_");
  const fromEnv = env[name]?.split(",")[0]?.trim();
  if (fromEnv) return fromEnv;
  const path = env[REGIONS_FILE_VARIABLE] || join(homedir(), ".huaweicloud", "regions.yaml");
  let table = files.get(path);
  if (table === undefined) {
    table = readRegionsFile(path);
    files.set(path, table);
  }
  return table.get(`${service.toUpperCase()} ${region}`);
}

function readRegionsFile(path: string): ReadonlyMap<string, string> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    // No file is the usual case; an unreadable one is not silently skipped.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw new TypeError(`regions file ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? "error"})`, {
      cause: error,
    });
  }
  return parseRegionsFile(text, path);
}
