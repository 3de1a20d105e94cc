/**
 * Reads the operations of the API specs (spec/<service>.v<N>.yaml; other YAML files there are not specs) with
 * every local `$ref` resolved, so the server routes and validates exactly what the specs describe. The file
 * name's service part (`hss.v5.yaml` → `hss`) decides the error body style.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export type Service = "hss" | "swr";
export type JsonSchema = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonSchema;
}

export interface SpecOperation {
  service: Service;
  operationId: string;
  method: string;
  /** Path template with `{param}` placeholders. */
  path: string;
  parameters: SpecParameter[];
  requestBody?: { required: boolean; schema: JsonSchema };
  /** Schema of the 200 `application/json` response. */
  responseSchema?: JsonSchema;
}

export const DEFAULT_SPEC_DIR = fileURLToPath(new URL("../../spec/", import.meta.url));

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

export function loadSpecOperations(specDir = DEFAULT_SPEC_DIR): SpecOperation[] {
  return readdirSync(specDir)
    .map((file) => ({ file, service: SPEC_FILE.exec(file)?.[1] as Service | undefined }))
    .flatMap(({ file, service }) =>
      service ? operationsOf(service, parse(readFileSync(join(specDir, file), "utf8")) as JsonSchema) : [],
    );
}

const SPEC_FILE = /^(hss|swr)\.v\d+\.yaml$/;

function operationsOf(service: Service, document: JsonSchema): SpecOperation[] {
  const resolved = resolveRefs(document, document) as JsonSchema;
  const paths = (resolved["paths"] ?? {}) as Record<string, Record<string, JsonSchema>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => {
      const operation = item[method] as JsonSchema;
      const shared = (item["parameters"] ?? []) as unknown as SpecParameter[];
      const own = (operation["parameters"] ?? []) as SpecParameter[];
      const body = operation["requestBody"] as { required?: boolean; content?: Record<string, { schema?: JsonSchema }> } | undefined;
      const bodySchema = body?.content?.["application/json"]?.schema;
      const ok = (operation["responses"] as Record<string, { content?: Record<string, { schema?: JsonSchema }> }> | undefined)?.["200"];
      const responseSchema = ok?.content?.["application/json"]?.schema;
      return {
        service,
        operationId: String(operation["operationId"]),
        method: method.toUpperCase(),
        path,
        parameters: [...shared, ...own].map((p) => ({ name: p.name, in: p.in, required: p.required === true, schema: p.schema ?? {} })),
        ...(bodySchema ? { requestBody: { required: body?.required === true, schema: bodySchema } } : {}),
        ...(responseSchema ? { responseSchema } : {}),
      };
    }),
  );
}

/**
 * Replaces every local `$ref` (`#/components/...`) by a copy of its target. Keywords next to a `$ref`
 * (OpenAPI 3.1 allows e.g. a `description` there) are kept and win over the target's.
 */
function resolveRefs(node: unknown, root: JsonSchema, stack: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, root, stack));
  if (node === null || typeof node !== "object") return node;
  const { $ref, ...siblings } = node as JsonSchema;
  const resolvedSiblings = Object.fromEntries(Object.entries(siblings).map(([k, v]) => [k, resolveRefs(v, root, stack)]));
  if (typeof $ref !== "string") return resolvedSiblings;
  if (!$ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${$ref}`);
  if (stack.includes($ref)) throw new Error(`circular $ref: ${[...stack, $ref].join(" -> ")}`);
  const target = $ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((at, key) => (at as JsonSchema | undefined)?.[key], root);
  if (target === undefined) throw new Error(`unresolved $ref: ${$ref}`);
  return { ...(resolveRefs(target, root, [...stack, $ref]) as JsonSchema), ...resolvedSiblings };
}
