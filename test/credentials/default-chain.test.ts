import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_DEFAULT_CHAIN_MESSAGE, defaultChain as browserDefaultChain } from "../../src/credentials/browser.js";
import { CredentialsChainError, CredentialsError, defaultChain } from "../../src/credentials/node.js";
import { startMetadataServer, type MetadataStandIn } from "../metadata-server/index.js";
import { CACHE_DIR, ROOT } from "../runtimes/build.js";
import { expectNoSecrets, rejectionOf } from "./leaks.js";

const SK = "default-chain-secret-0123456789";

let metadata: MetadataStandIn;
let home: string;
beforeAll(async () => {
  metadata = await startMetadataServer();
  // Inside the repository (node_modules/.cache): tests read nothing outside it.
  mkdirSync(CACHE_DIR, { recursive: true });
  home = mkdtempSync(join(CACHE_DIR, "default-chain-home-"));
});
afterAll(async () => {
  await metadata.close();
  rmSync(home, { recursive: true, force: true });
});

const writeProfile = (text: string) => {
  mkdirSync(join(home, ".huaweicloud"), { recursive: true });
  writeFileSync(join(home, ".huaweicloud", "credentials"), text);
};
const removeProfile = () => rmSync(join(home, ".huaweicloud"), { recursive: true, force: true });
/** The default chain, with the metadata source pointed at the loopback stand-in. */
const chainWith = (env: Record<string, string>) =>
  defaultChain({ env, homeDir: () => home, metadata: { endpoint: metadata.url } });

describe("defaultChain (metadata at the loopback stand-in)", () => {
  it("takes the environment first, asking neither profile nor metadata", async () => {
    writeProfile(`[basic]\nak = AKPROFILE\nsk = ${SK}\n`);
    const before = metadata.requests.length;
    const credentials = await chainWith({ HUAWEICLOUD_SDK_AK: "AKENV", HUAWEICLOUD_SDK_SK: SK })();
    expect(credentials).toMatchObject({ ak: "AKENV", source: "environment" });
    expect(metadata.requests.length).toBe(before);
  });

  it("then the profile, and applies HUAWEICLOUD_SDK_IAM_ENDPOINT unless the profile names its own", async () => {
    writeProfile(`[basic]\nak = AKPROFILE\nsk = ${SK}\n`);
    const env = { HUAWEICLOUD_SDK_IAM_ENDPOINT: "http://127.0.0.1:9" };
    expect(await chainWith(env)()).toMatchObject({ ak: "AKPROFILE", iamEndpoint: "http://127.0.0.1:9" });
    writeProfile(`[basic]\nak = AKPROFILE\nsk = ${SK}\niam_endpoint = http://127.0.0.1:8\n`);
    expect(await chainWith(env)()).toMatchObject({ ak: "AKPROFILE", iamEndpoint: "http://127.0.0.1:8" });
  });

  it("then the ECS metadata, whose keys it keeps until shortly before they expire", async () => {
    removeProfile();
    const keys = metadata.rotate(new Date(Date.now() + 6 * 3_600_000));
    const before = metadata.counts.securityKey;
    const provider = chainWith({});
    const [first, second] = await Promise.all([provider(), provider()]);
    expect(first).toMatchObject({ ak: keys.access, sk: keys.secret, securityToken: keys.securitytoken });
    expect(second).toBe(first);
    expect(await provider()).toBe(first);
    expect(metadata.counts.securityKey - before).toBe(1);
  });

  it("when every source fails, lists environment, profile and metadata with their reasons", async () => {
    writeProfile(`[basic]\nak = AKPROFILE\nsk = ${SK}\nthis line is broken\n`);
    metadata.mode = "omit-keys";
    try {
      const error = await rejectionOf(chainWith({ HUAWEICLOUD_SDK_AK: "AKENV" })());
      expect(error).toBeInstanceOf(CredentialsChainError);
      const profile = join(home, ".huaweicloud", "credentials");
      expect(error.message).toBe(
        [
          "credential chain: no credentials found; tried in order:",
          "  1. environment: HUAWEICLOUD_SDK_SK is not set (HUAWEICLOUD_SDK_AK is)",
          `  2. profile ${profile}: syntax error at ${profile}:4: expected "[section]" or "key = value"`,
          `  3. ECS metadata ${metadata.url}: GET /openstack/latest/securitykey answered without credential.access, credential.secret`,
        ].join("\n"),
      );
      expectNoSecrets(error, [SK, metadata.keys.secret, metadata.keys.securitytoken]);
    } finally {
      metadata.mode = "ok";
    }
  });
});

describe("defaultChain in a browser", () => {
  it("says that only explicit credentials exist there", async () => {
    const error = await rejectionOf(browserDefaultChain()());
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe(`default credential chain: ${BROWSER_DEFAULT_CHAIN_MESSAGE}`);
  });
});

/**
 * The real default chain, metadata address included, run in a network namespace with only loopback (as
 * root, via unshare): 169.254.169.254 has no route there, so nothing can leave the machine. A machine where
 * the namespace cannot be made fails this test; it does not skip it.
 */
describe("defaultChain with its real metadata address, in a loopback-only network namespace", () => {
  const probe = resolve(ROOT, "test/credentials/default-chain-probe.ts");
  const inNamespace = (env: Record<string, string>) => {
    // Only loopback exists, or the probe does not run at all.
    const script = 'ip link set lo up && [ "$(ip -o link show | wc -l)" -eq 1 ] && exec "$@"';
    const result = spawnSync(
      "unshare",
      ["--net", "--", "sh", "-c", script, "sh", process.execPath, "--import", "tsx", probe],
      {
        cwd: ROOT,
        env: { PATH: process.env["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin", HOME: home, ...env },
        encoding: "utf8",
        timeout: 20_000,
      },
    );
    if (result.status !== 0) {
      throw new Error(
        `could not run the probe in a network namespace (exit ${result.status}): ${result.error?.message ?? result.stderr}`,
      );
    }
    return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as {
      error?: { name: string; message: string };
      credentials?: object;
    };
  };

  it("has unshare and ip", () => {
    expect(execFileSync("sh", ["-c", "command -v unshare && command -v ip"], { encoding: "utf8" })).toMatch(
      /unshare[\s\S]*ip/,
    );
  });

  it("fails over from an unreachable metadata address at once, listing every source", () => {
    removeProfile();
    const answer = inNamespace({});
    expect(answer.error?.name).toBe("CredentialsChainError");
    const lines = answer.error!.message.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "credential chain: no credentials found; tried in order:",
      "  1. environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set",
      `  2. profile ${join(home, ".huaweicloud", "credentials")}: no such file`,
    ]);
    // Node may add the local address to its message ("… - Local (0.0.0.0:0)").
    expect(lines[3]).toMatch(
      /^ {2}3\. ECS metadata http:\/\/169\.254\.169\.254: PUT \/meta-data\/latest\/api\/token: not reachable \(connect ENETUNREACH 169\.254\.169\.254:80( - Local \([^)]*\))?\); not on ECS\?$/,
    );
    expect(lines).toHaveLength(4);
  });

  it("answers the environment's keys without touching the network", () => {
    const answer = inNamespace({
      HUAWEICLOUD_SDK_AK: "AKNS",
      HUAWEICLOUD_SDK_SK: SK,
      HUAWEICLOUD_SDK_PROJECT_ID: "p-ns",
    });
    expect(answer.credentials).toEqual({ source: "environment", ak: "AKNS", projectId: "p-ns", sk: "[hidden]" });
  });
});
