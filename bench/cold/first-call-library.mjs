// Time to first call: import the built library, build an AK/SK client, make one signed call to the bench
// server (origin in argv), then report this process's CPU time. Wall time is measured by the parent.
import { createHssClient } from "huaweicloud-task-client"; // the package as Node resolves it (dist/node)
const [origin, projectId] = process.argv.slice(2);
const hss = createHssClient({
  projectId,
  endpoint: origin,
  auth: { ak: "BENCHAK0000000000001", sk: "bench-secret-key" },
});
const statistics = await hss.showTaskStatistics({ task_type: "cluster_scan" });
if (typeof statistics.total_num !== "number") throw new Error("no answer");
const cpu = process.cpuUsage();
console.log(JSON.stringify({ cpuUs: cpu.user + cpu.system }));
