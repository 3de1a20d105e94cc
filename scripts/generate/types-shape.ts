import ts from "typescript";

/**
 * How `generated/<service>/types.ts` differs from openapi-typescript's defaults, for the methods' users:
 *
 * - Every optional input field accepts `undefined` explicitly (`limit?: number | undefined`), so a program
 *   compiled with `exactOptionalPropertyTypes` may pass `{ limit: maybeLimit }`; the facade treats undefined
 *   as absent (input-validation.ts skips it, the request leaves it out). Schema properties get it through
 *   openapi-typescript's `transformProperty` hook; parameters have no hook and get it in `shapeTypes`.
 * - No `@enum {type}` tag: openapi-typescript adds one to every enum field, and editors show it as an empty
 *   `@enum` in hovers; the field's type already lists the values.
 */
export const typeOptions = { transformProperty: acceptUndefined } as const;

/** The post-processing of openapi-typescript's nodes described above (parameters, `@enum` tags). */
export function shapeTypes(nodes: readonly ts.Node[]): ts.Node[] {
  const result = ts.transform([...nodes], [(context) => (root) => visit(root, context)]);
  return result.transformed;
}

function visit<T extends ts.Node>(node: T, context: ts.TransformationContext): T {
  dropEnumTags(node);
  const visited = ts.visitEachChild(node, (child) => visit(child, context), context);
  return (isParametersProperty(visited) ? parametersAcceptUndefined(visited) : visited) as T;
}

/** `parameters: { query?: {…}; header?: {…}; path: {…}; cookie?: never }` of a path item or operation. */
function isParametersProperty(node: ts.Node): node is ts.PropertySignature & { type: ts.TypeLiteralNode } {
  return (
    ts.isPropertySignature(node) &&
    ts.isIdentifier(node.name) &&
    node.name.text === "parameters" &&
    node.type !== undefined &&
    ts.isTypeLiteralNode(node.type)
  );
}

function parametersAcceptUndefined(
  parameters: ts.PropertySignature & { type: ts.TypeLiteralNode },
): ts.PropertySignature {
  const locations = parameters.type.members.map((location) => {
    if (!ts.isPropertySignature(location) || location.type === undefined || !ts.isTypeLiteralNode(location.type))
      return location;
    const fields = location.type.members.map((field) =>
      ts.isPropertySignature(field) ? acceptUndefined(field) : field,
    );
    return ts.factory.updatePropertySignature(
      location,
      location.modifiers,
      location.name,
      location.questionToken,
      ts.factory.updateTypeLiteralNode(location.type, ts.factory.createNodeArray(fields)),
    );
  });
  const type = ts.factory.updateTypeLiteralNode(parameters.type, ts.factory.createNodeArray(locations));
  return ts.factory.updatePropertySignature(
    parameters,
    parameters.modifiers,
    parameters.name,
    parameters.questionToken,
    type,
  );
}

/** `name?: T` → `name?: T | undefined`; required properties and types that already admit undefined stay. */
function acceptUndefined(property: ts.PropertySignature): ts.PropertySignature {
  const type = property.type;
  if (property.questionToken === undefined || type === undefined || admitsUndefined(type)) return property;
  const members = ts.isUnionTypeNode(type) ? [...type.types] : [type];
  const union = ts.factory.createUnionTypeNode([
    ...members,
    ts.factory.createKeywordTypeNode(ts.SyntaxKind.UndefinedKeyword),
  ]);
  return ts.factory.updatePropertySignature(property, property.modifiers, property.name, property.questionToken, union);
}

function admitsUndefined(type: ts.TypeNode): boolean {
  if (
    type.kind === ts.SyntaxKind.UndefinedKeyword ||
    type.kind === ts.SyntaxKind.UnknownKeyword ||
    type.kind === ts.SyntaxKind.AnyKeyword
  )
    return true;
  // `never` marks a location with no parameters (`query?: never`): left as openapi-typescript writes it.
  if (type.kind === ts.SyntaxKind.NeverKeyword) return true;
  return ts.isUnionTypeNode(type) && type.types.some(admitsUndefined);
}

const ENUM_TAG = /\n \* @enum \{[^}]*\}|^\* @enum \{[^}]*\} $/g;

/** Removes the `@enum {type}` line from the node's JSDoc, and the JSDoc when nothing else is left in it. */
function dropEnumTags(node: ts.Node): void {
  const comments = ts.getSyntheticLeadingComments(node);
  if (comments === undefined || !comments.some((comment) => comment.text.includes("@enum"))) return;
  const kept = comments
    .map((comment) => ({ ...comment, text: comment.text.replace(ENUM_TAG, "") }))
    .filter((comment) => comment.text.replace(/[\s*]/g, "") !== "");
  ts.setSyntheticLeadingComments(node, kept);
}
