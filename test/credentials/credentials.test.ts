import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createCredentials } from "../../src/credentials/index.js";
import { expectNoSecrets } from "./leaks.js";

const SK = "sk-secret-0123456789abcdef";
const TOKEN = "security-token-very-secret-xyz";

describe("credentials objects", () => {
  const credentials = createCredentials({
    ak: "AKEXAMPLE",
    sk: SK,
    securityToken: TOKEN,
    projectId: "p1",
    source: "test",
  });

  it("read their secrets for signing", () => {
    expect(credentials.sk).toBe(SK);
    expect(credentials.securityToken).toBe(TOKEN);
    expect(credentials.ak).toBe("AKEXAMPLE");
    expect(credentials.projectId).toBe("p1");
  });

  it("never show sk or security token in String, JSON, inspect, spread or Object.keys", () => {
    expectNoSecrets(credentials, [SK, TOKEN]);
    expectNoSecrets({ ...credentials }, [SK, TOKEN]);
    expect(Object.keys(credentials)).toEqual(["source", "ak", "projectId"]);
    expect(JSON.parse(JSON.stringify(credentials))).toEqual({
      source: "test",
      ak: "AKEXAMPLE",
      projectId: "p1",
      sk: "[hidden]",
      securityToken: "[hidden]",
    });
    expect(inspect(credentials)).toContain("[hidden]");
    expect(String(credentials)).toBe("Credentials from test (ak AKEXAMPLE)");
  });

  it("are frozen", () => {
    expect(Object.isFrozen(credentials)).toBe(true);
    expect(() => {
      (credentials as { sk: string }).sk = "other";
    }).toThrow(TypeError);
  });

  it("refuse empty or malformed fields, naming the field and not its value", () => {
    expect(() => createCredentials({ ak: "AK", sk: "", source: "test" })).toThrow(
      "credentials.sk: expected a non-empty string",
    );
    expect(() => createCredentials({ ak: "", sk: SK, source: "test" })).toThrow(/^credentials\.ak/);
    expect(() => createCredentials({ ak: "AK", sk: SK, securityToken: "", source: "test" })).toThrow(
      /credentials\.securityToken/,
    );
    expect(() => createCredentials({ ak: "AK", sk: SK, expiresAt: new Date(Number.NaN), source: "test" })).toThrow(
      /expiresAt/,
    );
    let thrown: unknown;
    try {
      createCredentials({ ak: "AK", sk: SK, securityToken: 42 as unknown as string, source: "test" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expectNoSecrets(thrown, [SK]);
  });
});
