import { describe, expect, it } from "vitest";
import {
  chain,
  createCredentials,
  CredentialsChainError,
  CredentialsError,
  type CredentialProvider,
} from "../../src/credentials/index.js";
import { expectNoSecrets, rejectionOf } from "./leaks.js";

const SK = "chain-secret-key-0123456789";

function recording(calls: string[], name: string, answer: "keys" | string): CredentialProvider {
  return async () => {
    calls.push(name);
    if (answer === "keys") return createCredentials({ ak: `AK-${name}`, sk: SK, source: name });
    throw new CredentialsError(name, answer);
  };
}

describe("chain", () => {
  it("asks in order and answers the first hit, asking no further", async () => {
    const calls: string[] = [];
    const provider = chain(
      recording(calls, "first", "nothing here"),
      recording(calls, "second", "keys"),
      recording(calls, "third", "keys"),
    );
    expect((await provider()).ak).toBe("AK-second");
    expect(calls).toEqual(["first", "second"]);
  });

  it("asks again at each call (caching is cached()'s job)", async () => {
    const calls: string[] = [];
    const provider = chain(recording(calls, "only", "keys"));
    await provider();
    await provider();
    expect(calls).toEqual(["only", "only"]);
  });

  it("when all fail, lists every source in order and why, without secrets", async () => {
    const calls: string[] = [];
    const named: CredentialProvider = async function vault() {
      throw "plain string";
    };
    const provider = chain(
      recording(calls, "environment", "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set"),
      [async () => Promise.reject(new Error("boom"))][0]!, // a function without a name
      named,
    );
    const error = await rejectionOf(provider());
    expect(error).toBeInstanceOf(CredentialsChainError);
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe(
      [
        "credential chain: no credentials found; tried in order:",
        "  1. environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set",
        "  2. provider 2: boom",
        "  3. provider 3 (vault): plain string",
      ].join("\n"),
    );
    expect((error as CredentialsChainError).tried.map((entry) => entry.source)).toEqual([
      "environment",
      "provider 2",
      "provider 3 (vault)",
    ]);
    expectNoSecrets(error, [SK]);
  });

  it("refuses no providers or a non-function", () => {
    expect(() => chain()).toThrow("chain: expected at least one credential provider");
    expect(() => chain({} as CredentialProvider)).toThrow("chain: provider 1 is not a function");
  });
});
