import { CredentialsError } from "../../credentials/errors.js";
import type { RequestStep } from "./types.js";

/**
 * Adds credentials (the client's auth strategy: a token header, or an AK/SK signature), afresh on every attempt.
 * A client created with `auth: "none"` sends none, and only to operations the spec lets be called without them;
 * any other operation fails here, before anything is sent, instead of with the gateway's 401.
 */
export const authorize: RequestStep = (next, client) => async (request, call) => {
  if (client.auth.anonymous && call.operation.anonymous !== true) {
    throw new CredentialsError(
      'auth "none"',
      `${call.operation.operationId} needs credentials (a token or AK/SK); only operations the spec allows without them can be called`,
    );
  }
  const authorized = await client.auth.authorize(request, call.parts?.body, call.attemptSignal);
  call.sent = authorized;
  return next(authorized, call);
};
