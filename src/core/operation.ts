/**
 * The shape of the operation tables that `scripts/generate.ts` writes to `generated/<service>/operations.ts`.
 *
 * The tables are the only runtime description of the API the facade uses: where each input field goes
 * (path, query, header, body), what values it accepts (a small JSON-Schema subset, checked before any request
 * is sent), whether the operation may be retried automatically and how it paginates. Every fact comes from the
 * spec (`spec/*.yaml`), including the `x-retry-safe` and `x-pagination` extensions.
 */

/** The JSON-Schema subset kept for input validation. Mirrors the spec's schema keywords one to one. */
export interface FieldSchema {
  readonly type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  /**
   * Set when the spec's type also allows null (OpenAPI 3.1 `type: [string, "null"]`): null is a value, sent as is.
   * The spec's `enum` then lists null too (the generator insists); `enum` here keeps the other values.
   */
  readonly nullable?: true;
  readonly format?: string;
  readonly enum?: readonly (string | number | boolean)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: FieldSchema;
  readonly properties?: { readonly [name: string]: FieldSchema };
  readonly required?: readonly string[];
  readonly minProperties?: number;
  readonly maxProperties?: number;
  /**
   * What an object's fields beyond `properties` may hold: a schema (a map such as `{ [label: string]: string }`),
   * or `true` for any value. Absent (or `false` in the spec), they are unknown fields, refused.
   */
  readonly additionalProperties?: FieldSchema | true;
  /** Fields required only when another field has a given value (the spec's `oneOf` + discriminator, or `if`/`then`). */
  readonly conditions?: readonly ConditionalRequirement[];
}

/** "When `field` is `equals`, the fields in `require` are required" — one branch of a conditional requirement. */
export interface ConditionalRequirement {
  readonly field: string;
  readonly equals: string | number | boolean;
  readonly require: readonly string[];
}

export type ParamLocation = "path" | "query" | "header" | "body";

export interface ParamSpec {
  /** Where the field is sent. */
  readonly in: ParamLocation;
  /** The name on the wire: the parameter name, header name or body property. */
  readonly name: string;
  readonly required: boolean;
  readonly schema: FieldSchema;
  /**
   * Set when the field is the whole request body (an array or scalar body, under the input field `body`) rather
   * than one property of an object body.
   */
  readonly wholeBody?: true;
  /**
   * Set on a query array whose spec says `explode: false` (style form): its items go comma-separated in one
   * value (`ids=1,2`). Absent, an array repeats the name (`ids=1&ids=2`), OpenAPI's default.
   */
  readonly explode?: false;
  /**
   * Set when the value comes from the client's options instead of the call's input (the spec's
   * `x-client-option` on the parameter, e.g. `project_id` ← `projectId`). Such fields are not part of the
   * method's input type.
   */
  readonly clientOption?: string;
}

/**
 * How a list operation pages, from its `x-pagination` extension: one member per paging style, told apart by
 * `style`. Code that walks pages switches on `style`, so a new style is a new member and a new case.
 */
export type PaginationSpec = OffsetPagination | MarkerPagination;

/** What every paging style shares: the page size parameter, where the items are, and their identity. */
export interface PageShape {
  /** Input field carrying the page size. */
  readonly limit: string;
  /** How the paging parameters are typed in the input: numbers, or decimal strings (`"100"`, as SWR's repos list). */
  readonly numbersAs: "integer" | "string";
  /** Page size bounds, from the limit parameter's `minimum`/`maximum` (or the extension, for string limits). */
  readonly minLimit: number;
  readonly maxLimit: number;
  /** Response field holding the page's items (an array); `null` when the body itself is the array. */
  readonly items: string | null;
  /** Item field identifying an item (`task_id`, `id`): a page's items already seen on the page before are dropped. */
  readonly key?: string;
}

/** Where an offset-paged operation reports the total number of items. */
export type PageTotal =
  | { readonly in: "body"; readonly field: string }
  /** A response header: `Content-Range: 0-9/100` (the number after the slash), or a header holding the number. */
  | { readonly in: "header"; readonly name: string; readonly format: "content-range" | "integer" };

/** Offset/limit paging (`style: offset`, the default). */
export interface OffsetPagination extends PageShape {
  readonly style: "offset";
  /** Input field carrying the start index. */
  readonly offset: string;
  /** The largest offset the operation accepts (the offset parameter's `maximum`), when it has one. */
  readonly maxOffset?: number;
  /** Where the total is reported; `null` when the operation does not report one (the walk ends on a short page). */
  readonly total: PageTotal | null;
}

/** Marker paging (`style: marker`): each request passes the marker the previous page ended with. */
export interface MarkerPagination extends PageShape {
  readonly style: "marker";
  /** Input field carrying the marker. */
  readonly marker: string;
  /** Where the next marker comes from: a field of the page's last item, or a field of the body (by path). */
  readonly next:
    | { readonly from: "last-item"; readonly field: string }
    | { readonly from: "body"; readonly path: readonly string[] };
}

export interface OperationSpec {
  /** The SDK operation name (the spec's operationId), e.g. `ListTasks`. */
  readonly operationId: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path template with `{param}` placeholders, e.g. `/v5/{project_id}/common/tasks/batch-query`. */
  readonly path: string;
  /** Every input field, keyed by the name the caller uses (the API's own name). */
  readonly params: { readonly [field: string]: ParamSpec };
  /** True when the spec marks the operation `x-retry-safe: true` (reads, including reads done with POST). */
  readonly retrySafe: boolean;
  /**
   * True when the spec lets the operation be called without credentials (its standard OpenAPI `security` is
   * `[]` or holds `{}`): IAM's password token request. A client created with `auth: "none"` may call only these.
   */
  readonly anonymous?: true;
  /**
   * The JSON type of the success body, from the success response schema's `type` (`object` for every
   * operation so far); a 2xx body of another type is an InvalidResponseError. Absent when the schema has none.
   */
  readonly responseType?: FieldSchema["type"];
  readonly pagination?: PaginationSpec;
  /** The source document the operation was transcribed from (`x-source-doc`). */
  readonly sourceDoc: string;
  /** Conditional requirements between input fields of an object request body (its fields are input fields). */
  readonly conditions?: readonly ConditionalRequirement[];
  /** Every documented success status → how its body is read (the method resolves with it). */
  readonly responses: { readonly [status: string]: ResponseContent };
  /**
   * The response headers the spec declares on the success responses, lowercase name → how the value is typed
   * (`integer`/`number` headers are read as numbers). Only `withResponse` reads it; absent when none are declared.
   */
  readonly responseHeaders?: { readonly [lowercaseName: string]: ResponseHeaderType };
}

/**
 * How a success body is read: `json` parsed (empty → undefined), `text` as a string, `binary` as a Uint8Array,
 * `none` not read (undefined). A 2xx the spec does not document is read as `json`.
 */
export type ResponseContent = "json" | "text" | "binary" | "none";

/** How a declared response header's value is typed in `withResponse().headers`: its schema's type. */
export type ResponseHeaderType = "string" | "integer" | "number" | "boolean";

export interface ServiceSpec {
  /** Short service name, e.g. `hss`. */
  readonly name: string;
  /** The spec file the table was generated from, e.g. `spec/hss.v5.yaml`. */
  readonly specFile: string;
  /** Region id → endpoint origin (e.g. `ap-southeast-1` → `https://hss.ap-southeast-1.myhuaweicloud.com`). */
  readonly regions: { readonly [region: string]: string };
}
