// Type-level tests of the client options and of optional inputs: compiled by test/types/types.test.ts twice,
// with exactOptionalPropertyTypes off (tsconfig.json) and on (tsconfig.exact.json). Each `@ts-expect-error`
// line must hit a real type error under both settings.
import { createHssClient, createSwrClient, type AuthOptions, type HssRegion, type SwrRegion } from "../../src/index.js";

const auth = { token: "t" } as const;

export function clientOptions(): void {
  createHssClient({ projectId: "p", region: "ap-southeast-1", auth });
  createHssClient({ projectId: "p", endpoint: "https://hss.example.com", auth });
  // Both: requests go to endpoint; region names the region the client works in (see Placement).
  createHssClient({ projectId: "p", region: "ap-southeast-1", endpoint: "https://hss.example.com", auth });
  // A region newer than the spec still type-checks (Region | (string & {})); it needs endpoint at run time.
  createSwrClient({ projectId: "p", region: "xx-newregion-9", endpoint: "https://swr.example.com", auth });
  // Optional options accept undefined explicitly, also under exactOptionalPropertyTypes.
  createHssClient({
    projectId: "p",
    region: "ap-southeast-1",
    auth,
    timeoutMs: undefined,
    retry: undefined,
    signal: undefined,
  });
  createHssClient({ projectId: "p", endpoint: "https://hss.example.com", region: undefined, auth });
  // @ts-expect-error neither region nor endpoint
  createHssClient({ projectId: "p", auth });
  // @ts-expect-error region and endpoint both undefined is neither
  createHssClient({ projectId: "p", region: undefined, endpoint: undefined, auth });
}

export function regions(): void {
  const hssRegion: HssRegion = "ap-southeast-1";
  const swrRegion: SwrRegion = "eu-west-101";
  // @ts-expect-error not a region of the HSS spec
  const nowhere: HssRegion = "nowhere";
  // @ts-expect-error eu-west-0 has an SWR endpoint but no HSS one
  const notHss: HssRegion = "eu-west-0";
  void [hssRegion, swrRegion, nowhere, notHss];
}

export function authShapes(): void {
  const token: AuthOptions = { token: "t" };
  const provider: AuthOptions = { token: async () => "t" };
  const akSk: AuthOptions = { ak: "AK", sk: "SK" };
  const temporary: AuthOptions = { ak: "AK", sk: "SK", securityToken: "ST" };
  const explicitlyAbsent: AuthOptions = { ak: "AK", sk: "SK", securityToken: undefined, token: undefined };
  // @ts-expect-error a token together with an AK/SK pair
  const mixed: AuthOptions = { token: "t", ak: "AK", sk: "SK" };
  // @ts-expect-error a token together with a security token
  const tokenAndSecurityToken: AuthOptions = { token: "t", securityToken: "ST" };
  // @ts-expect-error an AK without its SK
  const halfPair: AuthOptions = { ak: "AK" };
  // @ts-expect-error mixed shapes are refused by the client factories too
  createHssClient({ projectId: "p", region: "ap-southeast-1", auth: { token: "t", ak: "AK", sk: "SK" } });
  void [token, provider, akSk, temporary, explicitlyAbsent, mixed, tokenAndSecurityToken, halfPair];
}

export async function optionalInputs(): Promise<void> {
  const hss = createHssClient({ projectId: "p", region: "ap-southeast-1", auth });
  const swr = createSwrClient({ projectId: "p", region: "ap-southeast-1", auth });
  // undefined for optional query, body and nested fields: the runtime treats it as absent.
  await hss.listTasks({ task_type: "iac_scan", limit: undefined, offset: undefined, task_name: undefined });
  await hss.listTasks({ task_type: "cluster_scan", cluster_scan_info: { scan_type_list: undefined } });
  await swr.listInstanceJobs({ status: undefined, limit: undefined });
  // Call options too.
  await swr.listInstanceJobs({}, { signal: undefined, timeoutMs: undefined });
  // @ts-expect-error a required field is still required: undefined is not a task type
  await hss.listTasks({ task_type: undefined });
}
