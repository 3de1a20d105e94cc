/**
 * The one OpenAPI reader of the repository: the generator, spec:diff, docs:check, the stand-in server and the
 * test helpers read specs only through it.
 */
export { parseSpecDocument, type SpecDocument } from "./document.js";
export { SpecReadError } from "./errors.js";
export {
  HTTP_METHODS,
  operationParameters,
  specOperations,
  type HttpMethod,
  type SpecOperationRef,
} from "./operations.js";
export { formatPointer, formatRef, isRecord, parsePointer, refSegments, valueAt } from "./pointer.js";
export {
  deref,
  dereference,
  derefObject,
  pointerLocation,
  resolveRef,
  type DereferenceOptions,
  type Located,
} from "./refs.js";
export { isSpecFileName, readSpecDirectory, readSpecFile, type SpecFile } from "./spec-files.js";
export { classifySourceDoc, PAGES_DIR, type SourceDoc } from "./source-doc.js";
