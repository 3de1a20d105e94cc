/**
 * What `raw` refuses before it adds credentials. openapi-fetch lets each request set its own `baseUrl` and
 * `redirect`, and either would take the token or signature away from the client's endpoint: to another origin,
 * or to wherever a followed redirect points (fetch strips only `Authorization` on a cross-origin redirect, not
 * `X-Auth-Token` or `X-Security-Token`). The methods do neither; `raw` refuses both, before anything is sent
 * (`redirect: "error"`, which fails on a redirect rather than following it, is let through).
 */
export function onClientEndpoint(service: string, origin: string, request: Request): Request {
  const url = new URL(request.url);
  if (url.origin !== origin) {
    // (A URL without an origin, `file:` say, has the origin "null": its scheme says more.)
    const to = url.origin === "null" ? `a ${url.protocol} URL` : url.origin;
    throw new TypeError(`${service}.raw: a request to ${to} is refused: credentials go only to the endpoint ${origin}`);
  }
  if (request.redirect === "follow") {
    // fetch's default: a request whose `redirect` option is given as undefined gets it too (openapi-fetch spreads
    // the request's options over the client's "manual").
    throw new TypeError(
      `${service}.raw: redirect "follow" (fetch's default, also when the option is undefined) is refused: a followed ` +
        `redirect would carry the credentials wherever Location points; redirects are never followed (README, "Redirects")`,
    );
  }
  return request;
}
