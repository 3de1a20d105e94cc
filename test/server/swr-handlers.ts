/** The SWR v2 operation over the in-memory store: jobs newest first, filtered by exact status. */
import { paginate } from "./pagination.js";
import type { HandlerContext } from "./handler.js";

export function listInstanceJobs(ctx: HandlerContext): unknown {
  const { status, offset, limit } = ctx.input.query as { status?: string; offset: number; limit: number };
  const jobs = ctx.store.jobs.filter((job) => status === undefined || job.status === status);
  const page = paginate(jobs, offset, limit, ctx.misbehave);
  return { jobs: page.items, total: page.total };
}
