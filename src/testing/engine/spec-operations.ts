/**
 * The shape of one API operation as the stand-in server serves it: what routing, validation and the documented
 * answer need, with every `$ref` already inlined. Built from spec/*.yaml by the generator
 * (generated/<service>/stand-in.ts, so the published server reads no YAML) or, for the repository's tests of
 * other specs, by scripts/stand-in/spec-operations.ts.
 */

export type JsonSchema = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonSchema;
  /** A query array sent as one comma-separated value (`ids=1,2`), the spec's `explode: false`. */
  explode?: false;
}

/** The documented success answer of an operation: what the server sends for operations without a handler. */
export interface SuccessAnswer {
  readonly status: number;
  /** The body's media type; absent when the answer has no body. */
  readonly mediaType?: string | undefined;
  /** The documented example body (JSON value, or text for text/*); absent when none is documented. */
  readonly example?: unknown;
  /** Declared response headers with an example value each. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface SpecOperation {
  service: string;
  operationId: string;
  method: string;
  /** Path template with `{param}` placeholders. */
  path: string;
  parameters: SpecParameter[];
  /** True when the spec lets the operation be called without credentials (`security: []`); see auth.ts. */
  anonymous?: true;
  requestBody?: { required: boolean; schema: JsonSchema };
  /** Schema of the 200 `application/json` response. */
  responseSchema?: JsonSchema;
  /** The documented success answer (status, body example, headers), for operations without a handler. */
  success?: SuccessAnswer;
}
