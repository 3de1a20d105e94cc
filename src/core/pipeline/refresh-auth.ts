import { HuaweiCloudError } from "../errors.js";
import type { Step } from "./types.js";

/**
 * After a 401, asks the auth strategy whether fresh credentials may fix it (a token provider drops its token)
 * and, if so, sends once more — once per call, and not counted as a retry. A `catch`, not an async function:
 * a call that succeeds pays one promise for this step.
 */
export const refreshAuth: Step = (next, client) => (call) =>
  next(call).catch((error: unknown) => {
    if (!(error instanceof HuaweiCloudError) || error.status !== 401 || call.authRefreshed) throw error;
    if (call.sent === undefined || !client.auth.refresh(call.sent)) throw error;
    call.authRefreshed = true;
    return next(call);
  });
