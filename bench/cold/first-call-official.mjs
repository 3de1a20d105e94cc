// Time to first call, official SDK: import its core and SWR package, build an AK/SK SwrClient (project id
// given, so it asks IAM nothing), make one ListNamespaces call to the bench server, report CPU time.
import core from "@huaweicloud/huaweicloud-sdk-core";
import swr from "@huaweicloud/huaweicloud-sdk-swr";
const [origin, projectId] = process.argv.slice(2);
const credentials = new core.BasicCredentials()
  .withAk("BENCHAK0000000000001")
  .withSk("bench-secret-key")
  .withProjectId(projectId);
const client = swr.SwrClient.newBuilder().withCredential(credentials).withEndpoint(origin).build();
const answer = await client.listNamespaces(new swr.ListNamespacesRequest());
if (!Array.isArray(answer.namespaces)) throw new Error("no answer");
const cpu = process.cpuUsage();
console.log(JSON.stringify({ cpuUs: cpu.user + cpu.system }));
