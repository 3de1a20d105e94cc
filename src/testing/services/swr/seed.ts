/** Deterministic SWR seed data: instance jobs with the statuses and reasons of the ListInstanceJobs page. */
import type { Rng } from "../prng.js";
import { newestFirst } from "../seed-time.js";
import type { JobDetail, SwrStore } from "./store.js";

export interface SwrSeedSizes {
  jobs: number;
}

/** The SWR store; draws from `rng` after the services seeded before it. */
export function seedSwr(rng: Rng, sizes: SwrSeedSizes): SwrStore {
  return { jobs: newestFirst(sizes.jobs, (i, createdAt) => seedJob(rng, i, createdAt)) };
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
