import { fileURLToPath } from "node:url";
import { dereference, readSpecDirectory, specOperations } from "../../scripts/openapi/index.js";
import { successAnswer } from "../../scripts/stand-in/success-answer.js";
import type { SuccessAnswer } from "../../src/testing/engine/spec-operations.js";

const SPEC_DIR = fileURLToPath(new URL("../../spec/", import.meta.url));

/** The documented success answer (status, example body, headers) of every operation of the repo's specs, by operationId. */
export function documentedAnswers(): Map<string, SuccessAnswer> {
  const answers = new Map<string, SuccessAnswer>();
  for (const spec of readSpecDirectory(SPEC_DIR, "spec")) {
    for (const { operation } of specOperations(spec)) {
      const answer = successAnswer(
        dereference(spec, {}, operation.value.responses, [...operation.pointer, "responses"]),
      );
      if (typeof operation.value.operationId === "string" && answer !== undefined)
        answers.set(operation.value.operationId, answer);
    }
  }
  return answers;
}
