import { describe, expect, it } from "vitest";
import { CredentialsError, fromEnv } from "../../src/credentials/node.js";
import { expectNoSecrets, rejectionOf } from "./leaks.js";

const SK = "env-secret-key-abcdef0123456789";
const TOKEN = "env-security-token-0123456789";

describe("fromEnv", () => {
  it("reads HUAWEICLOUD_SDK_AK/SK/SECURITY_TOKEN/PROJECT_ID/IAM_ENDPOINT", async () => {
    const credentials = await fromEnv({
      env: {
        HUAWEICLOUD_SDK_AK: "AKENV",
        HUAWEICLOUD_SDK_SK: SK,
        HUAWEICLOUD_SDK_SECURITY_TOKEN: TOKEN,
        HUAWEICLOUD_SDK_PROJECT_ID: "project-env",
        HUAWEICLOUD_SDK_IAM_ENDPOINT: "http://127.0.0.1:1",
      },
    })();
    expect(credentials).toMatchObject({
      ak: "AKENV",
      sk: SK,
      securityToken: TOKEN,
      projectId: "project-env",
      iamEndpoint: "http://127.0.0.1:1",
      source: "environment",
    });
    expect(credentials.expiresAt).toBeUndefined();
  });

  it("leaves optional fields out when unset or empty", async () => {
    const credentials = await fromEnv({
      env: { HUAWEICLOUD_SDK_AK: "AKENV", HUAWEICLOUD_SDK_SK: SK, HUAWEICLOUD_SDK_PROJECT_ID: "" },
    })();
    expect(credentials.securityToken).toBeUndefined();
    expect(credentials.projectId).toBeUndefined();
    expect(credentials.iamEndpoint).toBeUndefined();
  });

  it.each([
    [{}, "environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set"],
    [
      { HUAWEICLOUD_SDK_AK: "", HUAWEICLOUD_SDK_SK: "" },
      "environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set",
    ],
    [{ HUAWEICLOUD_SDK_AK: "AKENV" }, "environment: HUAWEICLOUD_SDK_SK is not set (HUAWEICLOUD_SDK_AK is)"],
    [{ HUAWEICLOUD_SDK_SK: SK }, "environment: HUAWEICLOUD_SDK_AK is not set (HUAWEICLOUD_SDK_SK is)"],
    [
      { HUAWEICLOUD_SDK_IDP_ID: "idp", HUAWEICLOUD_SDK_ID_TOKEN_FILE: "/x" },
      "environment: HUAWEICLOUD_SDK_IDP_ID and HUAWEICLOUD_SDK_ID_TOKEN_FILE are set, but federated identity is not supported yet; set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK",
    ],
  ])("without a complete pair says which variable is missing (%j)", async (env, message) => {
    const error = await rejectionOf(fromEnv({ env })());
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe(message);
    expectNoSecrets(error, [SK]);
  });

  it("reads process.env when no env is given, at each call", async () => {
    const saved = { ...process.env };
    try {
      process.env["HUAWEICLOUD_SDK_AK"] = "AKPROCESS";
      process.env["HUAWEICLOUD_SDK_SK"] = SK;
      const provider = fromEnv();
      expect((await provider()).ak).toBe("AKPROCESS");
      process.env["HUAWEICLOUD_SDK_AK"] = "AKCHANGED";
      expect((await provider()).ak).toBe("AKCHANGED");
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
