/**
 * Every way a spec can be wrong ends up here: a list of `file:line:col message` lines. The generator collects
 * all of them for every spec before failing, so one run shows every problem instead of the first one.
 */
export class GenerationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "GenerationError";
  }
}
