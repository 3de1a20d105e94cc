import type { Client } from "openapi-fetch";
import { hssOperations, hssService, type HssMethods } from "../generated/hss/operations.js";
import type { paths as HssPaths } from "../generated/hss/types.js";
import { swrOperations, swrService, type SwrMethods } from "../generated/swr/operations.js";
import type { paths as SwrPaths } from "../generated/swr/types.js";
import { createServiceClient } from "./core/client.js";
import type { ClientOptions } from "./core/options.js";

/** HSS v5: ListTasks, ListImageScanTask, ShowTaskStatistics, CreateTask. `raw` is the typed openapi-fetch client. */
export type HssClient = HssMethods & { readonly raw: Client<HssPaths> };
/** SWR v2: ListInstanceJobs, ListReposDetails, DeleteRepo. `raw` is the typed openapi-fetch client. */
export type SwrClient = SwrMethods & { readonly raw: Client<SwrPaths> };

export function createHssClient(options: ClientOptions): HssClient {
  return createServiceClient<HssMethods, HssPaths>(hssService, hssOperations, options);
}

export function createSwrClient(options: ClientOptions): SwrClient {
  return createServiceClient<SwrMethods, SwrPaths>(swrService, swrOperations, options);
}
