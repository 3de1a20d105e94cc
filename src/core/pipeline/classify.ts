import { HuaweiCloudError, InvalidResponseError } from "../errors.js";
import type { Step } from "./types.js";

/** Reads the answer: a 2xx body becomes the method's result (parsed JSON), anything else a HuaweiCloudError. */
export const classify: Step = (next) => async (call) => {
  const outcome = await next(call);
  const { response } = outcome;
  const requestId = response.headers.get("X-Request-Id") ?? undefined;
  const operation = call.operation.operationId;
  if (!response.ok) {
    throw new HuaweiCloudError({ status: response.status, operation, requestId, body: outcome.errorBody, attempts: call.attempts });
  }
  if (outcome.text === undefined || outcome.text === "") return outcome;
  try {
    return { ...outcome, output: JSON.parse(outcome.text) };
  } catch (error) {
    const contentType = response.headers.get("Content-Type");
    throw new InvalidResponseError({ operation, status: response.status, reason: "not-json", requestId, contentType, attempts: call.attempts, cause: error });
  }
};
