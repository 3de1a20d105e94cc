import type {
  ConditionalRequirement,
  FieldSchema,
  OperationSpec,
  ParamSpec,
  ServiceSpec,
} from "../../src/core/operation.js";
import {
  derefObject,
  isRecord,
  operationParameters,
  specOperations,
  type Located,
  type SpecDocument,
  type SpecOperationRef,
} from "../openapi/index.js";
import { allowsAnonymous } from "./anonymous.js";
import { readConditions } from "./conditions.js";
import { readBrowser } from "./extensions/browser.js";
import { readClientOption } from "./extensions/client-option.js";
import { readExternalDocsUrl } from "./extensions/external-docs.js";
import { OPERATION_EXTENSIONS, PARAMETER_EXTENSIONS, refuseUnknownExtensions } from "./extensions/known.js";
import { readPagination } from "./extensions/pagination.js";
import { readRetrySafe } from "./extensions/retry-safe.js";
import { readSourceDoc } from "./extensions/source-doc.js";
import { readResponseHeaders } from "./response-headers.js";
import { mainJsonBody, readSuccessResponses, type SuccessResponse } from "./responses.js";
import { checkSchemaKeywords } from "./schema-keywords.js";
import { fieldSchema } from "./field-schema.js";
import { readParameterStyle, refuseUnwritableValue } from "./parameter-style.js";
import { collectProblems, fail, GenerationError, problemsOf } from "./problems.js";
import { regionTable } from "./regions.js";

/** One operation as the emitters need it: the table entry plus what the type aliases are built from. */
export interface OperationModel {
  /** The method name: camelCase operationId. */
  readonly key: string;
  readonly summary: string;
  /** The public URL of the operation's documentation page (`externalDocs.url`). */
  readonly docsUrl: string;
  readonly spec: OperationSpec;
  /** Every documented 2xx answer: the output type is the union of their bodies. */
  readonly successes: readonly SuccessResponse[];
  /** The request body, when the operation has one. */
  readonly body: RequestBodyModel | undefined;
}

export interface ServiceModel {
  readonly service: ServiceSpec;
  readonly operations: readonly OperationModel[];
  /** False when the spec's `info` says `x-browser: false`: the client is left out of the browser entry. */
  readonly browser: boolean;
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
  let browser = true;
  collectProblems(problems, () => (browser = readBrowser(spec)));
  let found: SpecOperationRef[] = [];
  collectProblems(problems, () => (found = specOperations(spec)));
  for (const ref of found)
    collectProblems(problems, () => operations.push(namingOperation(ref, () => buildOperation(spec, ref))));
  if (problems.length > 0) throw new GenerationError(problems);
  return { service: { name: spec.service, specFile: spec.file, regions }, operations, browser };
}

/** Runs `build`; every problem it raises names the operation (`file:line:col <operationId>: …`), whichever step found it. */
function namingOperation<T>(ref: SpecOperationRef, build: () => T): T {
  const operationId = ref.operation.value.operationId;
  try {
    return build();
  } catch (error) {
    const found = problemsOf(error);
    if (found === undefined || typeof operationId !== "string") throw error;
    throw new GenerationError(
      found.map((problem) => {
        const space = problem.indexOf(" ");
        const [where, message] = [problem.slice(0, space), problem.slice(space + 1)];
        const located = /:\d+:\d+$/.test(where);
        return !located || message.startsWith(`${operationId}: `) ? problem : `${where} ${operationId}: ${message}`;
      }),
    );
  }
}

