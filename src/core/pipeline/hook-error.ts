import { HuaweiCloudSdkError } from "../errors.js";
import { cut } from "../show.js";
import type { Call } from "./types.js";

/** The caller's callbacks the pipeline runs: the middleware hooks and the access log. */
export type HookName = "onRequest" | "onResponse" | "onError" | "accessLog";

/**
 * A callback the caller gave the client (a middleware hook or the access log) threw or rejected. The call ends
 * with this error, never retried: a hook is the caller's own code, so its failure is reported rather than
 * hidden, and is never mistaken for a network error. The thrown value is the `cause`.
 */
export class HookError extends HuaweiCloudSdkError {
  override readonly name = "HookError";
  /** Which callback threw. */
  declare readonly hook: HookName;

  constructor(operation: string, hook: HookName, cause: unknown, attempts: number) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(operation, `${operation} failed: the ${hook} hook threw: ${cut(reason, 300)}`, { attempts }, { cause });
    this.hook = hook;
  }
}

/**
 * Runs one of the caller's callbacks; what it throws (or its promise rejects with) becomes a HookError. Given
 * the response the callback saw, a failure cancels its body, which nobody will read, freeing the connection.
 */
export async function runHook(call: Call, hook: HookName, run: () => unknown, response?: Response): Promise<void> {
  try {
    await run();
  } catch (error) {
    await response?.body?.cancel().catch(() => {});
    throw new HookError(call.operation.operationId, hook, error, call.attempts);
  }
}
