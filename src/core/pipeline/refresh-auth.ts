import { HuaweiCloudError } from "../errors.js";
import type { Step } from "./types.js";

/**
 * After a 401, asks the auth strategy whether fresh credentials may fix it (a token provider drops its token)
 * and, if so, sends once more — once per call, and not counted as a retry.
 */
export const refreshAuth: Step = (next, client) => async (call) => {
  try {
    return await next(call);
  } catch (error) {
    if (!(error instanceof HuaweiCloudError) || error.status !== 401 || call.authRefreshed) throw error;
    if (call.sent === undefined || !client.auth.refresh(call.sent)) throw error;
    call.authRefreshed = true;
    return next(call);
  }
};
