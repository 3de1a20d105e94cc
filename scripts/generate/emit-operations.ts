import {
  Project,
  ts,
  VariableDeclarationKind,
  type OptionalKind,
  type PropertySignatureStructure,
  type SourceFile,
} from "ts-morph";
import { regionOrigins } from "../../src/core/region-origins.js";
import { fileHeader } from "./header.js";
import { literal } from "./literal.js";
import { headersType } from "./response-headers.js";
import { serviceTypeName } from "./names.js";
import { WHOLE_BODY_FIELD, type OperationModel, type ServiceModel } from "./operation-table.js";
import { outputType } from "./responses.js";

/**
 * `generated/<service>/operations.ts`: the service description, the operation table, one Input/Output type
 * pair per operation and the `<Service>Methods` interface — the contract in CONTRIBUTING.md.
 */
export function emitOperations({ service, operations }: ServiceModel): string {
  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile("operations.ts");
  const methodTypes = [...new Set(operations.map((op) => (op.spec.pagination ? "PaginatedMethod" : "Method")))].sort();
  const servers = serversOf(service.regions);
  file.addImportDeclarations([
    { isTypeOnly: true, moduleSpecifier: "../../src/core/method.js", namedImports: methodTypes },
    {
      isTypeOnly: true,
      moduleSpecifier: "../../src/core/operation.js",
      namedImports: ["OperationSpec", "ServiceSpec"],
    },
    ...(servers ? [{ moduleSpecifier: "../../src/core/region-origins.js", namedImports: ["regionOrigins"] }] : []),
    { isTypeOnly: true, moduleSpecifier: "./types.js", namedImports: ["operations"] },
  ]);
  const regions = servers ? `regionOrigins(${literal(servers)})` : literal(service.regions);
  const serviceText = `{\nname: ${literal(service.name)},\nspecFile: ${literal(service.specFile)},\nregions: ${regions},\n}`;
  addConst(file, `${service.name}Service`, `${serviceText} as const satisfies ServiceSpec`);
  const table = Object.fromEntries(operations.map((op) => [op.key, op.spec]));
  addConst(file, `${service.name}Operations`, `${literal(table)} as const satisfies Record<string, OperationSpec>`);
  for (const op of operations) {
    file.addTypeAlias({ isExported: true, name: `${op.spec.operationId}Input`, type: inputType(op) });
    file.addTypeAlias({
      isExported: true,
      name: `${op.spec.operationId}Output`,
      type: outputType(op.spec.operationId, op.successes),
    });
    file.addTypeAlias({
      isExported: true,
      name: `${op.spec.operationId}Headers`,
      type: headersType(op.spec.responseHeaders ?? {}),
    });
  }
  file.addInterface({
    isExported: true,
    name: `${serviceTypeName(service.name)}Methods`,
    properties: operations.map(methodMember),
  });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true, semicolons: ts.SemicolonPreference.Insert });
  return fileHeader(service.specFile) + file.getFullText();
}

/**
 * The region table as the spec's servers give it — each origin with `{region}` in place of the id, and the ids
 * it serves — for `regionOrigins` to expand when the module loads (an origin per region, written out, was most
 * of the table's bytes). Undefined when that does not give back exactly the same table, ids in the same order
 * (the client lists them in its error for an unknown region): then the table is written out.
 */
function serversOf(regions: Readonly<Record<string, string>>): Record<string, string[]> | undefined {
  const servers: Record<string, string[]> = {};
  for (const [id, origin] of Object.entries(regions)) (servers[origin.replace(id, "{region}")] ??= []).push(id);
  const expanded = regionOrigins(servers);
  const same = JSON.stringify(Object.entries(expanded)) === JSON.stringify(Object.entries(regions));
  return same && Object.keys(regions).length > 0 ? servers : undefined;
}

function addConst(file: SourceFile, name: string, initializer: string): void {
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, initializer }],
  });
}

/**
 * The method's input: the openapi-typescript parts that exist for the operation, flattened into one object.
 * Fields the client fills from its options (`x-client-option`, e.g. project_id) are left out.
 */
function inputType({ spec, body }: OperationModel): string {
  const op = `operations[${JSON.stringify(spec.operationId)}]`;
  const params = Object.values(spec.params);
  const parts: string[] = [];
  const pathParams = params.filter((p) => p.in === "path");
  const fromClient = pathParams.filter((p) => p.clientOption !== undefined).map((p) => JSON.stringify(p.name));
  if (pathParams.length > fromClient.length) {
    const path = `${op}["parameters"]["path"]`;
    parts.push(fromClient.length > 0 ? `Omit<${path}, ${fromClient.join(" | ")}>` : path);
  }
  for (const location of ["query", "header"] as const) {
    const inLocation = params.filter((p) => p.in === location);
    if (inLocation.length === 0) continue;
    const part = `${op}["parameters"][${JSON.stringify(location)}]`;
    parts.push(inLocation.some((p) => p.required) ? part : `NonNullable<${part}>`);
  }
  if (body !== undefined) {
    const content = `${body.required ? `${op}["requestBody"]` : `NonNullable<${op}["requestBody"]>`}["content"][${JSON.stringify(body.mediaType)}]`;
    // An object body's properties are input fields; any other body is the one field `body`.
    parts.push(body.flattened ? content : `{ ${WHOLE_BODY_FIELD}${body.required ? "" : "?"}: ${content} }`);
  }
  // No input at all: an empty object type that still rejects unknown fields.
  return parts.length > 0 ? parts.join(" & ") : "Record<string, never>";
}

function methodMember(op: OperationModel): OptionalKind<PropertySignatureStructure> {
  const { operationId, method, path, pagination } = op.spec;
  const [input, output, headers] = [`${operationId}Input`, `${operationId}Output`, `${operationId}Headers`];
  return {
    name: op.key,
    isReadonly: true,
    type: pagination
      ? `PaginatedMethod<${input}, ${output}, ${JSON.stringify(pagination.items)}, ${headers}>`
      : `Method<${input}, ${output}, ${headers}>`,
    // "*/" inside a summary would end the comment early (the URL is an https URL without spaces: checked).
    docs: [
      {
        description: `${op.summary.replace(/\*\//g, "*\\/")} — ${method} ${path}`,
        tags: [{ tagName: "see", text: op.docsUrl.replace(/\*\//g, "*\\/") }],
      },
    ],
  };
}
