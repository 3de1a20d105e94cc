/**
 * The SWR v2 operations over the in-memory store: jobs newest first, filtered by exact status; repositories
 * newest first, filtered by namespace, name and category, the total in Content-Range (`<offset>-<count>/<total>`,
 * as SWR writes it). ListReposDetails' offset and limit are optional strings: without a limit every repository
 * from the offset on is returned.
 */
import { takePage } from "../../engine/paging.js";
import type { HandlerContext } from "../../engine/service.js";
import type { SwrStore } from "./store.js";

export function listInstanceJobs(ctx: HandlerContext<SwrStore>): unknown {
  const { status, offset, limit } = ctx.input.query as { status?: string; offset: number; limit: number };
  const jobs = ctx.store.jobs.filter((job) => status === undefined || job.status === status);
  const page = takePage(jobs, offset, limit, ctx.misbehave);
  return { jobs: page.items, total: page.total };
}

export function listReposDetails(ctx: HandlerContext<SwrStore>): unknown {
  const query = ctx.input.query as {
    namespace?: string;
    name?: string;
    category?: string;
    offset?: string;
    limit?: string;
  };
  const repos = ctx.store.repos.filter(
    (repo) =>
      (query.namespace === undefined || repo.namespace === query.namespace) &&
      (query.name === undefined || repo.name === query.name) &&
      (query.category === undefined || repo.category === query.category),
  );
  const offset = Number(query.offset ?? 0);
  const limit = Math.max(query.limit === undefined ? repos.length : Number(query.limit), 1); // "0" would divide by zero in takePage
  const page = takePage(repos, offset, limit, ctx.misbehave);
  const items = page.items.map((repo) => ({ ...repo, total_range: page.total }));
  ctx.headers["Content-Range"] = `${offset}-${items.length}/${page.total}`;
  return items;
}
