/**
 * The documented success answer of an operation, for operations no service module has a handler (or a store)
 * for: its lowest 2xx status (200 when documented), the media type and example of its body (none when the
 * spec documents no content), and its declared headers with example values. Adding an operation to a spec is
 * then enough for the stand-in to route, validate, authenticate and answer it.
 */
import type { SuccessAnswer } from "../../src/testing/engine/spec-operations.js";
import { isRecord } from "../openapi/index.js";

/** Reads it from an operation's inlined `responses`; undefined when no 2xx is documented. */
export function successAnswer(responses: unknown): SuccessAnswer | undefined {
  if (!isRecord(responses)) return undefined;
  const statuses = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort();
  const status = statuses.includes("200") ? "200" : statuses[0];
  const response = status === undefined ? undefined : responses[status];
  if (status === undefined || !isRecord(response)) return undefined;
  const content = isRecord(response.content) ? response.content : {};
  const mediaType = Object.keys(content).find((type) => type.includes("json")) ?? Object.keys(content)[0];
  const media = mediaType === undefined ? undefined : content[mediaType];
  return {
    status: Number(status),
    mediaType,
    example: isRecord(media) ? exampleOf(media) : undefined,
    headers: headerExamples(response.headers),
  };
}

function exampleOf(node: Record<string, unknown>): unknown {
  if (node.example !== undefined) return node.example;
  if (isRecord(node.examples)) {
    const first = Object.values(node.examples)[0];
    if (isRecord(first) && first.value !== undefined) return first.value;
  }
  const schema = isRecord(node.schema) ? node.schema : {};
  if (schema.example !== undefined) return schema.example;
  return Array.isArray(schema.examples) ? schema.examples[0] : undefined;
}

function headerExamples(headers: unknown): Record<string, string> {
  if (!isRecord(headers)) return {};
  const result: Record<string, string> = {};
  for (const [name, header] of Object.entries(headers)) {
    if (!isRecord(header)) continue;
    const schema = isRecord(header.schema) ? header.schema : {};
    const example =
      exampleOf(header) ??
      (schema.type === "integer" || schema.type === "number" ? 0 : name === "Content-Range" ? "0-0/0" : "example");
    result[name] = String(example);
  }
  return result;
}
