// Type-level tests of the options of the helpers beside the clients (paginate, waitForTask, signHeaders, the
// testing entry's stand-in server): compiled by test/types/types.test.ts with exactOptionalPropertyTypes off and
// on, as the client options are.
// Found using the package from outside: a caller forwarding its own optional values (`signal: options.signal`,
// typed `AbortSignal | undefined`) could not, under exactOptionalPropertyTypes, though the client options and
// call options take them. Each `@ts-expect-error` line must hit a real type error under both settings.
import {
  createHssClient,
  paginate,
  signHeaders,
  waitForTask,
  type PaginateOptions,
  type RequestToSign,
  type WaitForTaskOptions,
} from "../../src/index.js";
import { startStandInServer, type StandInServerOptions } from "../../src/testing/index.js";

const hss = createHssClient({ projectId: "p", region: "ap-southeast-1", auth: { token: "t" } });

/** What a caller's own options look like: every field may be absent, so each reads as `T | undefined`. */
interface CallerOptions {
  readonly signal?: AbortSignal;
  readonly limit?: number;
  readonly timeoutMs?: number;
}

export async function forwardedOptions(caller: CallerOptions): Promise<void> {
  const pageOptions: PaginateOptions = {
    maxItems: caller.limit,
    signal: caller.signal,
    timeoutMs: caller.timeoutMs,
    concurrency: undefined,
  };
  for await (const task of paginate(hss.listTasks, { task_type: "iac_scan" }, pageOptions)) void task;
  await paginate.all(hss.listTasks, { task_type: "iac_scan" }, { signal: caller.signal, maxItems: undefined });

  const waitOptions: WaitForTaskOptions = {
    maxWaitMs: 60_000,
    intervalMs: undefined,
    maxIntervalMs: undefined,
    appearWithinMs: undefined,
    signal: caller.signal,
    timeoutMs: caller.timeoutMs,
  };
  await waitForTask(hss, { task_id: "t", task_type: "iac_scan", enterprise_project_id: undefined }, waitOptions);

  const request: RequestToSign = {
    method: "GET",
    url: "https://hss.example.com/",
    headers: undefined,
    body: undefined,
  };
  await signHeaders(request, { ak: "AK", sk: "SK" }, { date: undefined });

  const standIn: StandInServerOptions = { seed: { tasks: caller.limit, rngSeed: undefined }, port: undefined };
  await (await startStandInServer(standIn)).close();
}

export async function misuse(): Promise<void> {
  // @ts-expect-error maxItems is a number
  await paginate.all(hss.listTasks, { task_type: "iac_scan" }, { maxItems: "10" });
  // @ts-expect-error signal is an AbortSignal
  await paginate.all(hss.listTasks, { task_type: "iac_scan" }, { signal: "stop" });
  // @ts-expect-error maxWaitMs is required, undefined is not a wait
  await waitForTask(hss, { task_id: "t", task_type: "iac_scan" }, { maxWaitMs: undefined });
  // @ts-expect-error a seed size is a number
  await startStandInServer({ seed: { tasks: "10" } });
  // @ts-expect-error a body is a string or bytes
  await signHeaders({ method: "GET", url: "https://hss.example.com/", body: 42 }, { ak: "AK", sk: "SK" });
}