function buildOperation(spec: SpecDocument, ref: SpecOperationRef): OperationModel {
  const { operation: owner, method, path } = ref;
  const { value: operation, pointer: at } = owner;
  if (!METHODS.has(method)) fail(spec, at, `${method.toUpperCase()} operations are not supported by the client`);
  const operationId = operation.operationId;
  if (typeof operationId !== "string" || operationId === "")
    fail(spec, at, "operationId is required and must be a non-empty string");
  const site = { spec, operationId, owner };
  refuseUnknownExtensions(site, OPERATION_EXTENSIONS);
  const sourceDoc = readSourceDoc(site);
  const docsUrl = readExternalDocsUrl(site);
  const retrySafe = readRetrySafe(site);
  const parameters = operationParameters(spec, ref);
  checkSchemaKeywords(spec, operationId, [
    ...parameters,
    { value: operation.requestBody, pointer: [...at, "requestBody"] },
    { value: operation.responses, pointer: [...at, "responses"] },
  ]);
  const params = new ParamCollector(spec, operationId);
  for (const parameter of parameters) params.addParameter(parameter);
  const body = addRequestBody(spec, operationId, operation.requestBody, [...at, "requestBody"], params);
  const successes = readSuccessResponses(spec, operationId, operation.responses, [...at, "responses"]);
  const responseHeaders = readResponseHeaders(
    spec,
    operationId,
    successes.map((success) => success.response),
  );
  const output = mainJsonBody(spec, successes);
  const pagination = readPagination(site, { params: params.params, output });
  const table: OperationSpec = {
    operationId,
    method: method.toUpperCase() as OperationSpec["method"],
    path,
    sourceDoc,
    retrySafe,
    ...(allowsAnonymous(operation) && { anonymous: true as const }),
    ...(body?.conditions && { conditions: body.conditions }),
    responses: Object.fromEntries(successes.map(({ status, content }) => [status, content])),
    ...(typeof output.value.type === "string" && {
      responseType: output.value.type as NonNullable<OperationSpec["responseType"]>,
    }),
    ...(pagination && { pagination }),
    params: params.params,
    ...(Object.keys(responseHeaders).length > 0 && { responseHeaders }),
  };
  const summary = typeof operation.summary === "string" ? operation.summary : operationId;
  return { key: operationId[0]!.toLowerCase() + operationId.slice(1), summary, docsUrl, spec: table, successes, body };
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
    const site = { spec: this.spec, operationId: this.operationId, owner: { value: parameter, pointer } };
    refuseUnknownExtensions(site, PARAMETER_EXTENSIONS);
    const clientOption = readClientOption(site);
    const style = readParameterStyle(this.spec, this.operationId, site.owner);
    const schema = fieldSchema(this.spec, parameter.schema, [...pointer, "schema"]);
    refuseUnwritableValue(this.spec, this.operationId, site.owner, schema);
    this.add(pointer, {
      in: location as ParamSpec["in"],
      name,
      required: parameter.required === true,
      ...style,
      ...(clientOption !== undefined && { clientOption }),
      schema,
    });
  }

  addBodyField(
    name: string,
    required: boolean,
    schema: FieldSchema,
    pointer: readonly string[],
    wholeBody = false,
  ): void {
    this.add(pointer, { in: "body", name, required, ...(wholeBody && { wholeBody: true as const }), schema });
  }

  private add(pointer: readonly string[], param: ParamSpec): void {
    const previous = this.params[param.name];
    if (previous !== undefined) {
      fail(
        this.spec,
        pointer,
        `${this.operationId}: field "${param.name}" occurs in both ${previous.in} and ${param.in}; input field names must be unique across path, query, header and body`,
      );
    }
    this.params[param.name] = param;
  }
}

/** The request body as the input type needs it. */
export interface RequestBodyModel {
  readonly required: boolean;
  readonly mediaType: string;
  /** True for an object body whose properties are input fields; false for a body passed whole as `body`. */
  readonly flattened: boolean;
  /** The object body's conditional requirements, which apply to the input's fields. */
  readonly conditions?: readonly ConditionalRequirement[];
}

/** The input field holding a body that is not an object with properties (an array, a scalar). */
export const WHOLE_BODY_FIELD = "body";

/**
 * Adds the request body's fields: the top-level properties of an object body, each an input field; any other
 * JSON body (an array, a scalar, an object without declared properties) as one field, `body`.
 */
function addRequestBody(
  spec: SpecDocument,
  operationId: string,
  node: unknown,
  pointer: readonly string[],
  params: ParamCollector,
): RequestBodyModel | undefined {
  if (node === undefined) return undefined;
  const body = derefObject(spec, node, pointer, "a request body");
  const content = isRecord(body.value.content) ? body.value.content : {};
  const mediaType = Object.keys(content).find((type) => type === "application/json");
  if (mediaType === undefined) {
    fail(
      spec,
      body.pointer,
      `${operationId}: the request body needs application/json content (found: ${Object.keys(content).join(", ") || "none"})`,
    );
  }
  const required = body.value.required === true;
  const schemaPointer = [...body.pointer, "content", mediaType, "schema"];
  const schema = derefObject(
    spec,
    (content[mediaType] as Record<string, unknown>).schema,
    schemaPointer,
    "the request body schema",
  );
  if (!isRecord(schema.value.properties)) {
    params.addBodyField(
      WHOLE_BODY_FIELD,
      required,
      fieldSchema(spec, schema.value, schema.pointer),
      schema.pointer,
      true,
    );
    return { required, mediaType, flattened: false };
  }
  const requiredNames = Array.isArray(schema.value.required) ? schema.value.required : [];
  for (const [name, property] of Object.entries(schema.value.properties)) {
    const propertyPointer = [...schema.pointer, "properties", name];
    params.addBodyField(
      name,
      required && requiredNames.includes(name),
      fieldSchema(spec, property, propertyPointer),
      propertyPointer,
    );
  }
  const conditions = readConditions(spec, schema.value, schema.pointer);
  return { required, mediaType, flattened: true, ...(conditions.length > 0 && { conditions }) };
}
