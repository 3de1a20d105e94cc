/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts: a wait for something shared (a token
 * or keys being fetched for several calls) bounded by one caller's signal, without cancelling the shared work.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
