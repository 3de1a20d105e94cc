/**
 * The runtime smoke test, written once and run under every runtime (Node, the newest Node, Bun, Deno, headless
 * Chromium) and against the installed npm package. It uses only what the library itself may use (fetch, Web
 * Crypto, URL): no Node module is imported here, so a runtime that lacks them runs it unchanged.
 *
 * `smoke(lib, config)` takes the library's module namespace and the stand-in server's address and credentials,
 * makes a token call, AK/SK calls (a GET with a query, a POST with a JSON body), one pagination and one
 * rejected call, and returns a JSON-able summary that the calling vitest test compares with the server's store
 * and request log. Any unexpected answer throws.
 */

/**
 * @param {any} lib the library's exports (createHssClient, createSwrClient, paginate, HuaweiCloudError)
 * @param {{ url: string, projectId: string, token: string, ak: string, sk: string }} config
 */
export async function smoke(lib, config) {
  const { url, projectId, token, ak, sk } = config;
  const check = (condition, message) => {
    if (!condition) throw new Error(`smoke: ${message}`);
  };

  // Token auth: a GET with a query. Calls of the global fetch are counted meanwhile, to report which transport
  // the resolver picked for this runtime (package.json "imports"): the node:http one never calls it.
  const fetchCalls = countFetchCalls();
  const hssToken = lib.createHssClient({ projectId, endpoint: url, auth: { token } });
  const stats = await hssToken.showTaskStatistics({ task_type: "cluster_scan" });
  const transport = fetchCalls.stop() > 0 ? "fetch" : "node:http";
  check(typeof stats.total_num === "number", `showTaskStatistics: no total_num in ${JSON.stringify(stats)}`);

  // AK/SK auth: a signed GET with a query (SWR) and a signed POST with a JSON body (HSS). Web Crypto's digest
  // and sign are counted meanwhile, to report which digest module the resolver picked for this runtime
  // (package.json "imports"): the node:crypto one never calls them.
  const webCryptoCalls = countWebCryptoCalls();
  const swrAkSk = lib.createSwrClient({ projectId, endpoint: url, auth: { ak, sk } });
  const jobsPage = await swrAkSk.listInstanceJobs({ limit: 5 });
  check(Array.isArray(jobsPage.jobs), `listInstanceJobs: no jobs array in ${JSON.stringify(jobsPage).slice(0, 200)}`);
  const hssAkSk = lib.createHssClient({ projectId, endpoint: url, auth: { ak, sk } });
  const tasksPage = await hssAkSk.listTasks({ task_type: "iac_scan", limit: 10 });
  check(Array.isArray(tasksPage.data_list), "listTasks: no data_list array");
  const digest = webCryptoCalls.stop() > 0 ? "web-crypto" : "node:crypto";

  // One pagination, item by item, over every cluster_scan task (50 a page: several pages).
  const ids = new Set();
  let items = 0;
  for await (const task of lib.paginate(hssToken.listTasks, { task_type: "cluster_scan", limit: 50 })) {
    check(task.task_type === "cluster_scan", `paginate: a task of type ${task.task_type}`);
    ids.add(task.task_id);
    items++;
  }

  // A rejected token gives the typed error, with the server's request id.
  const hssBad = lib.createHssClient({ projectId, endpoint: url, auth: { token: `${token}-wrong` }, retry: false });
  let rejected;
  try {
    await hssBad.showTaskStatistics({ task_type: "iac_scan" });
  } catch (error) {
    rejected = error;
  }
  check(rejected instanceof lib.HuaweiCloudError, `a bad token: expected HuaweiCloudError, got ${String(rejected)}`);

  return {
    digest,
    transport,
    statistics: stats,
    jobsOnPage: jobsPage.jobs.length,
    jobsTotal: jobsPage.total,
    iacTasksOnPage: tasksPage.data_list.length,
    iacTasksTotal: tasksPage.total_num,
    paginated: { items, distinct: ids.size },
    rejected: {
      status: rejected.status,
      hasRequestId: typeof rejected.requestId === "string" && rejected.requestId !== "",
    },
  };
}

/** Counts calls of globalThis.fetch until `stop()`, which restores it and returns the count. */
function countFetchCalls() {
  const original = globalThis.fetch;
  let calls = 0;
  globalThis.fetch = (...args) => {
    calls++;
    return original.apply(globalThis, args);
  };
  return {
    stop() {
      globalThis.fetch = original;
      return calls;
    },
  };
}

/** Counts calls of crypto.subtle.digest and crypto.subtle.sign until `stop()`, which restores them and returns the count. */
function countWebCryptoCalls() {
  const subtle = globalThis.crypto.subtle;
  const originals = { digest: subtle.digest, sign: subtle.sign };
  let calls = 0;
  for (const [name, original] of Object.entries(originals)) {
    subtle[name] = (...args) => {
      calls++;
      return original.apply(subtle, args);
    };
    if (subtle[name] === original) throw new Error(`smoke: cannot count crypto.subtle.${name} calls here`);
  }
  return {
    stop() {
      for (const name of Object.keys(originals)) delete subtle[name];
      return calls;
    },
  };
}

/** The line a runtime prints with the summary; the vitest side looks for it in the output. */
export const RESULT_PREFIX = "SMOKE-RESULT ";
