/**
 * The error answers of the stand-in server, in each service's common error body:
 * HSS `{ error_code, error_msg }`; SWR adds `encoded_authorization_message` (empty: the stand-in has no
 * encrypted rejection reason to give). Codes come from reference/hss-error-codes.en.md,
 * reference/swr-error-codes.md and the API Gateway errors of reference/huaweicloud-apig-signing.en.md (HSS
 * documents no 401 code of its own: authentication is refused by the gateway with APIGW.0301).
 */
import type { Service } from "./spec.js";

export interface ErrorAnswer {
  status: number;
  body: Record<string, string>;
}

type CodeAndMessage = readonly [code: string, message: string];

const ERRORS = {
  invalidParameter: { status: 400, hss: ["HSS.0001", "Invalid parameter."], swr: ["SVCSTG.SWR.4000014", "Invalid API request parameter."] },
  invalidQuery: { status: 400, hss: ["HSS.0001", "Invalid parameter."], swr: ["SVCSTG.SWR.4001025", "Invalid query parameter."] },
  unparsable: { status: 400, hss: ["HSS.0002", "Failed to parse the request."], swr: ["SVCSTG.SWR.4000014", "Invalid API request parameter."] },
  unauthorized: { status: 401, hss: ["APIGW.0301", "Incorrect IAM authentication information."], swr: ["SVCSTG.SWR.4010000", "Authentication failed."] },
  forbidden: { status: 403, hss: ["HSS.0010", "Access denied."], swr: ["SVCSTG.SWR.4030170", "Insufficient permissions"] },
  noSuchApi: {
    status: 404,
    hss: ["APIGW.0101", "The API does not exist or has not been published in the environment."],
    swr: ["APIGW.0101", "The API does not exist or has not been published in the environment."],
  },
  internal: { status: 500, hss: ["HSS.0041", "Query host extend info error"], swr: ["SVCSTG.SWR.5000007", "Internal server error: operation fails."] },
} as const satisfies Record<string, { status: number; hss: CodeAndMessage; swr: CodeAndMessage }>;

export type ErrorKind = keyof typeof ERRORS;

/** The answer for one kind of error; `detail` (never a secret) is appended to the message. */
export function errorAnswer(service: Service, kind: ErrorKind, detail?: string): ErrorAnswer {
  const { status, [service]: [code, message] } = ERRORS[kind];
  return { status, body: errorBody(service, code, detail ? `${message} ${detail}` : message) };
}

/** The default body of an injected fault: the documented code for the status when there is one. */
export function injectedErrorAnswer(service: Service, status: number): ErrorAnswer {
  const kind = (Object.keys(ERRORS) as ErrorKind[]).find((k) => ERRORS[k].status === status);
  if (kind) return errorAnswer(service, kind, "(injected fault)");
  const code = service === "hss" ? `HSS.${status}` : `SVCSTG.SWR.${status}0000`;
  return { status, body: errorBody(service, code, `Injected fault: HTTP ${status}.`) };
}

function errorBody(service: Service, code: string, message: string): Record<string, string> {
  return service === "swr"
    ? { error_code: code, error_msg: message, encoded_authorization_message: "" }
    : { error_code: code, error_msg: message };
}

/** Thrown by an operation handler for input the schema accepts but the operation does not. */
export class InvalidInputError extends Error {}
