/** HSS v5 (spec/hss.v5.yaml): the four task operations over the tasks and image scan tasks stores. */
import type { StandInService } from "../../engine/service.js";
import { hssErrors } from "./errors.js";
import { createTask, listImageScanTask, listTasks, showTaskStatistics } from "./handlers.js";
import type { HssStore } from "./store.js";

export const hssService: StandInService<HssStore> = {
  name: "hss",
  pathPrefix: "/v5/",
  errors: hssErrors,
  handlers: {
    ListTasks: listTasks,
    ListImageScanTask: listImageScanTask,
    ShowTaskStatistics: showTaskStatistics,
    CreateTask: createTask,
  },
};
