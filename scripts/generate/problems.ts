import { SpecReadError, type SpecDocument } from "../openapi/index.js";

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

/** Throws a one-problem `GenerationError` located at `pointer`. */
export function fail(spec: SpecDocument, pointer: readonly string[], message: string): never {
  throw new GenerationError([`${spec.locate(pointer)} ${message}`]);
}

/** The problems an error stands for when it is a spec problem (the reader's or the generator's); else undefined. */
export function problemsOf(error: unknown): readonly string[] | undefined {
  if (error instanceof GenerationError) return error.problems;
  if (error instanceof SpecReadError) return [error.message];
  return undefined;
}

/** Runs `step`; a spec problem it throws is added to `problems` instead of ending the run. */
export function collectProblems(problems: string[], step: () => void): void {
  try {
    step();
  } catch (error) {
    const found = problemsOf(error);
    if (found === undefined) throw error;
    problems.push(...found);
  }
}
