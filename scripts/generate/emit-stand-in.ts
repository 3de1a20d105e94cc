import type { SpecDocument } from "../openapi/index.js";
import { standInOperations } from "../stand-in/spec-operations.js";
import { fileHeader } from "./header.js";
import type { ServiceModel } from "./operation-table.js";

/**
 * `generated/<service>/stand-in.ts`: the spec's operations as the stand-in server serves them (routes, inlined
 * parameter and body schemas, documented answers), so `huaweicloud-task-client/testing` runs from the package
 * without the repository's spec/ or a YAML parser. Not exported by generated/index.ts: only the testing entry
 * imports it, through `generated/stand-in.ts`.
 */
export function emitStandIn(spec: SpecDocument, { service }: ServiceModel): string {
  return `${fileHeader(service.specFile)}import type { SpecOperation } from "../../src/testing/engine/spec-operations.js";

export const ${service.name}StandInOperations: readonly SpecOperation[] = ${JSON.stringify(standInOperations(spec), null, 2)};
`;
}

/** `generated/stand-in.ts`: every service's stand-in operations, in spec order. */
export function emitStandInIndex(services: readonly ServiceModel[]): string {
  const imports = services.map(
    ({ service }) => `import { ${service.name}StandInOperations } from "./${service.name}/stand-in.js";`,
  );
  const all = services.map(({ service }) => `...${service.name}StandInOperations`).join(", ");
  return `${fileHeader(services.map(({ service }) => service.specFile).join(", "))}import type { SpecOperation } from "../src/testing/engine/spec-operations.js";
${imports.join("\n")}

export const standInOperations: readonly SpecOperation[] = [${all}];
`;
}
