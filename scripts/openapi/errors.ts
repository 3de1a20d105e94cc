/**
 * A spec that cannot be read: YAML that does not parse, a `$ref` that points nowhere or loops, a pointer
 * that is not one. `where` is `file:line:col` when the reader knows it (each tool formats it its own way:
 * the generator as `where message`, spec:diff as `where: invalid YAML: message`).
 */
export class SpecReadError extends Error {
  override readonly name = "SpecReadError";

  constructor(
    readonly problem: string,
    readonly where?: string,
    /** `yaml`: the text does not parse; `spec`: it parses, but a reference or pointer in it is wrong. */
    readonly kind: "yaml" | "spec" = "spec",
  ) {
    super(where === undefined ? problem : `${where} ${problem}`);
  }
}
