/**
 * SWR error bodies: HSS's fields plus `encoded_authorization_message` (empty: the stand-in has no encrypted
 * rejection reason to give). Codes from reference/swr-error-codes.md; an unknown path is refused by the API
 * Gateway, as for HSS.
 */
import type { ErrorStyle } from "../../engine/error-answers.js";

export const swrErrors: ErrorStyle = {
  codes: {
    invalidParameter: ["SVCSTG.SWR.4000014", "Invalid API request parameter."],
    invalidQuery: ["SVCSTG.SWR.4001025", "Invalid query parameter."],
    unparsable: ["SVCSTG.SWR.4000014", "Invalid API request parameter."],
    unauthorized: ["SVCSTG.SWR.4010000", "Authentication failed."],
    forbidden: ["SVCSTG.SWR.4030170", "Insufficient permissions"],
    noSuchApi: ["APIGW.0101", "The API does not exist or has not been published in the environment."],
    internal: ["SVCSTG.SWR.5000007", "Internal server error: operation fails."],
  },
  injectedCode: (status) => `SVCSTG.SWR.${status}0000`,
  body: (code, message) => ({ error_code: code, error_msg: message, encoded_authorization_message: "" }),
};
