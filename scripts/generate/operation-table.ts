import type { FieldSchema, OperationSpec, PaginationSpec, ParamSpec, ServiceSpec } from "../../src/core/operation.js";
import { GenerationError } from "./problems.js";
import { regionTable } from "./regions.js";
import { deref, derefObject, fail, fieldSchema, type Located } from "./resolve.js";
import { isRecord, type SpecFile } from "./spec-file.js";

/** One operation as the emitters need it: the table entry plus what the type aliases are built from. */
export interface OperationModel {
  /** The method name: camelCase operationId. */
  readonly key: string;
  readonly summary: string;
  readonly spec: OperationSpec;
  /** The success status whose JSON body is the output (`200`, else the first 2xx). */
  readonly successStatus: string;
  /** Whether the request body is required; undefined when the operation has no body. */
  readonly bodyRequired: boolean | undefined;
}

export interface ServiceModel {
  readonly service: ServiceSpec;
  readonly operations: readonly OperationModel[];
}

const METHODS = ["get", "put", "post", "delete", "patch"] as const;
const LOCATIONS = new Set(["path", "query", "header"]);

/** Builds the service description and every operation; collects the problems of all operations before failing. */
export function buildServiceModel(spec: SpecFile): ServiceModel {
  const problems: string[] = [];
  const operations: OperationModel[] = [];
  const collect = (build: () => void): void => {
    try {
      build();
    } catch (error) {
      if (!(error instanceof GenerationError)) throw error;
      problems.push(...error.problems);
    }
  };
  let regions: Record<string, string> = {};
  collect(() => (regions = regionTable(spec)));
  const paths = isRecord(spec.data.paths) ? spec.data.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isRecord(pathItem)) continue;
    for (const method of METHODS) {
      if (pathItem[method] === undefined) continue;
      collect(() => operations.push(buildOperation(spec, path, pathItem, method)));
    }
  }
  if (problems.length > 0) throw new GenerationError(problems);
  return { service: { name: spec.service, specFile: spec.displayPath, regions }, operations };
}

function buildOperation(spec: SpecFile, path: string, pathItem: Record<string, unknown>, method: (typeof METHODS)[number]): OperationModel {
  const at = ["paths", path, method];
  const operation = derefObject(spec, pathItem[method], at, "an operation").value;
  const operationId = requireString(spec, operation, "operationId", at);
  const sourceDoc = requireString(spec, operation, "x-source-doc", at, `${operationId}: `);
  const retrySafe = operation["x-retry-safe"];
  if (typeof retrySafe !== "boolean") {
    fail(spec, at, `${operationId}: x-retry-safe is required and must be true or false`);
  }
  const params = new ParamCollector(spec, operationId);
  const parameters = [...parameterList(spec, pathItem.parameters, ["paths", path, "parameters"]), ...parameterList(spec, operation.parameters, [...at, "parameters"])];
  // Operation-level parameters override path-level ones with the same name and location (OpenAPI rule).
  const byKey = new Map(parameters.map((p) => [`${String(p.value.in)} ${String(p.value.name)}`, p]));
  for (const parameter of byKey.values()) params.addParameter(parameter);
  const bodyRequired = addRequestBody(spec, operation.requestBody, [...at, "requestBody"], params);
  const { status: successStatus, schema: output } = successResponse(spec, operation.responses, [...at, "responses"], operationId);
  const pagination =
    operation["x-pagination"] === undefined
      ? undefined
      : paginationSpec(spec, operationId, operation["x-pagination"], [...at, "x-pagination"], params.params, output);
  const table: OperationSpec = {
    operationId,
    method: method.toUpperCase() as OperationSpec["method"],
    path,
    sourceDoc,
    retrySafe,
    ...(typeof output.value.type === "string" && { responseType: output.value.type as NonNullable<OperationSpec["responseType"]> }),
    ...(pagination && { pagination }),
    params: params.params,
  };
  const summary = typeof operation.summary === "string" ? operation.summary : operationId;
  return { key: operationId[0]!.toLowerCase() + operationId.slice(1), summary, spec: table, successStatus, bodyRequired };
}

/** Gathers an operation's fields and refuses a name used in two locations (the input object is flat). */
class ParamCollector {
  readonly params: Record<string, ParamSpec> = {};
  private readonly where = new Map<string, string>();

  constructor(
    private readonly spec: SpecFile,
    private readonly operationId: string,
  ) {}

  addParameter({ value: parameter, pointer }: Located): void {
    const { name, in: location } = parameter;
    if (typeof name !== "string" || typeof location !== "string" || !LOCATIONS.has(location)) {
      fail(this.spec, pointer, `${this.operationId}: a parameter needs a name and "in" one of path, query, header`);
    }
    const clientOption = parameter["x-client-option"];
    if (clientOption !== undefined && typeof clientOption !== "string") {
      fail(this.spec, [...pointer, "x-client-option"], `${this.operationId}: x-client-option must be a string`);
    }
    this.add(pointer, {
      in: location as ParamSpec["in"],
      name,
      required: parameter.required === true,
      ...(clientOption !== undefined && { clientOption }),
      schema: fieldSchema(this.spec, parameter.schema, [...pointer, "schema"]),
    });
  }

