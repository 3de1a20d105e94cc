/**
 * `npm run build`, after tsc: the package's own imports (`#services`, …; package.json "imports") in the emitted
 * declarations are written as relative paths. Why: TypeScript's legacy `node` (`node10`) resolution — still the
 * default of a CommonJS TypeScript project — reads neither "exports" nor "imports", so `export * from "#services"`
 * in dist/src/index.d.ts left such a project a root without the clients. A relative path resolves under every
 * resolution. Each import is written as its "default" target (the Node/universal module: the declarations are
 * one set for every runtime); the JavaScript keeps the imports, where the runtime picks its variant.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

type Target = string | { readonly [condition: string]: Target };

/** The "default" target of an imports entry, as a path from the package root (`./dist/generated/index.js`). */
function defaultTarget(name: string, target: Target): string {
  if (typeof target === "string") return target;
  const chosen = target["default"];
  if (chosen === undefined) throw new Error(`package.json imports ${name}: no "default" target`);
  return defaultTarget(name, chosen);
}

/** Every .d.ts file under `dir`. */
function declarations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".d.ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

const imports = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { imports: Record<string, Target> })
  .imports;
const targets = new Map(Object.entries(imports).map(([name, target]) => [name, defaultTarget(name, target)]));

// `from "#x"` and `import("#x")`: the only places a specifier stands in a declaration file.
const SPECIFIER = /(from\s+|import\()"(#[^"]+)"/g;

let rewritten = 0;
for (const file of declarations(join(ROOT, "dist"))) {
  const text = readFileSync(file, "utf8");
  const next = text.replace(SPECIFIER, (_, before: string, name: string) => {
    const target = targets.get(name);
    if (target === undefined) throw new Error(`${relative(ROOT, file)}: "${name}" is not in package.json imports`);
    const path = relative(dirname(file), join(ROOT, target)).replaceAll("\\", "/");
    return `${before}"${path.startsWith(".") ? path : `./${path}`}"`;
  });
  if (next === text) continue;
  // Written beside and renamed over, so an interrupted build never leaves a half-written declaration.
  writeFileSync(`${file}.tmp`, next);
  renameSync(`${file}.tmp`, file);
  rewritten++;
}
console.log(`declarations: package imports written as relative paths in ${rewritten} file(s)`);
