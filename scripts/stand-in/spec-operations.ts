/**
 * The stand-in server's view of the API specs, read through the repository's one OpenAPI reader (so the server
 * routes and validates exactly what the generator and the docs check see: the same files, the same `$ref`s),
 * with every `$ref` inlined for Ajv. `service` is the spec file's service (`hss.v5.yaml` → `hss`); it picks the
 * service module that answers (error body style, handlers, store). The generator emits these for spec/ as
 * generated/<service>/stand-in.ts; the tests read other spec directories (fixtures) here directly.
 */
import { fileURLToPath } from "node:url";
import {
  dereference,
  isRecord,
  operationParameters,
  readSpecDirectory,
  specOperations,
  valueAt,
  type SpecDocument,
  type SpecOperationRef,
} from "../openapi/index.js";

import type { JsonSchema, SpecOperation, SpecParameter } from "../../src/testing/engine/spec-operations.js";
import { allowsAnonymous } from "../generate/anonymous.js";
import { readParameterStyle } from "../generate/parameter-style.js";
import { successAnswer } from "./success-answer.js";

export const DEFAULT_SPEC_DIR = fileURLToPath(new URL("../../spec/", import.meta.url));

export function loadSpecOperations(specDir = DEFAULT_SPEC_DIR): SpecOperation[] {
  return readSpecDirectory(specDir).flatMap(standInOperations);
}

/** One spec's operations. */
export function standInOperations(spec: SpecDocument): SpecOperation[] {
  return specOperations(spec).map((found) => operationOf(spec, found));
}

function operationOf(spec: SpecDocument, found: SpecOperationRef): SpecOperation {
  const inline = (node: unknown, pointer: readonly string[]): unknown => dereference(spec, {}, node, pointer);
  const { value: operation, pointer } = found.operation;
  const parameters = operationParameters(spec, found).map(({ value, pointer: at }): SpecParameter => {
    const schema = inline(value.schema ?? {}, [...at, "schema"]) as JsonSchema;
    return {
      name: String(value.name),
      in: value.in as SpecParameter["in"],
      required: value.required === true,
      schema,
      // The generator's reading of `style`/`explode`, so the server reads the query as the client writes it.
      ...readParameterStyle(spec, String(operation.operationId), { value, pointer: at }),
    };
  });
  const body = inline(operation.requestBody, [...pointer, "requestBody"]);
  const bodySchema = valueAt(body, ["content", "application/json", "schema"]) as JsonSchema | undefined;
  const responses = inline(operation.responses, [...pointer, "responses"]);
  const responseSchema = valueAt(responses, ["200", "content", "application/json", "schema"]);
  const success = successAnswer(responses);
  return {
    service: spec.service,
    operationId: String(operation.operationId),
    method: found.method.toUpperCase(),
    path: found.path,
    parameters,
    ...(allowsAnonymous(operation) ? { anonymous: true as const } : {}),
    ...(bodySchema ? { requestBody: { required: isRecord(body) && body.required === true, schema: bodySchema } } : {}),
    ...(isRecord(responseSchema) ? { responseSchema } : {}),
    ...(success ? { success } : {}),
  };
}
