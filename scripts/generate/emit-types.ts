import "./telemetry-off.js";
import type { Config } from "@redocly/openapi-core";
import openapiTS, { astToString } from "openapi-typescript";
import { pathToFileURL } from "node:url";
import { fileHeader } from "./header.js";
import type { SpecFile } from "../openapi/index.js";
import { shapeTypes, typeOptions } from "./types-shape.js";

/** `generated/<service>/types.ts`: openapi-typescript's `paths`, `components` and `operations` types. */
export async function emitTypes(spec: SpecFile, config: Config): Promise<string> {
  // silent: the spec has already been linted with the same config, and every problem reported.
  const ast = await openapiTS(pathToFileURL(spec.absolutePath), { redocly: config, silent: true, ...typeOptions });
  return fileHeader(spec.file) + astToString(shapeTypes(ast));
}
