/** SWR v2 (spec/swr.v2.yaml): ListInstanceJobs over the jobs store. */
import type { StandInService } from "../../engine/service.js";
import { swrErrors } from "./errors.js";
import { listInstanceJobs } from "./handlers.js";
import type { SwrStore } from "./store.js";

export const swrService: StandInService<SwrStore> = {
  name: "swr",
  pathPrefix: "/v2/",
  errors: swrErrors,
  handlers: { ListInstanceJobs: listInstanceJobs },
};
