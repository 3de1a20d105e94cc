// Cold start: import the built library and build a client (no request).
import { createHssClient } from "huaweicloud-task-client"; // the package as Node resolves it (dist/node)
const hss = createHssClient({ projectId: "p", region: "ap-southeast-1", auth: { ak: "AK", sk: "SK" } });
if (typeof hss.listTasks !== "function") throw new Error("no client");
