import { accessLog } from "./access-log.js";
import { authorize } from "./authorize.js";
import { build } from "./build.js";
import { checkResponse } from "./check-response.js";
import { classify } from "./classify.js";
import { fillClientValues } from "./fill-client-values.js";
import { limitBody } from "./limit-body.js";
import { middleware } from "./middleware.js";
import { refreshAuth } from "./refresh-auth.js";
import { refuseRedirect } from "./refuse-redirect.js";
import { retry } from "./retry.js";
import { send } from "./send.js";
import { transport } from "./transport.js";
import type { ClientContext, Exchange, Handler, RequestStep, Step } from "./types.js";
import { validate } from "./validate.js";

/**
 * The steps of every call, outermost first. Each runs around the ones after it: retry re-runs refresh-auth,
 * check-response, classify and send; send ends the stack and runs the request steps for each attempt. A step
 * with nothing to do for this client returns `next` itself and is left out of the stack (fill-client-values
 * without a lookup, retry with retries off); one with nothing to do for a call hands it on without a promise of
 * its own. So a call pays one promise for each step that may change its outcome, and none for the others.
 */
const CALL_STEPS: readonly Step[] = [validate, fillClientValues, build, retry, refreshAuth, checkResponse, classify];

/**
 * The steps of each HTTP exchange, outermost first, inside the attempt's deadline; transport ends them. The
 * caller's middleware and access log sit next to the transport: they see the request as sent and the answer as
 * it came, and each is left out when not configured.
 */
const REQUEST_STEPS: readonly RequestStep[] = [authorize, limitBody, refuseRedirect, middleware, accessLog];

/** Composes the pipeline once per client: the handler every method of the client calls. */
export function composePipeline(client: ClientContext): Handler {
  const exchange = REQUEST_STEPS.reduceRight<Exchange>((next, step) => step(next, client), transport(client));
  return CALL_STEPS.reduceRight<Handler>((next, step) => step(next, client), send(client, exchange));
}
