import type { Diff } from "api-smart-diff";
import { isRecord } from "../openapi/index.js";
import type { DocPair } from "./doc-pair.js";
import type { Located } from "./locate.js";
import type { Severity } from "./model.js";
import { show } from "./show.js";

/**
 * The project's classification rules, applied on top of api-smart-diff's. They exist where the library's
 * defaults differ from what this project calls breaking (issue "spec:diff"):
 * - it calls a removed response field, and a changed response type/format, non-breaking;
 * - it calls an added response enum value breaking, and removing a request parameter's whole enum breaking;
 * - it calls adding an enum to a request parameter that had none non-breaking;
 * - it words every body content change as a request body change, responses included;
 * - description/example changes are "annotation" and vendor extensions "unclassified";
 * and every change needs a reason in plain words naming the field, which the library does not give.
 * The first rule that returns a verdict wins; changes no rule knows keep the library's classification.
 */
export interface ChangeFacts {
  readonly diff: Diff;
  readonly where: Located;
  readonly docs: DocPair;
}

export interface Verdict {
  readonly severity: Severity;
  readonly rule: string;
  readonly reason: string;
}

type Rule = (facts: ChangeFacts) => Verdict | undefined;

const breaking = (rule: string, reason: string): Verdict => ({ severity: "breaking", rule, reason });
const nonBreaking = (rule: string, reason: string): Verdict => ({ severity: "non-breaking", rule, reason });

/** Where the client sends values: narrowing what is accepted there breaks existing callers. */
const isRequestSide = (where: Located): boolean => where.scope === "parameter" || where.scope === "request";

const PAST_TENSE = { add: "added", remove: "removed", replace: "changed", rename: "renamed" } as const;

function operationName({ where }: ChangeFacts): string {
  const route = `${where.operation?.method} ${where.operation?.path}`;
  return where.operation?.operationId ? `operation ${where.operation.operationId} (${route})` : `operation ${route}`;
}

const operationAddedOrRemoved: Rule = (facts) => {
  const { diff, where } = facts;
  if (where.keyword !== "operation") return undefined;
  if (diff.action === "remove")
    return breaking("operation-removed", `${operationName(facts)} removed: calls to it will fail`);
  if (diff.action === "add") return nonBreaking("operation-added", `${operationName(facts)} added`);
  return undefined;
};

const parameterAddedOrRemoved: Rule = ({ diff, where }) => {
  if (where.keyword !== "parameter") return undefined;
  if (diff.action === "remove") {
    return breaking("parameter-removed", `${where.location} removed: clients that send it will be rejected or ignored`);
  }
  if (diff.action !== "add") return undefined;
  const schema = where.parameter?.schema;
  const hasDefault = isRecord(schema) && schema.default !== undefined;
  if (where.parameter?.required === true && !hasDefault) {
    return breaking("required-parameter-added", `${where.location} added as required: existing calls do not send it`);
  }
  return nonBreaking("optional-parameter-added", `${where.location} added as optional: existing calls keep working`);
};

const fieldAddedOrRemoved: Rule = ({ diff, where }) => {
  if (where.keyword !== "field") return undefined;
  const response = where.scope === "response";
  if (diff.action === "remove") {
    return response
      ? breaking("response-field-removed", `${where.location} removed: clients that read it will find nothing`)
      : breaking(
          "request-field-removed",
          `${where.location} removed: clients that send it will be rejected or ignored`,
        );
  }
  if (diff.action !== "add") return undefined;
  return response
    ? nonBreaking("response-field-added", `${where.location} added: clients that do not know it ignore it`)
    : nonBreaking(
        "request-field-added",
        `${where.location} added; it is optional unless a separate change makes it required`,
      );
};

