// What a valid answer's status is, for every transport: node.ts, the runtime's fetch and the caller's `fetch`.

/**
 * Why an answer with `status` is not valid HTTP, or undefined when it is. A final answer's status is 200-599 (fetch
 * and node:http handle the interim 1xx themselves), but both node:http and undici's fetch pass any three-digit
 * status, 600-999 too. The message is ours: NetworkError shows the root cause.
 */
export function invalidStatus(status: number): Error | undefined {
  if (status >= 200 && status <= 599) return undefined;
  return new Error(`the server answered HTTP ${status}, outside 200-599: not a valid HTTP response`);
}

/**
 * `response`, or (its status not valid HTTP) a failure as fetch's own network failures are, a TypeError whose cause
 * says why: the call then ends with a NetworkError naming the status on every runtime, as on Node (node.ts), not
 * with a HuaweiCloudError for a status no service answers. The body is not read. A browser's manual redirect (type
 * `opaqueredirect`, status 0: the server's status is hidden) passes on, to be refused as a redirect.
 */
export function withValidStatus(response: Response): Response {
  const invalid = response.type === "opaqueredirect" ? undefined : invalidStatus(response.status);
  if (invalid === undefined) return response;
  response.body?.cancel().catch(() => {});
  throw new TypeError("network error", { cause: invalid });
}
