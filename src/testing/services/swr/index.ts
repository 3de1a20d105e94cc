/** SWR v2 (spec/swr.v2.yaml): ListInstanceJobs and ListReposDetails over the store; DeleteRepo answers as documented. */
import type { StandInService } from "../../engine/service.js";
import { swrErrors } from "./errors.js";
import { listInstanceJobs, listReposDetails } from "./handlers.js";
import type { SwrStore } from "./store.js";

export const swrService: StandInService<SwrStore> = {
  name: "swr",
  pathPrefix: "/v2/",
  errors: swrErrors,
  handlers: { ListInstanceJobs: listInstanceJobs, ListReposDetails: listReposDetails },
};