  addBodyField(name: string, required: boolean, schema: FieldSchema, pointer: readonly string[]): void {
    this.add(pointer, { in: "body", name, required, schema });
  }

  private add(pointer: readonly string[], param: ParamSpec): void {
    const previous = this.params[param.name];
    if (previous !== undefined) {
      fail(this.spec, pointer, `${this.operationId}: field "${param.name}" occurs in both ${previous.in} and ${param.in}; input field names must be unique across path, query, header and body`);
    }
    this.params[param.name] = param;
  }
}

/** Adds the top-level properties of the JSON request body; returns whether the body is required. */
function addRequestBody(spec: SpecFile, node: unknown, pointer: readonly string[], params: ParamCollector): boolean | undefined {
  if (node === undefined) return undefined;
  const body = derefObject(spec, node, pointer, "a request body");
  const content = isRecord(body.value.content) ? body.value.content : {};
  if (content["application/json"] === undefined) fail(spec, body.pointer, "the request body needs application/json content");
  const mediaPointer = [...body.pointer, "content", "application/json"];
  const schema = derefObject(spec, (content["application/json"] as Record<string, unknown>).schema, [...mediaPointer, "schema"], "the request body schema");
  if (!isRecord(schema.value.properties)) fail(spec, schema.pointer, "the request body schema must be an object with properties");
  const bodyRequired = body.value.required === true;
  const requiredNames = Array.isArray(schema.value.required) ? schema.value.required : [];
  for (const [name, property] of Object.entries(schema.value.properties)) {
    const propertyPointer = [...schema.pointer, "properties", name];
    params.addBodyField(name, bodyRequired && requiredNames.includes(name), fieldSchema(spec, property, propertyPointer), propertyPointer);
  }
  return bodyRequired;
}

/** The `200` response, else the first 2xx; it must have an application/json body (the facade parses JSON). */
function successResponse(spec: SpecFile, node: unknown, pointer: readonly string[], operationId: string): { status: string; schema: Located } {
  const responses = isRecord(node) ? node : {};
  const status = "200" in responses ? "200" : Object.keys(responses).sort().find((code) => /^2\d\d$/.test(code));
  if (status === undefined) fail(spec, pointer, `${operationId}: no 2xx response`);
  const response = derefObject(spec, responses[status], [...pointer, status], "a response");
  const media = isRecord(response.value.content) ? response.value.content["application/json"] : undefined;
  if (!isRecord(media)) fail(spec, response.pointer, `${operationId}: the ${status} response needs application/json content`);
  const schemaPointer = [...response.pointer, "content", "application/json", "schema"];
  return { status, schema: derefObject(spec, media.schema, schemaPointer, "a response schema") };
}

function paginationSpec(spec: SpecFile, operationId: string, node: unknown, pointer: readonly string[], params: Record<string, ParamSpec>, output: Located): PaginationSpec {
  if (!isRecord(node)) fail(spec, pointer, `${operationId}: x-pagination must be a mapping with offset, limit, items and total`);
  const field = (key: string): string => requireString(spec, node, key, pointer, `${operationId}: x-pagination.`);
  const [offset, limit, items, total] = [field("offset"), field("limit"), field("items"), field("total")];
  for (const [key, name] of [["offset", offset], ["limit", limit]] as const) {
    const param = params[name];
    if (param === undefined || param.in === "body" || param.clientOption !== undefined) {
      fail(spec, [...pointer, key], `${operationId}: x-pagination.${key} names "${name}", which is not a path, query or header parameter of the operation`);
    }
  }
  const { minimum, maximum } = params[limit]!.schema;
  if (minimum === undefined || maximum === undefined) {
    fail(spec, [...pointer, "limit"], `${operationId}: x-pagination.limit "${limit}" needs a schema with minimum and maximum (the page size bounds)`);
  }
  const properties = isRecord(output.value.properties) ? output.value.properties : {};
  for (const [key, name] of [["items", items], ["total", total]] as const) {
    if (properties[name] === undefined) {
      fail(spec, [...pointer, key], `${operationId}: x-pagination.${key} names "${name}", which is not a field of the success response`);
    }
  }
  const itemsSchema = deref(spec, properties[items], [...output.pointer, "properties", items]).value;
  if (!isRecord(itemsSchema) || itemsSchema.type !== "array") {
    fail(spec, [...pointer, "items"], `${operationId}: x-pagination.items "${items}" must be an array field of the success response`);
  }
  return { offset, limit, items, total, minLimit: minimum, maxLimit: maximum };
}

function parameterList(spec: SpecFile, node: unknown, pointer: readonly string[]): Located[] {
  if (!Array.isArray(node)) return [];
  return node.map((parameter: unknown, index) => derefObject(spec, parameter, [...pointer, String(index)], "a parameter"));
}

function requireString(spec: SpecFile, node: Record<string, unknown>, key: string, pointer: readonly string[], context = ""): string {
  const value = node[key];
  if (typeof value !== "string" || value === "") fail(spec, pointer, `${context}${key} is required and must be a non-empty string`);
  return value;
}
