export { createHssClient, createSwrClient, type HssClient, type SwrClient } from "./clients.js";
export type { ClientOptions } from "./core/options.js";
export type { AuthOptions } from "./auth/strategy.js";
export { signHeaders, signRequest, type AkSkCredentials, type RequestToSign, type SignatureHeaders, type SignOptions } from "./auth/sign.js";
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
export { InvalidPageError, paginate, type PaginateOptions, type PagingBehaviour } from "./paginate.js";
export * from "./waiters/index.js";
export type { CallOptions, HeadersOf, InputOf, ItemOf, Method, MethodResponse, OutputOf, PaginatedMethod } from "./core/method.js";
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
export type * from "../generated/hss/operations.js";
export type * from "../generated/swr/operations.js";
export type * from "../generated/hss/named-types.js";
export type * from "../generated/swr/named-types.js";
