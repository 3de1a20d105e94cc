// A loopback IAM that answers 2xx bodies of the wrong shape inside (the client checks only that the body is an
// object): the token providers and the project id lookup fail with a CredentialsError that says so, never a bare
// TypeError read out of the body, and never showing the password or a token.
import { describe, expect, it } from "vitest";
import { createHssClient } from "../../src/index.js";
import { createCredentials, CredentialsError, iamPasswordToken } from "../../src/credentials/index.js";
import { expectNoSecrets, rejectionOf } from "../credentials/leaks.js";
import { json, useHostileServer } from "./servers.js";

const iam = useHostileServer();
const PASSWORD = "iam-shapes-password-secret";
const TOKEN = "iam-shapes-subject-token-secret";
const SK = "iam-shapes-sk-secret";

describe("KeystoneCreateToken answered without a usable token.expires_at", () => {
  it.each([
    ["no token", {}],
    ["token null", { token: null }],
    ["token a string", { token: "x" }],
    ["expires_at a number", { token: { expires_at: 4102444800000 } }],
    ["expires_at an array (new Date([2099]) reads a year)", { token: { expires_at: [2099] } }],
  ])("%s: CredentialsError, not a bare TypeError", async (_, body) => {
    iam.handler = (_, response) => json(response, 201, body, { "X-Subject-Token": TOKEN });
    const token = iamPasswordToken({
      domainName: "d",
      userName: "u",
      password: PASSWORD,
      projectName: "ap-southeast-1",
      iamEndpoint: iam.url,
    });
    const error = await rejectionOf(token());
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toContain("IAM answered a token.expires_at that is not a time");
    expectNoSecrets(error, [PASSWORD, TOKEN]);
    expect(iam.requests).toHaveLength(1);
  });
});

describe("KeystoneListProjects answered with projects that are not a list of projects", () => {
  it.each([
    ["projects null", { projects: null }],
    ["projects an object", { projects: { id: "p" } }],
    ["projects holding null and a string", { projects: [null, "ap-southeast-1"] }],
  ])("%s: the lookup finds no project (CredentialsError), nothing sent to the service", async (_, body) => {
    iam.handler = (_, response) => json(response, 200, body);
    const hss = createHssClient({
      region: "ap-southeast-1",
      endpoint: iam.url,
      auth: async () => createCredentials({ ak: "SHAPESAK", sk: SK, iamEndpoint: iam.url, source: "test" }),
      retry: false,
    });
    const error = await rejectionOf(hss.showTaskStatistics({ task_type: "iac_scan" }));
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toContain('IAM answered no project named "ap-southeast-1"');
    expectNoSecrets(error, [SK]);
    expect(iam.requests.map((request) => request.url.split("?")[0])).toEqual(["/v3/projects"]);
  });
});
