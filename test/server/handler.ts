/** The operation handlers, keyed by operationId. Each returns the 200 body or throws InvalidInputError. */
import { createTask, listImageScanTask, listTasks, showTaskStatistics } from "./hss-handlers.js";
import type { Misbehave } from "./pagination.js";
import type { StandInStore } from "./store.js";
import { listInstanceJobs } from "./swr-handlers.js";
import type { ValidInput } from "./validation.js";

export interface HandlerContext {
  store: StandInStore;
  misbehave: Misbehave;
  /** Validated input; offset and limit always present thanks to the spec's defaults. */
  input: ValidInput;
}

export type Handler = (ctx: HandlerContext) => unknown;

export const HANDLERS: Readonly<Record<string, Handler>> = {
  ListTasks: listTasks,
  ListImageScanTask: listImageScanTask,
  ShowTaskStatistics: showTaskStatistics,
  CreateTask: createTask,
  ListInstanceJobs: listInstanceJobs,
};
