// Every service's create<Service>Client, <Service>Client, <Service>Region and operation types (generated); in
// browsers all but IAM, which only the credential helpers call (package.json "#services", `browser` condition).
export * from "#services";
export type { ClientOptions, CommonClientOptions, Placement } from "./core/options.js";
export type { AkSkAuthOptions, AuthOptions, RenewableTokenProvider, TokenAuthOptions } from "./auth/strategy.js";
export {
  signHeaders,
  signRequest,
  type AkSkCredentials,
  type RequestToSign,
  type SignatureHeaders,
  type SignOptions,
} from "./auth/sign.js";
export {
  HuaweiCloudError,
  HuaweiCloudSdkError,
  InvalidInputError,
  InvalidResponseError,
  NetworkError,
  RedirectError,
  TimeoutError,
  type ErrorContext,
  type HuaweiCloudSdkErrorName,
  type InvalidResponseReason,
} from "./core/errors.js";
export type { RetryOptions } from "./core/retry-policy.js";
export { formatAccessLog, type AccessLog, type AccessLogEntry } from "./core/pipeline/access-log.js";
export type { Middleware, MiddlewareParams } from "./core/pipeline/middleware.js";
export { HookError, type HookName } from "./core/pipeline/hook-error.js";
export { InvalidPageError, paginate, type PaginateOptions, type PagingBehaviour } from "./paginate.js";
export * from "./waiters/index.js";
export type {
  CallOptions,
  HeadersOf,
  InputOf,
  ItemOf,
  Method,
  MethodResponse,
  OutputOf,
  PaginatedMethod,
} from "./core/method.js";
export type {
  FieldSchema,
  MarkerPagination,
  OffsetPagination,
  OperationSpec,
  PageShape,
  PageTotal,
  PaginationSpec,
  ParamSpec,
  ResponseHeaderType,
  ServiceSpec,
} from "./core/operation.js";
