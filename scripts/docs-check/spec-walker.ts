import { formatPointer } from "../openapi/index.js";
import { responseSection, type SectionKey } from "./model.js";
import type { Located, Node, OperationNode, SpecDocument } from "./spec-document.js";

/** A parameter or a property of a spec object, with its resolved schema. */
export interface SpecField {
  readonly name: string;
  readonly schema: Located;
  readonly required: boolean;
  /** The parameter or property itself, for messages. */
  readonly pointer: string;
}

/** The fields of one section (or of one nested object), and where a missing one would be added. */
export interface SpecSection {
  readonly pointer: string;
  readonly fields: readonly SpecField[];
}

export interface SpecOperation {
  readonly operationId: string;
  readonly sourceDoc?: string;
  readonly spec: SpecDocument;
  readonly pointer: string;
  /** "path", "query", "header", "body", "response 200"…: the same keys as the page's sections. */
  readonly sections: ReadonlyMap<SectionKey, SpecSection>;
  /** Request headers that the operation's security schemes carry (`X-Auth-Token` for the token scheme). */
  readonly authHeaders: readonly string[];
}

/** Every operation of a spec, with its parameters, request body and response bodies as field sections. */
export function operationsOf(spec: SpecDocument): SpecOperation[] {
  return spec.operations().map((found) => {
    const { operation } = found;
    const sourceDoc = operation.node["x-source-doc"];
    return {
      operationId: String(operation.node.operationId ?? `${found.method.toUpperCase()} ${found.path}`),
      ...(typeof sourceDoc === "string" ? { sourceDoc } : {}),
      spec,
      pointer: operation.pointer,
      sections: sectionsOf(spec, found),
      authHeaders: authHeadersOf(spec, operation),
    };
  });
}

function sectionsOf(spec: SpecDocument, { operation, parameters }: OperationNode): Map<SectionKey, SpecSection> {
  const sections = new Map<SectionKey, SpecSection>();
  for (const parameter of parameters) {
    const section = String(parameter.node.in);
    const fields = [...(sections.get(section)?.fields ?? []), parameterField(spec, parameter)];
    sections.set(section, { pointer: `${operation.pointer}/parameters`, fields });
  }
  const body = spec.child(operation, "requestBody");
  const bodySchema = body && jsonSchemaOf(spec, body);
  if (bodySchema) sections.set("body", objectFields(spec, bodySchema) ?? { pointer: bodySchema.pointer, fields: [] });
  const responses = spec.child(operation, "responses");
  for (const status of Object.keys(responses?.node ?? {})) {
    const schema = jsonSchemaOf(spec, spec.child(responses!, status)!);
    const pointer = schema?.pointer ?? `${responses!.pointer}/${status}`;
    sections.set(responseSection(status), (schema && objectFields(spec, schema)) ?? { pointer, fields: [] });
  }
  return sections;
}

function parameterField(spec: SpecDocument, parameter: Located): SpecField {
  return {
    name: String(parameter.node.name),
    schema: spec.child(parameter, "schema") ?? { node: {}, pointer: `${parameter.pointer}/schema` },
    required: parameter.node.required === true,
    pointer: parameter.pointer,
  };
}

function jsonSchemaOf(spec: SpecDocument, owner: Located): Located | undefined {
  const content = spec.child(owner, "content");
  const media = content && spec.child(content, "application/json");
  return media && spec.child(media, "schema");
}

/**
 * The properties of an object schema, or of an array's items (a page documents an array of objects by the
 * items' fields); `allOf` parts are merged. Undefined when the schema describes no object.
 */
export function objectFields(spec: SpecDocument, schema: Located): SpecSection | undefined {
  const items = spec.child(schema, "items");
  if (items) return objectFields(spec, items);
  const parts = [schema, ...allOfParts(spec, schema)];
  const fields = parts.flatMap((part) => ownProperties(spec, part));
  if (fields.length === 0 && !isObjectSchema(schema.node)) return undefined;
  return { pointer: schema.pointer, fields };
}

function allOfParts(spec: SpecDocument, schema: Located): Located[] {
  const allOf = schema.node.allOf;
  if (!Array.isArray(allOf)) return [];
  return allOf.flatMap((part, index) => {
    const resolved = spec.resolve(part, `${schema.pointer}/allOf/${index}`);
    return [resolved, ...allOfParts(spec, resolved)];
  });
}

function ownProperties(spec: SpecDocument, schema: Located): SpecField[] {
  const properties = spec.child(schema, "properties");
  const required = Array.isArray(schema.node.required) ? (schema.node.required as unknown[]) : [];
  return Object.keys(properties?.node ?? {}).map((name) => {
    const property = spec.child(properties!, name)!;
    const pointer = `${properties!.pointer}${formatPointer([name])}`;
    return { name, schema: property, required: required.includes(name), pointer };
  });
}

/** The types a schema allows, without "null". */
export function schemaTypes(node: Node): string[] {
  const type = node.type;
  if (Array.isArray(type)) return type.filter((name): name is string => typeof name === "string" && name !== "null");
  if (typeof type === "string") return [type];
  return "properties" in node || "allOf" in node ? ["object"] : [];
}

const isObjectSchema = (node: Node) => schemaTypes(node).includes("object");

/** The request headers carried by the operation's security schemes (its own `security`, else the document's). */
function authHeadersOf(spec: SpecDocument, operation: Located): string[] {
  const requirements = operation.node.security ?? spec.root.security;
  if (!Array.isArray(requirements)) return [];
  const components = spec.child({ node: spec.root, pointer: "" }, "components");
  const schemes = components && spec.child(components, "securitySchemes");
  return requirements.flatMap((requirement: Node) =>
    Object.keys(requirement).flatMap((name) => {
      const scheme = schemes && spec.child(schemes, name);
      return scheme?.node.type === "apiKey" && scheme.node.in === "header" ? [String(scheme.node.name)] : [];
    }),
  );
}