const typeOrFormatChanged: Rule = ({ diff, where }) => {
  if ((where.keyword !== "type" && where.keyword !== "format") || where.schemaPath === undefined) return undefined;
  return breaking(
    `${where.keyword}-changed`,
    `${where.keyword} of ${where.location} ${PAST_TENSE[diff.action]}: values of the old and the new ${where.keyword} are not interchangeable`,
  );
};

const requiredChanged: Rule = ({ diff, where }) => {
  if (where.keyword !== "required") return undefined;
  // A schema's `required` list changes one entry at a time; a parameter's or request body's flag is a boolean.
  const nowRequired = where.schemaPath !== undefined ? diff.action === "add" : diff.after === true;
  if (where.scope === "response") {
    return nowRequired
      ? nonBreaking("response-field-became-required", `${where.location} is now always present`)
      : breaking(
          "response-field-became-optional",
          `${where.location} may now be absent: clients that rely on it break`,
        );
  }
  return nowRequired
    ? breaking("became-required", `${where.location} became required: existing requests without it will be rejected`)
    : nonBreaking("became-optional", `${where.location} became optional: existing requests stay valid`);
};

/** Does the schema owning an `enum` change have an enum on `side`? Tells a value change from the whole list appearing/disappearing. */
function hasEnum({ where, docs }: ChangeFacts, side: "before" | "after"): boolean {
  if (where.schemaPath === undefined) return false;
  const schema = docs.nodeAt(side, where.schemaPath);
  return isRecord(schema) && Array.isArray(schema.enum);
}

const enumChanged: Rule = (facts) => {
  const { diff, where } = facts;
  if (where.keyword !== "enum" || where.scope === "document" || where.scope === "operation") return undefined;
  const value = show(diff.action === "remove" ? diff.before : diff.after);
  if (where.scope === "response") {
    return diff.action === "remove"
      ? nonBreaking("response-enum-value-removed", `value ${value} no longer appears in ${where.location}`)
      : nonBreaking(
          "response-enum-value-added",
          `value ${value} may now appear in ${where.location}: clients should handle values they do not know`,
        );
  }
  if (diff.action === "add") {
    return hasEnum(facts, "before")
      ? nonBreaking(
          "request-enum-value-added",
          `value ${value} added to the allowed values of ${where.location}: existing requests stay valid`,
        )
      : breaking(
          "request-enum-introduced",
          `${where.location} is now restricted to listed values (${value}): requests with other values will be rejected`,
        );
  }
  if (diff.action === "remove" && !hasEnum(facts, "after")) {
    return nonBreaking(
      "request-enum-dropped",
      `${where.location} is no longer restricted to a list of values (${value} was one)`,
    );
  }
  return breaking(
    "request-enum-value-removed",
    `value ${value} removed from the allowed values of ${where.location}: requests that send it will be rejected`,
  );
};

const LOWER_BOUNDS = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"]);
const UPPER_BOUNDS = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"]);

const rangeChanged: Rule = ({ diff, where }) => {
  const lower = LOWER_BOUNDS.has(where.keyword);
  if (!lower && !UPPER_BOUNDS.has(where.keyword)) return undefined;
  const { before, after } = diff;
  // OpenAPI 3.0's boolean exclusiveMinimum/Maximum is left to the library.
  if ((before !== undefined && typeof before !== "number") || (after !== undefined && typeof after !== "number"))
    return undefined;
  const narrowed = after !== undefined && (before === undefined || (lower ? after > before : after < before));
  const moved =
    before === undefined ? "added" : after === undefined ? "removed" : after > before ? "raised" : "lowered";
  const change = `${where.keyword} of ${where.location} ${moved}, ${narrowed ? "narrowing" : "widening"} the range`;
  if (where.scope === "response") {
    return nonBreaking(
      "response-range-changed",
      `${change}: it describes values the server returns, clients send none`,
    );
  }
  if (!isRequestSide(where)) return undefined;
  return narrowed
    ? breaking("range-narrowed", `${change}: requests valid before may now be rejected`)
    : nonBreaking("range-widened", `${change}: every request valid before stays valid`);
};

