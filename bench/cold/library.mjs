// Cold start: import the built library and build a client (no request).
import { createHssClient } from "../../dist/src/index.js";
const hss = createHssClient({ projectId: "p", region: "ap-southeast-1", auth: { ak: "AK", sk: "SK" } });
if (typeof hss.listTasks !== "function") throw new Error("no client");
