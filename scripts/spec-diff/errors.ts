/**
 * Bad input the user can fix: a wrong option, a git ref that is not a commit, a spec that does not parse.
 * The CLI prints its message as is (no stack) and exits with 2, like diff(1) does for "trouble".
 */
export class SpecDiffInputError extends Error {
  override readonly name = "SpecDiffInputError";
}
