import { HuaweiCloudError } from "../errors.js";
import { requestIdOf } from "./answer.js";
import { successBody } from "./success-body.js";
import type { Call, Outcome, Step } from "./types.js";

/** Reads the answer: a 2xx body becomes the method's result (as `success-body.ts` reads it), anything else a HuaweiCloudError. */
export const classify: Step = (next) => (call) => next(call).then((outcome) => classified(call, outcome));

function classified(call: Call, outcome: Outcome): Outcome {
  const { response } = outcome;
  if (!response.ok) {
    throw new HuaweiCloudError({
      status: response.status,
      operation: call.operation.operationId,
      requestId: requestIdOf(response),
      body: outcome.errorBody,
      attempts: call.attempts,
    });
  }
  return { ...outcome, output: successBody(call, outcome) };
}
