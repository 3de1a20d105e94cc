import type { Step } from "./types.js";

/**
 * Fills the client values an operation needs but the client was not given (today: `projectId`), from the
 * client's lookup — the credentials' project id, or IAM's answer for the region. The lookup shares and keeps
 * its answer, so only the first calls wait. Without a lookup, or when it has no value, build says what is missing.
 */
export const fillClientValues: Step = (next, client) => async (call) => {
  const lookup = client.lookupClientValue;
  if (lookup === undefined) return next(call);
  for (const param of Object.values(call.operation.params)) {
    const name = param.clientOption;
    if (name === undefined || client.clientValues[name] !== undefined || call.clientValues?.[name] !== undefined)
      continue;
    const value = await lookup(name);
    if (value !== undefined) call.clientValues = { ...client.clientValues, ...call.clientValues, [name]: value };
  }
  return next(call);
};
