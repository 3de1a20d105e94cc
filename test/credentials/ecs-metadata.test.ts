import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError, fromEcsMetadata } from "../../src/credentials/node.js";
import { parseTimestamp } from "../../src/credentials/ecs-metadata.js";
import { startHostileServer } from "../hostile/servers.js";
import { startMetadataServer, type MetadataStandIn } from "../metadata-server/index.js";
import { expectNoSecrets, rejectionOf } from "./leaks.js";

let metadata: MetadataStandIn;
beforeAll(async () => {
  metadata = await startMetadataServer();
});
afterAll(() => metadata.close());
beforeEach(() => {
  metadata.mode = "ok";
  metadata.tokenless = false;
  metadata.rotate();
  metadata.requests.length = 0;
  metadata.counts.token = 0;
  metadata.counts.securityKey = 0;
});

const provider = (options = {}) => fromEcsMetadata({ endpoint: metadata.url, ...options });
const secretsOf = () => [metadata.keys.secret, metadata.keys.securitytoken];

describe("fromEcsMetadata", () => {
  it("gets a session token, then the keys with it", async () => {
    const credentials = await provider()();
    expect(credentials).toMatchObject({
      ak: metadata.keys.access,
      sk: metadata.keys.secret,
      securityToken: metadata.keys.securitytoken,
      source: `ECS metadata ${metadata.url}`,
    });
    expect(credentials.expiresAt?.toISOString()).toBe(metadata.keys.expires_at.replace(/000Z$/, "Z"));
    const [put, get] = metadata.requests;
    expect(put).toMatchObject({ method: "PUT", path: "/meta-data/latest/api/token", ttl: "21600" });
    expect(get).toMatchObject({ method: "GET", path: "/openstack/latest/securitykey" });
    expect(get!.token).toMatch(/^[0-9a-f]{32}$/);
  });

  it("keeps the session token for its lifetime and fetches a new one on 401", async () => {
    const source = provider();
    await source();
    await source();
    expect(metadata.counts).toEqual({ token: 1, securityKey: 2 });
    metadata.revokeTokens();
    const rotated = metadata.rotate();
    expect((await source()).ak).toBe(rotated.access);
    // 401 with the old token, a new token, then the keys once more.
    expect(metadata.counts).toEqual({ token: 2, securityKey: 4 });
  });

  it("asks for the keys without a token when the service has no session tokens (404 on PUT)", async () => {
    metadata.tokenless = true;
    const credentials = await provider()();
    expect(credentials.ak).toBe(metadata.keys.access);
    expect(metadata.requests[1]!.token).toBeUndefined();
  });

  it("answers a clear error, without secrets, when the answer has no keys", async () => {
    metadata.mode = "omit-keys";
    const error = await rejectionOf(provider()());
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe(
      `ECS metadata ${metadata.url}: GET /openstack/latest/securitykey answered without credential.access, credential.secret`,
    );
    expectNoSecrets(error, secretsOf());
  });

  it("says when the instance has no agency", async () => {
    metadata.mode = "no-agency";
    const error = await rejectionOf(provider()());
    expect(error.message).toBe(
      `ECS metadata ${metadata.url}: no agency is configured for this ECS instance (HTTP 401)`,
    );
    expect(metadata.counts.token).toBe(1); // no new token: it would not help
  });

  it("names the status of a failed answer", async () => {
    metadata.mode = "fail";
    const error = await rejectionOf(provider()());
    expect(error.message).toBe(`ECS metadata ${metadata.url}: GET /openstack/latest/securitykey answered HTTP 500`);
  });

  it("gives up on a service that does not answer, after its timeout", async () => {
    metadata.mode = "stall";
    const error = await rejectionOf(provider({ timeoutMs: 50 })());
    expect(error.message).toBe(
      `ECS metadata ${metadata.url}: GET /openstack/latest/securitykey: no answer within 50 ms`,
    );
  });

  it("fails at once where nothing listens", async () => {
    const closed = await startMetadataServer();
    await closed.close();
    const error = await rejectionOf(fromEcsMetadata({ endpoint: closed.url })());
    expect(error.message).toMatch(
      new RegExp(
        `^ECS metadata ${closed.url}: PUT /meta-data/latest/api/token: not reachable \\(connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\); not on ECS\\?$`,
      ),
    );
  });

  describe("an answer larger than any real one (a hostile endpoint)", () => {
    const secret = "endless-body-secret-";

    /**
     * Asks a loopback endpoint whose answers `write` writes, with a timeout far off (only the cap can end the
     * request in time): the provider fails saying the answer was too large, without the body, and hangs up.
     */
    const expectTooLarge = async (write: (response: ServerResponse) => void) => {
      let closed!: () => void;
      const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
      const server = await startHostileServer((_, response) => {
        response.on("close", closed);
        write(response);
      });
      try {
        const error = await rejectionOf(fromEcsMetadata({ endpoint: server.url, timeoutMs: 60_000 })());
        expect(error).toBeInstanceOf(CredentialsError);
        expect(error.message).toBe(
          `ECS metadata ${server.url}: PUT /meta-data/latest/api/token: the answer was too large (over 65536 bytes)`,
        );
        expectNoSecrets(error, [secret]);
        await connectionClosed;
      } finally {
        await server.close();
      }
    };

    it("stops reading an endless body past the cap and closes the connection", () =>
      expectTooLarge((response) => {
        response.writeHead(200, { "Content-Type": "text/plain" });
        const chunk = Buffer.from(secret.repeat(1024));
        // As fast as the client reads, until it hangs up.
        const more = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once("drain", more);
        };
        more();
      }));

    it("refuses at once an answer whose Content-Length is above the cap", () =>
      expectTooLarge((response) => {
        response.writeHead(200, { "Content-Type": "application/json", "Content-Length": String(1 << 30) });
        response.write(secret); // and nothing more
      }));
  });

  it("refuses bad options", () => {
    expect(() => fromEcsMetadata({ endpoint: "169.254.169.254" })).toThrow(
      "fromEcsMetadata: endpoint: expected an http:// URL",
    );
    expect(() => fromEcsMetadata({ endpoint: "https://127.0.0.1" })).toThrow(
      "fromEcsMetadata: endpoint: expected an http:// URL",
    );
    expect(() => fromEcsMetadata({ connectTimeoutMs: 0 })).toThrow(/connectTimeoutMs/);
    expect(() => fromEcsMetadata({ timeoutMs: 1.5 })).toThrow(/timeoutMs/);
    expect(() => fromEcsMetadata({ tokenTtlSeconds: 0 })).toThrow(/tokenTtlSeconds/);
  });
});

describe("parseTimestamp", () => {
  it.each([
    ["2024-05-01T12:00:00Z", "2024-05-01T12:00:00.000Z"],
    ["2024-05-01T12:00:00.123456Z", "2024-05-01T12:00:00.123Z"],
    ["2024-05-01T12:00:00.5Z", "2024-05-01T12:00:00.500Z"],
  ])("reads %s", (text, iso) => {
    expect(parseTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "2024-02-30T00:00:00Z",
    "2024-13-01T00:00:00Z",
    "2024-05-01T24:00:00Z",
    "2024-05-01T12:60:00Z",
    "2024-05-01T12:30:60Z", // a leap second: not produced, and Date has none
    "2024-05-01T12:30:99Z",
    "2024-05-01 12:00:00",
    "2024-05-01T12:00:00+08:00",
    "",
  ])("refuses %j", (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});
