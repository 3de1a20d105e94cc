/**
 * HSS error bodies `{ error_code, error_msg }`. Codes from reference/hss-error-codes.en.md and the API
 * Gateway errors of reference/huaweicloud-apig-signing.en.md (HSS documents no 401 code of its own:
 * authentication is refused by the gateway with APIGW.0301).
 */
import type { ErrorStyle } from "../../engine/error-answers.js";

export const hssErrors: ErrorStyle = {
  codes: {
    invalidParameter: ["HSS.0001", "Invalid parameter."],
    invalidQuery: ["HSS.0001", "Invalid parameter."],
    unparsable: ["HSS.0002", "Failed to parse the request."],
    unauthorized: ["APIGW.0301", "Incorrect IAM authentication information."],
    forbidden: ["HSS.0010", "Access denied."],
    noSuchApi: ["APIGW.0101", "The API does not exist or has not been published in the environment."],
    internal: ["HSS.0041", "Query host extend info error"],
  },
  injectedCode: (status) => `HSS.${status}`,
  body: (code, message) => ({ error_code: code, error_msg: message }),
};
