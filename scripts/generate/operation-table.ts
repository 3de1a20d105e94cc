import type { FieldSchema, OperationSpec, ParamSpec, ServiceSpec } from "../../src/core/operation.js";
import { derefObject, isRecord, operationParameters, specOperations, type Located, type SpecDocument, type SpecOperationRef } from "../openapi/index.js";
import { readClientOption } from "./extensions/client-option.js";
import { readExternalDocsUrl } from "./extensions/external-docs.js";
import { readPagination } from "./extensions/pagination.js";
import { readRetrySafe } from "./extensions/retry-safe.js";
import { readSourceDoc } from "./extensions/source-doc.js";
import { readResponseHeaders } from "./response-headers.js";
import { fieldSchema } from "./field-schema.js";
import { collectProblems, fail, GenerationError } from "./problems.js";
import { regionTable } from "./regions.js";

/** One operation as the emitters need it: the table entry plus what the type aliases are built from. */
export interface OperationModel {
  /** The method name: camelCase operationId. */
  readonly key: string;
  readonly summary: string;
  /** The public URL of the operation's documentation page (`externalDocs.url`). */
  readonly docsUrl: string;
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

/** The HTTP methods the facade sends (`OperationSpec["method"]`). */
const METHODS: ReadonlySet<string> = new Set(["get", "put", "post", "delete", "patch"]);
const LOCATIONS = new Set(["path", "query", "header"]);

/** Builds the service description and every operation; collects the problems of all operations before failing. */
export function buildServiceModel(spec: SpecDocument): ServiceModel {
  const problems: string[] = [];
  const operations: OperationModel[] = [];
  let regions: Record<string, string> = {};
  collectProblems(problems, () => (regions = regionTable(spec)));
  let found: SpecOperationRef[] = [];
  collectProblems(problems, () => (found = specOperations(spec)));
  for (const ref of found) collectProblems(problems, () => operations.push(buildOperation(spec, ref)));
  if (problems.length > 0) throw new GenerationError(problems);
  return { service: { name: spec.service, specFile: spec.file, regions }, operations };
}

function buildOperation(spec: SpecDocument, ref: SpecOperationRef): OperationModel {
  const { operation: owner, method, path } = ref;
  const { value: operation, pointer: at } = owner;
  if (!METHODS.has(method)) fail(spec, at, `${method.toUpperCase()} operations are not supported by the client`);
  const operationId = operation.operationId;
  if (typeof operationId !== "string" || operationId === "") fail(spec, at, "operationId is required and must be a non-empty string");
  const site = { spec, operationId, owner };
  const sourceDoc = readSourceDoc(site);
  const docsUrl = readExternalDocsUrl(site);
  const retrySafe = readRetrySafe(site);
  const params = new ParamCollector(spec, operationId);
  for (const parameter of operationParameters(spec, ref)) params.addParameter(parameter);
  const bodyRequired = addRequestBody(spec, operation.requestBody, [...at, "requestBody"], params);
  const { status: successStatus, schema: output } = successResponse(spec, operation.responses, [...at, "responses"], operationId);
  const responseHeaders = readResponseHeaders(spec, operationId, successResponses(spec, operation.responses, [...at, "responses"]));
  const pagination = readPagination(site, { params: params.params, output });
  const table: OperationSpec = {
    operationId,
    method: method.toUpperCase() as OperationSpec["method"],
    path,
    sourceDoc,
    retrySafe,
    ...(typeof output.value.type === "string" && { responseType: output.value.type as NonNullable<OperationSpec["responseType"]> }),
    ...(pagination && { pagination }),
    params: params.params,
    ...(Object.keys(responseHeaders).length > 0 && { responseHeaders }),
  };
  const summary = typeof operation.summary === "string" ? operation.summary : operationId;
  return { key: operationId[0]!.toLowerCase() + operationId.slice(1), summary, docsUrl, spec: table, successStatus, bodyRequired };
}

/** Gathers an operation's fields and refuses a name used in two locations (the input object is flat). */
class ParamCollector {
  readonly params: Record<string, ParamSpec> = {};
  private readonly where = new Map<string, string>();

  constructor(
    private readonly spec: SpecDocument,
    private readonly operationId: string,
  ) {}

  addParameter({ value: parameter, pointer }: Located): void {
    const { name, in: location } = parameter;
    if (typeof name !== "string" || typeof location !== "string" || !LOCATIONS.has(location)) {
      fail(this.spec, pointer, `${this.operationId}: a parameter needs a name and "in" one of path, query, header`);
    }
    const clientOption = readClientOption({ spec: this.spec, operationId: this.operationId, owner: { value: parameter, pointer } });
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
function addRequestBody(spec: SpecDocument, node: unknown, pointer: readonly string[], params: ParamCollector): boolean | undefined {
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

/** Every documented 2xx response, resolved, in status order. */
function successResponses(spec: SpecDocument, node: unknown, pointer: readonly string[]): Located[] {
  const responses = isRecord(node) ? node : {};
  return Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()
    .map((code) => derefObject(spec, responses[code], [...pointer, code], "a response"));
}

/** The `200` response, else the first 2xx; it must have an application/json body (the facade parses JSON). */
function successResponse(spec: SpecDocument, node: unknown, pointer: readonly string[], operationId: string): { status: string; schema: Located } {
  const responses = isRecord(node) ? node : {};
  const status = "200" in responses ? "200" : Object.keys(responses).sort().find((code) => /^2\d\d$/.test(code));
  if (status === undefined) fail(spec, pointer, `${operationId}: no 2xx response`);
  const response = derefObject(spec, responses[status], [...pointer, status], "a response");
  const media = isRecord(response.value.content) ? response.value.content["application/json"] : undefined;
  if (!isRecord(media)) fail(spec, response.pointer, `${operationId}: the ${status} response needs application/json content`);
  const schemaPointer = [...response.pointer, "content", "application/json", "schema"];
  return { status, schema: derefObject(spec, media.schema, schemaPointer, "a response schema") };
}
