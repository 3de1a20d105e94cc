import type { OperationSpec, ParamSpec } from "./operation.js";

/**
 * What the call steps read from an operation's table on every call, worked out once per operation instead:
 * `Object.entries(operation.params)` and the like allocate arrays on each call, a few microseconds per call
 * that openapi-fetch alone does not spend. Kept beside the table (a WeakMap), never on it: the table is the
 * generated, frozen description of the operation.
 */
export interface OperationFacts {
  /** Every input field with its parameter, in the table's order. */
  readonly params: readonly (readonly [field: string, param: ParamSpec])[];
  /** The fields the caller must give (required, and not taken from the client's options). */
  readonly required: readonly string[];
  /** The client options the operation takes values from (`x-client-option`), each once. */
  readonly clientOptions: readonly string[];
  /** Whether some documented success answer is binary (then the body is read as bytes, else as text). */
  readonly readsBytes: boolean;
}

const facts = new WeakMap<OperationSpec, OperationFacts>();

export function operationFacts(operation: OperationSpec): OperationFacts {
  let found = facts.get(operation);
  if (found === undefined) facts.set(operation, (found = workOut(operation)));
  return found;
}

function workOut(operation: OperationSpec): OperationFacts {
  const params = Object.entries(operation.params);
  return {
    params,
    required: params.filter(([, param]) => param.required && param.clientOption === undefined).map(([f]) => f),
    clientOptions: [
      ...new Set(params.flatMap(([, param]) => (param.clientOption === undefined ? [] : [param.clientOption]))),
    ],
    readsBytes: Object.values(operation.responses ?? {}).includes("binary"),
  };
}
