import { fileHeader } from "./header.js";
import type { ServiceModel } from "./operation-table.js";
import { GenerationError } from "./problems.js";
import { isRecord, type SpecFile } from "../openapi/index.js";

/** What the named types of one service are made from: its model and the names of its spec's schemas. */
export interface NamedTypesInput {
  readonly model: ServiceModel;
  readonly schemaNames: readonly string[];
}

/** The names under `components.schemas` of a spec, in spec order. */
export function schemaNames(spec: SpecFile): string[] {
  const components = spec.data.components;
  const schemas = isRecord(components) ? components.schemas : undefined;
  return isRecord(schemas) ? Object.keys(schemas) : [];
}

/** `hss` → `Hss`: the prefix of a service's clashing schema names and of its `<Service>Methods` interface. */
export function servicePrefix(service: string): string {
  return `${service[0]!.toUpperCase()}${service.slice(1)}`;
}

/**
 * `generated/<service>/named-types.ts` for every service: one exported alias per schema
 * (`export type JobDetail = components["schemas"]["JobDetail"]`) and an `<OperationId>Item` alias per paginated
 * operation, so users can name what the package root exports.
 *
 * The naming rule (stated in the README): a schema is exported under its own name, unless more than one spec
 * defines that name; then each of those specs exports it as `<Service><Name>` (`HssErrorBody`, `SwrErrorBody`).
 * The rule depends only on the set of specs, not their order. Generation fails when two exported names are
 * still equal (e.g. a schema named like another service's prefixed one, or like an operation's Input, Output
 * or Item type), naming both sources.
 */
export function emitNamedTypes(inputs: readonly NamedTypesInput[]): Map<string, string> {
  const specsDefining = new Map<string, number>();
  for (const { schemaNames: names } of inputs) {
    for (const name of new Set(names)) specsDefining.set(name, (specsDefining.get(name) ?? 0) + 1);
  }
  const owners = new Map<string, string>(); // exported name → where it comes from
  const problems: string[] = [];
  const claim = (name: string, source: string): void => {
    const earlier = owners.get(name);
    if (earlier !== undefined) problems.push(`${source}: the exported type name ${name} is also ${earlier}`);
    else owners.set(name, source);
  };
  // Operation types first: they are claimed whatever the schemas are called.
  for (const { model } of inputs) {
    for (const op of model.operations) {
      const id = op.spec.operationId;
      const source = `${model.service.specFile} operation ${id}`;
      for (const suffix of ["Input", "Output", ...(op.spec.pagination ? ["Item"] : [])])
        claim(`${id}${suffix}`, source);
    }
    claim(`${servicePrefix(model.service.name)}Methods`, `${model.service.specFile}'s methods interface`);
  }
  const files = new Map<string, string>();
  for (const { model, schemaNames: names } of inputs) {
    const { name: service, specFile } = model.service;
    const aliases = names.map((schema) => {
      const exported = specsDefining.get(schema)! > 1 ? `${servicePrefix(service)}${schema}` : schema;
      claim(exported, `${specFile} schema ${schema}`);
      return `export type ${exported} = components["schemas"][${JSON.stringify(schema)}];`;
    });
    const paginated = model.operations.filter((op) => op.spec.pagination);
    const methods = `${servicePrefix(service)}Methods`;
    const items = paginated.map(
      (op) => `export type ${op.spec.operationId}Item = ItemOf<${methods}[${JSON.stringify(op.key)}]>;`,
    );
    const imports = [
      ...(items.length > 0 ? [`import type { ItemOf } from "../../src/core/method.js";`] : []),
      ...(items.length > 0 ? [`import type { ${methods} } from "./operations.js";`] : []),
      ...(aliases.length > 0 ? [`import type { components } from "./types.js";`] : []),
    ];
    const sections = [
      imports.join("\n"),
      aliases.length > 0 ? `/** The spec's schemas, by name. */\n${aliases.join("\n")}` : "",
      items.length > 0 ? `/** One item of each paginated operation's list. */\n${items.join("\n")}` : "",
    ].filter((section) => section !== "");
    const body = sections.length > 0 ? `${sections.join("\n\n")}\n` : "export {};\n";
    files.set(`${service}/named-types.ts`, fileHeader(specFile) + body);
  }
  if (problems.length > 0) throw new GenerationError(problems);
  return files;
}
