/**
 * `x-browser: false` in a spec's `info`: the service's client is left out of the browser entry
 * (`generated/browser.ts`, picked by the `browser` condition of the package's "#services" import). For services
 * only the credential helpers call (IAM), which browsers do not have: a browser bundle then does not carry them.
 * Absent or true: the client is in every entry.
 */
import { isRecord, type SpecDocument } from "../../openapi/index.js";
import { fail } from "../problems.js";

export const BROWSER = "x-browser";

export function readBrowser(spec: SpecDocument): boolean {
  const info = isRecord(spec.data.info) ? spec.data.info : {};
  const value = info[BROWSER];
  if (value === undefined) return true;
  if (typeof value !== "boolean") fail(spec, ["info", BROWSER], `${BROWSER} must be true or false`);
  return value;
}
