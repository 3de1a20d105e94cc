import type { DocField, DocPage, DocType, Problem, SectionKey } from "./model.js";
import type { Located, SpecDocument } from "./spec-document.js";
import { objectFields, schemaTypes, type SpecOperation, type SpecSection } from "./spec-walker.js";

export interface OperationResult {
  readonly operation: string;
  readonly page: string;
  /** Page fields compared with the spec. */
  readonly checked: number;
  readonly problems: readonly Problem[];
}

const RESPONSE = /^response (\S+)$/;

/** Compares one spec operation with the page it was transcribed from. */
export function compareOperation(page: DocPage, operation: SpecOperation): OperationResult {
  const comparison = new Comparison(page, operation);
  const keys = new Set<SectionKey>([...page.sections.keys(), ...operation.sections.keys()]);
  for (const status of page.statusCodes) keys.add(`response ${status}`);
  for (const key of keys) comparison.section(key);
  return {
    operation: operation.operationId,
    page: page.file,
    checked: comparison.checked,
    problems: comparison.problems,
  };
}

class Comparison {
  readonly problems: Problem[] = [];
  checked = 0;
  private readonly spec: SpecDocument;

  constructor(
    private readonly page: DocPage,
    private readonly operation: SpecOperation,
  ) {
    this.spec = operation.spec;
  }

  section(key: SectionKey): void {
    const docFields = this.page.sections.get(key);
    const specSection = this.operation.sections.get(key);
    const status = RESPONSE.exec(key)?.[1];
    if (status !== undefined) {
      const documented = docFields !== undefined || this.page.statusCodes.includes(status);
      const responsePointer = `${this.operation.pointer}/responses/${status}`;
      if (!documented) return this.report(key, "in the spec but not documented by the page", responsePointer);
      if (!specSection) return this.report(key, `documented, but the spec has no ${status} response`, responsePointer);
      // A status the page lists without a body table says nothing about the body.
      if (docFields === undefined) return;
    }
    const fields = key === "header" ? this.withoutAuthHeaders(docFields ?? []) : (docFields ?? []);
    const pointer = specSection?.pointer ?? this.operation.pointer;
    this.fields(fields, specSection ?? { pointer, fields: [] }, `${key} `);
  }

  /** The page's X-Auth-Token row is the spec's `token` security scheme, not a header parameter. */
  private withoutAuthHeaders(fields: readonly DocField[]): DocField[] {
    const auth = new Set(this.operation.authHeaders.map((name) => name.toLowerCase()));
    const rest = fields.filter((field) => !auth.has(field.name.toLowerCase()));
    this.checked += fields.length - rest.length;
    return rest;
  }

  private fields(docFields: readonly DocField[], specSection: SpecSection, prefix: string): void {
    for (const docField of docFields) {
      this.checked++;
      const field = `${prefix}${docField.name}`;
      const specField = specSection.fields.find((candidate) => candidate.name === docField.name);
      if (!specField) {
        this.report(field, `documented (${docField.typeText}) but missing from the spec`, specSection.pointer);
        continue;
      }
      if (!typeMatches(docField.type, specField.schema, this.spec)) {
        const specType = specTypeText(specField.schema, this.spec);
        this.report(field, `documented as ${docField.typeText} but the spec has ${specType}`, specField.pointer);
        continue;
      }
      if (docField.mandatory !== undefined && docField.mandatory !== specField.required) {
        const message = docField.mandatory
          ? "documented as mandatory but the spec does not require it"
          : "documented as optional but the spec requires it";
        this.report(field, message, specField.pointer);
      }
      const children = docField.children && objectFields(this.spec, specField.schema);
      if (docField.children && children) {
        this.fields(docField.children, children, `${field}${docField.type.kind === "array" ? "[]" : ""}.`);
      }
    }
    for (const specField of specSection.fields) {
      if (!docFields.some((docField) => docField.name === specField.name)) {
        this.report(`${prefix}${specField.name}`, "in the spec but not documented by the page", specField.pointer);
      }
    }
  }

  private report(field: string, message: string, pointer: string | undefined): void {
    this.problems.push({
      operation: this.operation.operationId,
      page: this.page.file,
      field: field.trim(),
      message,
      ...(pointer === undefined ? {} : { specLocation: `${this.spec.file}#${pointer}` }),
    });
  }
}

/** Page type vs spec schema, by the conventions of CONTRIBUTING.md (Integer → int32, Long → int64, …). */
function typeMatches(doc: DocType, schema: Located, spec: SpecDocument): boolean {
  const types = schemaTypes(schema.node);
  const only = (type: string) => types.length === 1 && types[0] === type;
  switch (doc.kind) {
    case "int32":
    case "int64":
      return only("integer") && schema.node.format === doc.kind;
    case "array": {
      const items = spec.child(schema, "items");
      return only("array") && items !== undefined && typeMatches(doc.items, items, spec);
    }
    default:
      return only(doc.kind);
  }
}

/** The spec's type in spec terms, for messages: "integer/int64", "array of string". */
function specTypeText(schema: Located, spec: SpecDocument): string {
  const types = schemaTypes(schema.node);
  if (types.length !== 1) return types.length === 0 ? "no type" : types.join(" | ");
  if (types[0] === "integer") return `integer/${String(schema.node.format ?? "no format")}`;
  const items = spec.child(schema, "items");
  if (types[0] === "array" && items) return `array of ${specTypeText(items, spec)}`;
  return types[0]!;
}
