/**
 * Named types: the clash rule of scripts/generate/emit-named-types.ts on small models, and — derived from the
 * generated files and operation tables, not a hand list — every schema and every operation's Input/Output
 * (and Item, when paginated) importable by name from the package root (src/index.ts), none of them `any`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { emitNamedTypes, type NamedTypesInput } from "../scripts/generate/emit-named-types.js";
import type { OperationModel } from "../scripts/generate/operation-table.js";
import { GenerationError } from "../scripts/generate/problems.js";
import type { OperationSpec } from "../src/core/operation.js";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));

/** A service model with just what the emitter reads: names, operation ids and which operations paginate. */
function service(
  name: string,
  schemaNames: string[],
  operations: { id: string; paginated?: boolean }[] = [],
): NamedTypesInput {
  const ops = operations.map(({ id, paginated }): OperationModel => ({
    key: id[0]!.toLowerCase() + id.slice(1),
    summary: id,
    docsUrl: `https://docs.example.com/${id}.html`,
    successes: [],
    body: undefined,
    spec: {
      operationId: id,
      pagination: paginated ? { offset: "offset", limit: "limit", items: "items", total: "total" } : undefined,
    } as unknown as OperationSpec,
  }));
  return {
    model: { service: { name, specFile: `spec/${name}.v1.yaml`, regions: {} }, operations: ops, browser: true },
    schemaNames,
  };
}

/** The exported names of one generated named-types file. */
function exportedNames(text: string): string[] {
  return [...text.matchAll(/^export type (\w+) =/gm)].map((match) => match[1]!);
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof GenerationError) return error.problems;
    throw error;
  }
  throw new Error("expected a GenerationError");
}

describe("the naming rule", () => {
  it("exports a schema under its own name, and a name two specs define with each service's prefix", () => {
    const files = emitNamedTypes([
      service("hss", ["ErrorBody", "Task"], [{ id: "ListTasks", paginated: true }, { id: "CreateTask" }]),
      service("swr", ["ErrorBody", "Job"]),
    ]);
    expect([...files.keys()]).toEqual(["hss/named-types.ts", "swr/named-types.ts"]);
    expect(exportedNames(files.get("hss/named-types.ts")!)).toEqual(["HssErrorBody", "Task", "ListTasksItem"]);
    expect(exportedNames(files.get("swr/named-types.ts")!)).toEqual(["SwrErrorBody", "Job"]);
    expect(files.get("swr/named-types.ts")).toContain(`export type SwrErrorBody = components["schemas"]["ErrorBody"];`);
  });

  it("does not depend on the order of the specs", () => {
    const hss = service("hss", ["ErrorBody", "Task"], [{ id: "ListTasks", paginated: true }]);
    const swr = service("swr", ["ErrorBody", "Job"]);
    const forward = emitNamedTypes([hss, swr]);
    const backward = emitNamedTypes([swr, hss]);
    for (const [file, text] of forward) expect(backward.get(file)).toBe(text);
  });

  it("fails when a schema is named like an operation's type, naming both", () => {
    const problems = problemsOf(() =>
      emitNamedTypes([service("hss", ["ListTasksItem"], [{ id: "ListTasks", paginated: true }])]),
    );
    expect(problems).toEqual([
      "spec/hss.v1.yaml schema ListTasksItem: the exported type name ListTasksItem is also spec/hss.v1.yaml operation ListTasks",
    ]);
  });

  it("fails when a prefixed name equals another spec's schema", () => {
    const problems = problemsOf(() =>
      emitNamedTypes([service("hss", ["ErrorBody", "SwrErrorBody"]), service("swr", ["ErrorBody"])]),
    );
    expect(problems).toEqual([
      "spec/swr.v1.yaml schema ErrorBody: the exported type name SwrErrorBody is also spec/hss.v1.yaml schema SwrErrorBody",
    ]);
  });

  it("fails when two operations of different specs share an operationId", () => {
    const problems = problemsOf(() =>
      emitNamedTypes([service("hss", [], [{ id: "ListJobs" }]), service("swr", [], [{ id: "ListJobs" }])]),
    );
    expect(problems).toContain(
      "spec/swr.v1.yaml operation ListJobs: the exported type name ListJobsInput is also spec/hss.v1.yaml operation ListJobs",
    );
  });
});

/** Every name the package root must export as a type, from generated/: schemas, and each operation's types. */
async function expectedTypeNames(): Promise<string[]> {
  const names: string[] = [];
  const services = readdirSync(path.join(repoRoot, "generated"), { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  );
  for (const service of services.map((entry) => entry.name).sort()) {
    names.push(...exportedNames(readFileSync(path.join(repoRoot, "generated", service, "named-types.ts"), "utf8")));
    const module = (await import(
      pathToFileURL(path.join(repoRoot, "generated", service, "operations.ts")).href
    )) as Record<string, unknown>;
    const table = module[`${service}Operations`] as Record<string, { operationId: string; pagination?: unknown }>;
    for (const op of Object.values(table)) {
      names.push(
        `${op.operationId}Input`,
        `${op.operationId}Output`,
        ...(op.pagination ? [`${op.operationId}Item`] : []),
      );
    }
  }
  return [...new Set(names)];
}

describe("the package root", () => {
  it("exports every schema and every operation's Input, Output and Item type by name, none of them any", async () => {
    const names = await expectedTypeNames();
    expect(names).toEqual(
      expect.arrayContaining([
        "ListTasksTaskInfo",
        "JobDetail",
        "ListTasksItem",
        "ListInstanceJobsItem",
        "CreateTaskInput",
      ]),
    );
    const checkFile = path.join(repoRoot, "test/named-types.check.ts");
    const text = [
      `import type { ${names.join(", ")} } from "../src/index.js";`,
      `type IsAny<T> = 0 extends 1 & T ? true : false;`,
      ...names.map((name) => `export const check${name}: IsAny<${name}> = false;`),
      "",
    ].join("\n");
    // The library's own compiler options (tsconfig.json), the check file compiled in memory.
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(repoRoot, "tsconfig.json"),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )!;
    const options = config.options;
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.readFile = (file) => (path.resolve(file) === checkFile ? text : readFile(file));
    host.fileExists = (file) => path.resolve(file) === checkFile || fileExists(file);
    const program = ts.createProgram({ rootNames: [checkFile], options, host });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  }, 60_000);
});
