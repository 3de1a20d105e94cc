import { isRecord, type SpecDocument } from "../openapi/index.js";
import { fileHeader } from "./header.js";
import { serviceTypeName } from "./names.js";
import type { ServiceModel } from "./operation-table.js";

/**
 * `generated/<service>/client.ts`: `create<Service>Client`, the `<Service>Client` type, and `<Service>Region`,
 * the union of the region ids in the spec's servers — everything a new spec needs to become a client, with no
 * hand-written code. The client itself is the shared core (`src/core/client.ts`) given the generated tables.
 */
export function emitClient(spec: SpecDocument, { service, operations }: ServiceModel): string {
  const Name = serviceTypeName(service.name);
  const title = serviceTitle(spec);
  const regions = Object.keys(service.regions).map((id) => `  | ${JSON.stringify(id)}`);
  const methods = operations.map((op) => op.key).join(", ");
  return `${fileHeader(service.specFile)}import type { Client } from "openapi-fetch";
import { createServiceClient } from "../../src/core/client.js";
import type { ClientOptions } from "../../src/core/options.js";
import { ${service.name}Operations, ${service.name}Service, type ${Name}Methods } from "./operations.js";
import type { paths } from "./types.js";

${docComment(`A region id of the ${title} that the spec's servers give an endpoint for. \`region\` accepts other strings too (a region newer than the spec), which then need \`endpoint\`.`)}
export type ${Name}Region =
${regions.join("\n")};

${docComment(`The options of \`create${Name}Client\`: \`projectId\`, \`auth\`, and \`region\` (suggesting \`${Name}Region\`) or \`endpoint\`.`)}
export type ${Name}ClientOptions = ClientOptions<${Name}Region>;

${docComment(`A client of the ${title}: one method per operation (${methods}), and \`raw\`, the typed openapi-fetch client with the same endpoint and auth.`)}
export type ${Name}Client = ${Name}Methods & { readonly raw: Client<paths> };

${docComment(`Creates a client of the ${title}. Checks the options at once: a bad one throws a TypeError naming it.`)}
export function create${Name}Client(options: ${Name}ClientOptions): ${Name}Client {
  return createServiceClient<${Name}Methods, paths>(${service.name}Service, ${service.name}Operations, options);
}
`;
}

/**
 * `generated/index.ts`: every service's client, and the types of its operations (values such as the operation
 * tables stay internal; the types.ts files are not re-exported, as each declares its own \`paths\`).
 */
export function emitIndex(services: readonly ServiceModel[]): string {
  return serviceExports(services);
}

/**
 * `generated/browser.ts`: the same for the services a browser uses — all but those whose spec says
 * `x-browser: false` (IAM, which only the credential helpers call). The package's "#services" import picks it
 * under the `browser` condition, so browser bundles do not carry those clients.
 */
export function emitBrowserIndex(services: readonly ServiceModel[]): string {
  return serviceExports(services.filter((service) => service.browser));
}

function serviceExports(services: readonly ServiceModel[]): string {
  const lines = services.flatMap(({ service }) => [
    `export * from "./${service.name}/client.js";`,
    `export type * from "./${service.name}/operations.js";`,
    `export type * from "./${service.name}/named-types.js";`,
  ]);
  return fileHeader(services.map(({ service }) => service.specFile).join(", ")) + lines.join("\n") + "\n";
}

/** "Huawei Cloud Host Security Service (HSS) API v5", from `info.title` and `info.version`. */
function serviceTitle(spec: SpecDocument): string {
  const info = isRecord(spec.data.info) ? spec.data.info : {};
  const title = typeof info.title === "string" ? info.title : spec.service;
  return typeof info.version === "string" ? `${title} ${info.version}` : title;
}

/** A JSDoc comment with `text` wrapped at about 110 columns; one line when it fits. */
function docComment(text: string): string {
  const safe = text.replace(/\*\//g, "*\\/");
  if (safe.length <= 110) return `/** ${safe} */`;
  const lines: string[] = [];
  for (const word of safe.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= 110) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return `/**\n${lines.map((line) => ` * ${line}`).join("\n")}\n */`;
}
