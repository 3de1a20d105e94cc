// Every service's create<Service>Client, <Service>Client, <Service>Region and operation types (generated).
export * from "../generated/index.js";
export type { ClientOptions, CommonClientOptions, Placement } from "./core/options.js";
export type { AkSkAuthOptions, AuthOptions, TokenAuthOptions } from "./auth/strategy.js";
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
export type { CallOptions, InputOf, ItemOf, Method, OutputOf, PaginatedMethod } from "./core/method.js";
export type { FieldSchema, OperationSpec, PaginationSpec, ParamSpec, ServiceSpec } from "./core/operation.js";
