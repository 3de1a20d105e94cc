/**
 * Whether an operation may be called without credentials, read from standard OpenAPI `security` (no extension):
 * an operation-level requirement list that is empty (`security: []`) or holds an empty requirement (`- {}`)
 * makes authentication optional for it. IAM's password token request is the one such operation: it carries the
 * password in its body and is sent without a token or signature. The client (authorize step) and the stand-in
 * server both read this one answer.
 */
import { isRecord } from "../openapi/index.js";

export function allowsAnonymous(operation: Record<string, unknown>): boolean {
  const { security } = operation;
  if (!Array.isArray(security)) return false;
  return (
    security.length === 0 ||
    security.some((requirement) => isRecord(requirement) && Object.keys(requirement).length === 0)
  );
}
