import type { RequestStep } from "./types.js";

/** Adds credentials (the client's auth strategy: a token header, or an AK/SK signature), afresh on every attempt. */
export const authorize: RequestStep = (next, client) => async (request, call) => {
  const authorized = await client.auth.authorize(request, call.parts?.body);
  call.sent = authorized;
  return next(authorized, call);
};
