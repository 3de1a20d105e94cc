import type { WalkOptions } from "./options.js";
import type { PageCall } from "./page.js";

/** What a paging style's walk starts from: the checked options, the operation's paging facts, the input. */
export interface WalkContext<Spec> {
  readonly call: PageCall;
  /** The operationId, for errors. */
  readonly operation: string;
  readonly spec: Spec;
  /** The caller's input (a copy the walk may read); the walk sets the paging fields on each request. */
  readonly params: Record<string, unknown>;
  readonly options: WalkOptions;
}

/** What every paging style's walk yields: one page's whole response and its items not yielded before. */
export interface WalkPage {
  readonly response: unknown;
  readonly items: readonly unknown[];
}
