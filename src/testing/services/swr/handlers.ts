/** The SWR v2 operation over the in-memory store: jobs newest first, filtered by exact status. */
import { takePage } from "../../engine/paging.js";
import type { HandlerContext } from "../../engine/service.js";
import type { SwrStore } from "./store.js";

export function listInstanceJobs(ctx: HandlerContext<SwrStore>): unknown {
  const { status, offset, limit } = ctx.input.query as { status?: string; offset: number; limit: number };
  const jobs = ctx.store.jobs.filter((job) => status === undefined || job.status === status);
  const page = takePage(jobs, offset, limit, ctx.misbehave);
  return { jobs: page.items, total: page.total };
}
