import type { ResponseContent } from "../../src/core/operation.js";
import { derefObject, isRecord, type Located, type SpecDocument } from "../openapi/index.js";
import { fail } from "./problems.js";

/** One documented 2xx answer of an operation. */
export interface SuccessResponse {
  readonly status: string;
  readonly content: ResponseContent;
  /** The media type read (`application/json`, `text/plain`, …); undefined when the answer has no body. */
  readonly mediaType: string | undefined;
  /** The resolved response object (for its headers). */
  readonly response: Located;
  /** The body schema's location, when there is a body with a schema. */
  readonly schemaPointer: readonly string[] | undefined;
}

/**
 * Every documented 2xx answer, in status order, and how its body is read: JSON media types (`application/json`,
 * `…+json`) parsed, `text/*` as text, any other media type as bytes, no `content` as no body. When a response
 * lists several media types, JSON wins (the client asks for nothing else), then the first listed.
 */
export function readSuccessResponses(
  spec: SpecDocument,
  operationId: string,
  node: unknown,
  pointer: readonly string[],
): SuccessResponse[] {
  const responses = isRecord(node) ? node : {};
  const statuses = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort();
  if (statuses.length === 0)
    fail(spec, pointer, `${operationId}: no 2xx response; document at least one success status`);
  return statuses.map((status) => {
    const response = derefObject(spec, responses[status], [...pointer, status], "a response");
    const content = response.value.content;
    if (content !== undefined && !isRecord(content))
      fail(
        spec,
        [...response.pointer, "content"],
        `${operationId}: the ${status} response's content must be a mapping of media types`,
      );
    const mediaTypes = Object.keys(content ?? {});
    const mediaType = mediaTypes.find(isJson) ?? mediaTypes[0];
    if (mediaType === undefined) return { status, content: "none", mediaType, response, schemaPointer: undefined };
    const media = (content as Record<string, unknown>)[mediaType];
    const schemaPointer =
      isRecord(media) && media.schema !== undefined ? [...response.pointer, "content", mediaType, "schema"] : undefined;
    return { status, content: contentKind(mediaType), mediaType, response, schemaPointer };
  });
}

function isJson(mediaType: string): boolean {
  const type = mediaType.split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || type.endsWith("+json");
}

function contentKind(mediaType: string): ResponseContent {
  if (isJson(mediaType)) return "json";
  return mediaType.toLowerCase().startsWith("text/") ? "text" : "binary";
}

/** The body of the main success answer (`200` if it has a JSON body, else the first JSON 2xx), for x-pagination. */
export function mainJsonBody(spec: SpecDocument, successes: readonly SuccessResponse[]): Located {
  const json = successes.filter((s) => s.content === "json" && s.schemaPointer !== undefined);
  const main = json.find((s) => s.status === "200") ?? json[0];
  if (main === undefined) return { value: {}, pointer: successes[0]!.response.pointer };
  const media = (main.response.value.content as Record<string, Record<string, unknown>>)[main.mediaType!]!;
  return derefObject(spec, media.schema, main.schemaPointer!, "a response schema");
}

/**
 * The method's result type: the union over the success answers — the JSON body's openapi-typescript type,
 * `string` for text, `Uint8Array` for bytes, `undefined` for no body.
 */
export function outputType(operationId: string, successes: readonly SuccessResponse[]): string {
  const types = successes.map(({ status, content, mediaType }) => {
    switch (content) {
      case "json":
        return `operations[${JSON.stringify(operationId)}]["responses"][${status}]["content"][${JSON.stringify(mediaType)}]`;
      case "text":
        return "string";
      case "binary":
        return "Uint8Array";
      case "none":
        return "undefined";
    }
  });
  return [...new Set(types)].join(" | ");
}
