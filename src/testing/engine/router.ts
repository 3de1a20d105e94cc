/** Finds the spec operation for a method and path, and the path parameters' values. */
import type { SpecOperation } from "./spec-operations.js";

export interface RouteMatch {
  operation: SpecOperation;
  pathParams: Record<string, string>;
}

export type Router = (method: string, pathname: string) => RouteMatch | undefined;

export function createRouter(operations: readonly SpecOperation[]): Router {
  const routes = operations.map((operation) => {
    const names: string[] = [];
    const pattern = operation.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { operation, names, regex: new RegExp(`^${pattern}$`) };
  });
  return (method, pathname) => {
    for (const route of routes) {
      if (route.operation.method !== method) continue;
      const found = route.regex.exec(pathname);
      if (!found) continue;
      const values = route.names.map((_, i) => safeDecode(found[i + 1] ?? ""));
      if (values.some((v) => v === undefined)) return undefined;
      return {
        operation: route.operation,
        pathParams: Object.fromEntries(route.names.map((name, i) => [name, values[i] ?? ""])),
      };
    }
    return undefined;
  };
}

/** A malformed percent-escape makes the path match nothing rather than crash the server. */
function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
