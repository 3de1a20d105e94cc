/**
 * Starts the stand-in server for manual use and prints how to call it:
 *   npx tsx test/server/cli.ts            (PORT=8080 to pick the port)
 * The SK is not printed: it is DEFAULT_SK in src/testing/defaults.ts.
 */
import { DEFAULT_AK, DEFAULT_TOKEN, startStandInServer } from "./index.js";

const server = await startStandInServer({ port: Number(process.env["PORT"] ?? 0) });
console.log(`HSS/SWR stand-in server listening on ${server.url}`);
console.log(`  project id:   ${server.projectId}`);
console.log(`  X-Auth-Token: ${DEFAULT_TOKEN}`);
console.log(`  AK:           ${DEFAULT_AK} (SK: DEFAULT_SK in src/testing/defaults.ts)`);
console.log(`  try: curl -H 'X-Auth-Token: ${DEFAULT_TOKEN}' '${server.url}/v2/${server.projectId}/jobs?limit=2'`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
