import type { ConditionalRequirement } from "./operation.js";

/** A field a conditional requirement makes required, missing from the object it belongs to. */
export interface MissingConditionalField {
  readonly field: string;
  readonly because: string;
}

/**
 * The first field that `conditions` require of `object` and that it lacks, e.g. `cluster_scan_info` when
 * `task_type` is `cluster_scan` (the spec's `oneOf` + discriminator or `if`/`then`). `prefix` is the object's
 * path (`cluster_scan_info.`), or empty for the input itself.
 */
export function missingConditionalField(
  conditions: readonly ConditionalRequirement[] | undefined,
  object: Readonly<Record<string, unknown>>,
  prefix = "",
): MissingConditionalField | undefined {
  for (const { field, equals, require } of conditions ?? []) {
    if (object[field] !== equals) continue;
    const missing = require.find((name) => object[name] === undefined);
    if (missing !== undefined)
      return { field: `${prefix}${missing}`, because: `${prefix}${field} is ${JSON.stringify(equals)}` };
  }
  return undefined;
}
