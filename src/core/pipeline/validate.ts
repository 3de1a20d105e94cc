import { validateInput } from "../input-validation.js";
import { checkTimeout } from "../options.js";
import type { Step } from "./types.js";

/**
 * Checks what the caller gave — the input against the spec, then the per-call options — before anything else,
 * and keeps the copy of the input taken while checking it: the later steps read only that.
 */
export const validate: Step = (next) => (call) => {
  call.checked = validateInput(call.operation, call.input);
  const timeoutMs = call.options.timeoutMs;
  if (timeoutMs !== undefined) call.timeoutMs = checkTimeout(`${call.operation.operationId}: timeoutMs`, timeoutMs);
  return next(call);
};
