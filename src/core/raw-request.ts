/**
 * What `raw` refuses before it adds credentials. openapi-fetch lets each request set its own `baseUrl` and
 * `redirect`, and either would take the token or signature away from the client's endpoint: to another origin,
 * or to wherever a followed redirect points (fetch strips only `Authorization` on a cross-origin redirect, not
 * `X-Auth-Token` or `X-Security-Token`). The methods do neither; `raw` refuses both, before anything is sent
 * (`redirect: "error"`, which fails on a redirect rather than following it, is let through).
 */
export function onClientEndpoint(service: string, origin: string, request: Request): Request {
  const to = new URL(request.url).origin;
  if (to !== origin) {
    throw new TypeError(`${service}.raw: a request to ${to} is refused: credentials go only to the endpoint ${origin}`);
  }
  if (request.redirect === "follow") {
    throw new TypeError(
      `${service}.raw: redirect "follow" is refused: a followed redirect would carry the credentials ` +
        `wherever Location points; redirects are never followed (README, "Redirects")`,
    );
  }
  return request;
}
