import { HuaweiCloudError } from "../errors.js";
import { successBody } from "./success-body.js";
import type { Step } from "./types.js";

/** Reads the answer: a 2xx body becomes the method's result (as `success-body.ts` reads it), anything else a HuaweiCloudError. */
export const classify: Step = (next) => async (call) => {
  const outcome = await next(call);
  const { response } = outcome;
  const requestId = response.headers.get("X-Request-Id") ?? undefined;
  const operation = call.operation.operationId;
  if (!response.ok) {
    throw new HuaweiCloudError({
      status: response.status,
      operation,
      requestId,
      body: outcome.errorBody,
      attempts: call.attempts,
    });
  }
  return { ...outcome, output: successBody(call, outcome) };
};
