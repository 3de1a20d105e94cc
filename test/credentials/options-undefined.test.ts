/**
 * The credential helpers' optional options take `undefined` as absent, as the client, call and helper options do:
 * the types accept it (test/types/credential-options-usage.ts) and this is what it does — the default, never
 * "no value". Nothing here reaches the real metadata address: every metadata source points at the loopback
 * stand-in, and the default chain finds keys before its metadata step.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  cached,
  createCredentials,
  CredentialsError,
  defaultChain,
  fromEcsMetadata,
  fromEnv,
  fromProfile,
  type Credentials,
} from "../../src/credentials/node.js";
import { startMetadataServer, type MetadataStandIn } from "../metadata-server/index.js";

const SK = "options-undefined-secret-0123456789";
const MINUTE = 60_000;

let metadata: MetadataStandIn;
beforeAll(async () => {
  metadata = await startMetadataServer();
});
afterAll(() => metadata.close());
afterEach(() => vi.unstubAllEnvs());

/** A readFile that records the paths asked and finds no file. */
function noFiles() {
  const paths: string[] = [];
  const readFile = async (path: string): Promise<string> => {
    paths.push(path);
    throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
  };
  return { paths, readFile };
}

describe("undefined in the credential helpers' optional options means absent", () => {
  it("fromEnv: env undefined reads process.env", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", "AKPROCESS");
    vi.stubEnv("HUAWEICLOUD_SDK_SK", SK);
    expect(await fromEnv({ env: undefined })()).toMatchObject({ ak: "AKPROCESS", source: "environment" });
  });

  it("fromProfile: env and homeDir undefined are process.env and the user's home directory", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", "/from/process/env/credentials");
    const named = noFiles();
    await expect(fromProfile({ env: undefined, homeDir: undefined, readFile: named.readFile })()).rejects.toThrow(
      "profile /from/process/env/credentials: no such file",
    );
    const home = noFiles();
    await expect(fromProfile({ env: {}, homeDir: undefined, readFile: home.readFile })()).rejects.toThrow(
      CredentialsError,
    );
    expect([...named.paths, ...home.paths]).toEqual([
      "/from/process/env/credentials",
      join(homedir(), ".huaweicloud", "credentials"),
    ]);
  });

  it("fromEcsMetadata: timeouts, token lifetime and clock undefined are the defaults", async () => {
    metadata.requests.length = 0;
    const credentials = await fromEcsMetadata({
      endpoint: metadata.url,
      connectTimeoutMs: undefined,
      timeoutMs: undefined,
      tokenTtlSeconds: undefined,
      now: undefined,
    })();
    expect(credentials.ak).toBe(metadata.keys.access);
    expect(metadata.requests[0]).toMatchObject({ method: "PUT", ttl: "21600" });
  });

  it("cached: renewal 40 minutes ahead and a retry 10 s after a failed renewal, by default", async () => {
    let time = Date.UTC(2030, 0, 1);
    let calls = 0;
    let failing = false;
    const keys = (): Credentials =>
      createCredentials({ ak: `AK${calls}`, sk: SK, expiresAt: new Date(time + 120 * MINUTE), source: "test" });
    const provider = cached(
      async () => {
        calls++;
        if (failing) throw new CredentialsError("test", "down");
        return keys();
      },
      { refreshBeforeMs: undefined, retryAfterFailureMs: undefined, now: () => time },
    );
    await provider();
    time += 79 * MINUTE; // 41 minutes before expiry: kept
    await provider();
    expect(calls).toBe(1);
    time += 2 * MINUTE; // 39 minutes before expiry: renewed, but the renewal fails and the old keys answer
    failing = true;
    expect((await provider()).ak).toBe("AK1");
    expect(calls).toBe(2);
    time += 9_999; // not yet asked again
    await provider();
    expect(calls).toBe(2);
    time += 1; // 10 s after the failure
    failing = false;
    expect((await provider()).ak).toBe("AK3");
    expect(calls).toBe(3);
  });

  it("cached: a clock undefined is Date.now", async () => {
    let calls = 0;
    const provider = cached(
      async () => {
        calls++;
        return createCredentials({ ak: "AK", sk: SK, expiresAt: new Date(Date.now() + 120 * MINUTE), source: "t" });
      },
      { now: undefined },
    );
    await provider();
    await provider();
    expect(calls).toBe(1);
  });

  it("defaultChain: metadata's fields and cache undefined are the defaults, home and env too", async () => {
    const files = noFiles();
    const provider = defaultChain({
      env: {},
      homeDir: undefined,
      readFile: files.readFile,
      metadata: { endpoint: metadata.url, timeoutMs: undefined, now: undefined },
      cache: undefined,
    });
    const credentials = await provider();
    expect(credentials.source).toBe(`ECS metadata ${metadata.url}`);
    expect(files.paths).toEqual([join(homedir(), ".huaweicloud", "credentials")]);
    expect(await provider()).toBe(credentials); // kept by the default cache
    // And a chain given every field undefined still reads process.env first (where it finds keys here).
    vi.stubEnv("HUAWEICLOUD_SDK_AK", "AKPROCESS");
    vi.stubEnv("HUAWEICLOUD_SDK_SK", SK);
    const fromProcess = defaultChain({ env: undefined, homeDir: undefined, readFile: undefined, metadata: undefined });
    expect((await fromProcess()).ak).toBe("AKPROCESS");
  });
});
