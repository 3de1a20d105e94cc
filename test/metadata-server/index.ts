/**
 * A loopback stand-in for the ECS metadata service: `PUT /meta-data/latest/api/token` hands out session
 * tokens, `GET /openstack/latest/securitykey` answers temporary keys to a request carrying a valid
 * `X-Metadata-Token`. Tests rotate the keys, count requests, and switch it into failure modes.
 * Listens on 127.0.0.1 only.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface MetadataKeys {
  access: string;
  secret: string;
  securitytoken: string;
  expires_at: string;
}

/**
 * How the securitykey request is answered: `ok`; `fail` (HTTP 500); `stall` (never answered);
 * `omit-keys` (200 with `credential` but no access/secret); `no-agency` (the service's 401 when the instance
 * has no agency). `tokenless` makes the token request answer 404, as a service without session tokens.
 */
export type MetadataMode = "ok" | "fail" | "stall" | "omit-keys" | "no-agency";

export interface MetadataStandIn {
  /** `http://127.0.0.1:{port}`: pass as `fromEcsMetadata({ endpoint })`. */
  readonly url: string;
  /** Requests so far, by kind. */
  readonly counts: { token: number; securityKey: number };
  /** Every request's method, path and `X-Metadata-Token-Ttl-Seconds` / `X-Metadata-Token` headers. */
  readonly requests: { method: string; path: string; ttl?: string; token?: string }[];
  /** The keys the service answers now. */
  readonly keys: MetadataKeys;
  /** New keys (with a new expiry, default an hour from now), answered from now on; returns them. */
  rotate(expiresAt?: Date): MetadataKeys;
  mode: MetadataMode;
  /** Answer the token request 404 (a service without session tokens). */
  tokenless: boolean;
  /** Forget every session token issued so far, as when they expire: the next securitykey request gets 401. */
  revokeTokens(): void;
  close(): Promise<void>;
}

export async function startMetadataServer(options: { expiresAt?: Date } = {}): Promise<MetadataStandIn> {
  const tokens = new Set<string>();
  const sockets = new Set<Socket>();
  const newKeys = (expiresAt: Date): MetadataKeys => ({
    access: `TMPAK${randomBytes(8).toString("hex").toUpperCase()}`,
    secret: `tmp-sk-${randomBytes(16).toString("hex")}`,
    securitytoken: `tmp-token-${randomBytes(24).toString("base64url")}`,
    // The real service answers microseconds.
    expires_at: expiresAt.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z"),
  });
  const hourFromNow = () => new Date(Date.now() + 3_600_000);

  const standIn: MetadataStandIn & { keys: MetadataKeys } = {
    url: "",
    counts: { token: 0, securityKey: 0 },
    requests: [],
    keys: newKeys(options.expiresAt ?? hourFromNow()),
    rotate(expiresAt = hourFromNow()) {
      standIn.keys = newKeys(expiresAt);
      return standIn.keys;
    },
    mode: "ok",
    tokenless: false,
    revokeTokens: () => tokens.clear(),
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://stand-in").pathname;
    const ttl = request.headers["x-metadata-token-ttl-seconds"];
    const token = request.headers["x-metadata-token"];
    standIn.requests.push({
      method: request.method ?? "",
      path,
      ...(typeof ttl === "string" ? { ttl } : {}),
      ...(typeof token === "string" ? { token } : {}),
    });
    if (path === "/meta-data/latest/api/token" && request.method === "PUT") {
      standIn.counts.token++;
      if (standIn.tokenless) return json(response, 404, { error: "not found" });
      if (typeof ttl !== "string" || !/^\d+$/.test(ttl))
        return json(response, 400, { error: "X-Metadata-Token-Ttl-Seconds required" });
      const issued = randomBytes(16).toString("hex");
      tokens.add(issued);
      return response.writeHead(200, { "content-type": "text/plain" }).end(issued);
    }
    if (path === "/openstack/latest/securitykey" && request.method === "GET") {
      standIn.counts.securityKey++;
      if (standIn.mode === "stall") return; // never answered; close() drops the socket
      if (!standIn.tokenless && (typeof token !== "string" || !tokens.has(token))) {
        return json(response, 401, { error: "invalid or missing X-Metadata-Token" });
      }
      if (standIn.mode === "fail") return json(response, 500, { error: "internal error" });
      if (standIn.mode === "no-agency")
        return response.writeHead(401).end("Please configure Cloud Service Agency first");
      if (standIn.mode === "omit-keys") {
        return json(response, 200, {
          credential: { securitytoken: standIn.keys.securitytoken, expires_at: standIn.keys.expires_at },
        });
      }
      return json(response, 200, { credential: standIn.keys });
    }
    json(response, 404, { error: "not found" });
  };

  const server = createServer(handle);
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  (standIn as { url: string }).url = `http://127.0.0.1:${port}`;
  return standIn;
}
