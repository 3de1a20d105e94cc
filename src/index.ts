export { createHssClient, createSwrClient, type HssClient, type SwrClient } from "./clients.js";
export type { ClientOptions } from "./core/options.js";
export type { AuthOptions } from "./auth/strategy.js";
export { signRequest } from "./auth/sign.js";
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
export { paginate, type PaginateOptions } from "./paginate.js";
export type { CallOptions, HeadersOf, InputOf, ItemOf, Method, MethodResponse, OutputOf, PaginatedMethod } from "./core/method.js";
export type { FieldSchema, OperationSpec, PaginationSpec, ParamSpec, ResponseHeaderType, ServiceSpec } from "./core/operation.js";
export type * from "../generated/hss/operations.js";
export type * from "../generated/swr/operations.js";
