/**
 * Run by iam-default-chain.test.ts in a child process whose environment holds only the official SDKs'
 * variables: a client created with nothing but a region, which must find its keys, endpoint and project id.
 */
import { createHssClient } from "../src/index.js";

const hss = createHssClient({ region: "ap-southeast-1" });
try {
  const { data, status } = await hss.showTaskStatistics.withResponse({ task_type: "iac_scan" });
  console.log(JSON.stringify({ status, total: data.total_num }));
} catch (error) {
  console.log(JSON.stringify({ error: { name: (error as Error).name, message: (error as Error).message } }));
}
