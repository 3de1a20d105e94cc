/** Deterministic SWR seed data: instance jobs with the statuses and reasons of the ListInstanceJobs page. */
import type { Rng } from "../prng.js";
import { newestFirst } from "../seed-time.js";
import type { JobDetail, ShowReposResp, SwrStore } from "./store.js";

export interface SwrSeedSizes {
  jobs: number;
  repos: number;
}

const NAMESPACES = ["group", "team-a", "team-b"] as const;
const CATEGORIES = ["app_server", "linux", "framework_app", "database", "lang", "other"] as const;

/** The SWR store; draws from `rng` after the services seeded before it (repositories after jobs). */
export function seedSwr(rng: Rng, sizes: SwrSeedSizes): SwrStore {
  const jobs = newestFirst(sizes.jobs, (i, createdAt) => seedJob(rng, i, createdAt));
  return { jobs, repos: newestFirst(sizes.repos, (i, createdAt) => seedRepo(rng, i, createdAt)) };
}

function seedRepo(rng: Rng, index: number, createdAt: number): ShowReposResp {
  const namespace = rng.pick(NAMESPACES);
  const name = `repo-${String(index + 1).padStart(4, "0")}`;
  const updatedAt = createdAt + rng.int(1, 600) * 1000;
  return {
    name,
    category: rng.pick(CATEGORIES),
    description: "",
    size: rng.int(1_000_000, 500_000_000),
    is_public: rng.chance(0.2),
    num_images: rng.int(1, 20),
    num_download: rng.int(0, 1000),
    created_at: isoSeconds(createdAt),
    updated_at: isoSeconds(updatedAt),
    logo: "",
    url: "",
    path: `swr.ap-southeast-1.myhuaweicloud.com/${namespace}/${name}`,
    internal_path: `10.125.0.198:20202/${namespace}/${name}`,
    domain_name: "tenant",
    namespace,
    tags: ["latest"],
    status: false,
    total_range: 0,
  };
}

/** Repository times are whole seconds, e.g. `2021-05-12T03:50:38Z`. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function seedJob(rng: Rng, index: number, createdAt: number): JobDetail {
  const status = rng.chance(0.7) ? "Success" : rng.pick(["Creating", "Initializing", "Running", "Failed"] as const);
  const instanceId = rng.uuid();
  return {
    id: rng.uuid(),
    instance_id: instanceId,
    resource_id: instanceId,
    resource_name: `swr-instance-${String(index + 1).padStart(4, "0")}`,
    type: "CreateInstance",
    status,
    reason: status === "Failed" ? rng.pick(["failed to select cce cluster", "insufficient quota"]) : "",
    created_at: isoMicros(createdAt),
    updated_at: isoMicros(createdAt + rng.int(1, 600) * 1000),
  };
}

/** SWR writes times with microseconds, e.g. `2021-05-12T03:50:38.305978Z`. */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000Z");
}