const defaultChanged: Rule = ({ diff, where }) => {
  if (where.keyword !== "default" || where.schemaPath === undefined) return undefined;
  const change = `default of ${where.location} ${PAST_TENSE[diff.action]}`;
  if (!isRequestSide(where) || diff.action === "add")
    return nonBreaking("default-documented", `${change}: no request changes meaning`);
  return breaking("default-changed", `${change}: requests that omit it now get different behaviour`);
};

/**
 * A body (its whole `content`, or one media type) added or removed. The library words every such change as a
 * "Request Body content" change, responses included; here the side decides: a response body that disappears
 * breaks clients that read it, one that appears breaks nobody; a request media type removed breaks clients
 * that send it, one added breaks nobody.
 */
const contentChanged: Rule = ({ diff, where }) => {
  if (where.keyword !== "content" || (where.scope !== "response" && where.scope !== "request")) return undefined;
  const what = where.scope === "response" ? `${where.location} body` : `${where.location} content`;
  if (diff.action === "add") {
    return nonBreaking(
      `${where.scope}-content-added`,
      `${what} added: ${where.scope === "response" ? "clients that ignore bodies keep working" : "existing requests stay valid"}`,
    );
  }
  if (diff.action === "remove") {
    return where.scope === "response"
      ? breaking(
          "response-content-removed",
          `${what} removed: the answer has no body now, clients that read it find nothing`,
        )
      : breaking("request-content-removed", `${what} removed: clients that send it will be rejected`);
  }
  return undefined;
};

const DOCUMENTATION_KEYWORDS = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "tags",
]);

const documentationChanged: Rule = ({ diff, where }) =>
  DOCUMENTATION_KEYWORDS.has(where.keyword)
    ? nonBreaking(
        "documentation",
        `${where.keyword} of ${where.location} ${PAST_TENSE[diff.action]}: documentation only`,
      )
    : undefined;

const deprecationChanged: Rule = ({ diff, where }) =>
  where.keyword === "deprecated"
    ? nonBreaking(
        "deprecation",
        `${where.location} ${diff.after === true ? "marked deprecated" : "no longer deprecated"}: it still works`,
      )
    : undefined;

const vendorExtensionChanged: Rule = ({ diff, where }) =>
  where.keyword.startsWith("x-")
    ? nonBreaking(
        "vendor-extension",
        `${where.keyword} of ${where.location} ${PAST_TENSE[diff.action]}: read by the generator, not part of the HTTP contract`,
      )
    : undefined;

/** Changes no project rule knows: the library decides; anything it cannot classify is sent to a human as breaking. */
function libraryDefault({ diff, where }: ChangeFacts): Verdict {
  const what = `${where.location}: ${(diff.description ?? "").replace(/^\[\w+\]\s*/, "") || `${where.keyword} ${diff.action}`}`;
  switch (diff.type) {
    case "breaking":
      return breaking("api-smart-diff", `${what} (breaking per api-smart-diff)`);
    case "unclassified":
      return breaking(
        "unclassified",
        `${what}: not classified by api-smart-diff or this project's rules, so treated as breaking until reviewed`,
      );
    default:
      return nonBreaking("api-smart-diff", `${what} (${diff.type} per api-smart-diff)`);
  }
}

const PROJECT_RULES: readonly Rule[] = [
  operationAddedOrRemoved,
  parameterAddedOrRemoved,
  fieldAddedOrRemoved,
  typeOrFormatChanged,
  requiredChanged,
  enumChanged,
  rangeChanged,
  defaultChanged,
  contentChanged,
  documentationChanged,
  deprecationChanged,
  vendorExtensionChanged,
];

export function classify(facts: ChangeFacts): Verdict {
  for (const rule of PROJECT_RULES) {
    const verdict = rule(facts);
    if (verdict) return verdict;
  }
  return libraryDefault(facts);
}
