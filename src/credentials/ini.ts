/**
 * The INI subset the official SDKs' credentials files use (Python's configparser, Go's go-ini): `[section]`
 * headers, `key = value` or `key: value` lines, whole-line `#` and `;` comments, blank lines. Keys are
 * case-insensitive (lower-cased, as configparser does); values are trimmed, and one pair of matching quotes
 * around a value is dropped (as go-ini does). Anything else is a syntax error naming the file and line —
 * never the line's text, which may hold a secret.
 */

export class IniSyntaxError extends Error {
  override readonly name = "IniSyntaxError";
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
  }
}

/** Section name → (key → value). */
export type IniDocument = ReadonlyMap<string, ReadonlyMap<string, string>>;

const SECTION = /^\[([^\]]*)\]$/;
const PAIR = /^([^=:]+?)\s*[=:]\s*(.*)$/;

export function parseIni(text: string, file: string): IniDocument {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) return;
    const header = SECTION.exec(line);
    if (header) {
      const name = header[1]!.trim();
      if (name === "") throw new IniSyntaxError(file, lineNumber, "empty section name");
      if (sections.has(name)) throw new IniSyntaxError(file, lineNumber, `section [${name}] appears twice`);
      section = new Map();
      sections.set(name, section);
      return;
    }
    const pair = PAIR.exec(line);
    if (!pair) throw new IniSyntaxError(file, lineNumber, 'expected "[section]" or "key = value"');
    if (section === undefined) throw new IniSyntaxError(file, lineNumber, "key before any [section]");
    const key = pair[1]!.toLowerCase();
    if (section.has(key)) throw new IniSyntaxError(file, lineNumber, `key "${key}" appears twice in its section`);
    section.set(key, unquote(pair[2]!));
  });
  return sections;
}

function unquote(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'") && value.endsWith(first)) return value.slice(1, -1);
  return value;
}
