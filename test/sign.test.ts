import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { canonicalQueryString, canonicalUri, parseQuery } from "../src/auth/canonical.js";
import { hmacSha256Hex, sha256Hex } from "../src/auth/digest/node.js";
import { encodeRfc3986, percentDecode } from "../src/wire/encode.js";
import {
  canonicalRequest,
  createHeaderSigner,
  formatSdkDate,
  signBuiltRequest,
  signRequest,
  stringToSign,
  type CanonicalRequestParts,
} from "../src/auth/sign.js";
import { DIGESTS } from "./helpers/digests.js";
import { verifySignature } from "../src/testing/engine/verify-signature.js";

// The worked example of the signing guide, as transcribed (and re-checked) in docs/notes.
const GUIDE = readFileSync(new URL("../docs/notes/huaweicloud-apig-signing.en.md", import.meta.url), "utf8");
const EXAMPLE = {
  ak: "QTWAOYTTINDUT2QVKYUC",
  sk: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
  date: new Date(Date.UTC(2019, 10, 15, 3, 36, 55)),
  url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
  canonicalRequest: [
    "GET",
    "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/",
    "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
    "content-type:application/json",
    "host:service.region.example.com",
    "x-sdk-date:20191115T033655Z",
    "",
    "content-type;host;x-sdk-date",
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  ].join("\n"),
  canonicalRequestHash: "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
  stringToSign: "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
  signature: "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
  authorization:
    "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
};
const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const CREDENTIALS = { ak: "TESTAK0123456789", sk: "test-secret-key/with+symbols=" };
const DATE = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));

/** The Authorization header the pure steps (pinned by the guide's example) give for these parts. */
async function expectedAuthorization(
  parts: CanonicalRequestParts,
  sdkDate: string,
  ak: string,
  sk: string,
): Promise<string> {
  const signedHeaders = Object.keys(parts.headers).sort().join(";");
  const signature = await hmacSha256Hex(sk, stringToSign(sdkDate, await sha256Hex(canonicalRequest(parts))));
  return `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

function signedHeadersOf(request: Request): string | undefined {
  return /SignedHeaders=([^,]+),/.exec(request.headers.get("authorization") ?? "")?.[1];
}

describe.each(DIGESTS)(
  "the signing guide's worked example ($implementation)",
  ({ sha256Hex, hmacSha256Hex, signRequest }) => {
    it("is what the reference notes publish", () => {
      expect(GUIDE).toContain(EXAMPLE.canonicalRequest);
      expect(GUIDE).toContain(EXAMPLE.stringToSign);
      expect(GUIDE).toContain(EXAMPLE.authorization);
      expect(GUIDE).toContain(`SK \`${EXAMPLE.sk}\``);
    });

    it("reproduces the canonical request, its hash, the string to sign and the signature", async () => {
      const canonical = canonicalRequest({
        method: "GET",
        path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
        query: [
          ["marker", "13551d6b-755d-4757-b956-536f674975c0"],
          ["limit", "2"],
        ],
        headers: {
          "Content-Type": "application/json",
          Host: "service.region.example.com",
          "X-Sdk-Date": "20191115T033655Z",
        },
        payloadHash: EMPTY_BODY_SHA256,
      });
      expect(canonical).toBe(EXAMPLE.canonicalRequest);
      expect(await sha256Hex(canonical)).toBe(EXAMPLE.canonicalRequestHash);
      expect(stringToSign("20191115T033655Z", EXAMPLE.canonicalRequestHash)).toBe(EXAMPLE.stringToSign);
      expect(await hmacSha256Hex(EXAMPLE.sk, EXAMPLE.stringToSign)).toBe(EXAMPLE.signature);
    });

    it("signRequest produces the published Authorization header", async () => {
      const request = new Request(EXAMPLE.url, { headers: { "Content-Type": "application/json" } });
      const signed = await signRequest(request, { ak: EXAMPLE.ak, sk: EXAMPLE.sk }, { date: EXAMPLE.date });
      expect(signed.headers.get("Authorization")).toBe(EXAMPLE.authorization);
      expect(signed.headers.get("X-Sdk-Date")).toBe("20191115T033655Z");
      expect(signed.url).toBe(EXAMPLE.url);
    });

    /** The test servers' verifier on the published example, sent with `date` as its X-Sdk-Date. */
    const verifyExample = (date: string) =>
      verifySignature(
        {
          method: "GET",
          rawUrl: EXAMPLE.url.slice("https://service.region.example.com".length),
          headers: {
            host: "service.region.example.com",
            "content-type": "application/json",
            "x-sdk-date": date,
            authorization: EXAMPLE.authorization,
          },
          body: new Uint8Array(),
        },
        (ak) => (ak === EXAMPLE.ak ? EXAMPLE.sk : undefined),
        new Date(Date.UTC(2019, 10, 15, 3, 40, 0)),
      );

    it("is accepted by the test servers' verifier, which was written separately", () => {
      expect(verifyExample("20191115T033655Z")).toEqual({ ok: true, ak: EXAMPLE.ak });
    });

    // Date.UTC would roll each over to a valid time; seconds of 60-99 stayed within the 15 minutes allowed.
    it.each(["20191115T033660Z", "20191115T033699Z", "20191115T036000Z", "20191115T243655Z", "20190230T033655Z"])(
      "the verifier refuses X-Sdk-Date %s, out of range, rather than rolling it over",
      (date) => {
        expect(verifyExample(date)).toEqual({ ok: false, reason: "malformed X-Sdk-Date" });
      },
    );
  },
);

describe("formatSdkDate", () => {
  it("writes YYYYMMDDTHHMMSSZ in UTC, zero-padded, without milliseconds", () => {
    expect(formatSdkDate(new Date(Date.UTC(2019, 10, 15, 3, 36, 55, 789)))).toBe("20191115T033655Z");
    expect(formatSdkDate(new Date(Date.UTC(2001, 1, 3, 4, 5, 6)))).toBe("20010203T040506Z");
    expect(formatSdkDate(new Date("2024-06-30T23:59:59.999+02:00"))).toBe("20240630T215959Z");
  });

  it("rejects an invalid date and years that do not fit four digits", () => {
    expect(() => formatSdkDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatSdkDate(new Date(Date.UTC(10000, 0, 1)))).toThrow(RangeError);
  });

  it("is used for X-Sdk-Date when no date is given", async () => {
    const signed = await signRequest(new Request("https://h.example.com/"), CREDENTIALS);
    expect(signed.headers.get("X-Sdk-Date")).toMatch(/^\d{8}T\d{6}Z$/);
  });
});

describe("encodeRfc3986", () => {
  it("keeps only the unreserved characters and encodes the rest with upper-case hex", () => {
    expect(encodeRfc3986("AZaz09-._~")).toBe("AZaz09-._~");
    expect(encodeRfc3986("a b+c/d?e=f&g#h")).toBe("a%20b%2Bc%2Fd%3Fe%3Df%26g%23h");
    expect(encodeRfc3986("!'()*")).toBe("%21%27%28%29%2A");
    expect(encodeRfc3986("%:@$,;[]")).toBe("%25%3A%40%24%2C%3B%5B%5D");
    expect(encodeRfc3986("\u0000\u007f")).toBe("%00%7F");
  });

  it("encodes non-ASCII characters as their UTF-8 bytes", () => {
    expect(encodeRfc3986("ü")).toBe("%C3%BC");
    expect(encodeRfc3986("日本")).toBe("%E6%97%A5%E6%9C%AC");
    expect(encodeRfc3986("😀")).toBe("%F0%9F%98%80");
  });

  it("percentDecode inverts it and leaves invalid escapes alone", () => {
    const sample = "a b+c/日本😀!'()*%";
    expect(percentDecode(encodeRfc3986(sample))).toBe(sample);
    expect(percentDecode("%e6%97%a5%41")).toBe("日A");
    expect(percentDecode("100%")).toBe("100%");
    expect(percentDecode("%zz%4")).toBe("%zz%4");
    expect(percentDecode("a+b")).toBe("a+b");
  });
});

describe("canonical URI", () => {
  it("ends with a slash, added only when missing", () => {
    expect(canonicalUri("/v1/p/vpcs")).toBe("/v1/p/vpcs/");
    expect(canonicalUri("/v1/p/vpcs/")).toBe("/v1/p/vpcs/");
    expect(canonicalUri("/")).toBe("/");
  });

  it("re-encodes each segment so any spelling of a path gives one form; %2F stays in its segment", () => {
    expect(canonicalUri("/a b/c(d)/%7e/%c3%bc/x%2Fy")).toBe("/a%20b/c%28d%29/~/%C3%BC/x%2Fy/");
  });

  it("signRequest sends the re-encoded path without the trailing slash", async () => {
    const signed = await signRequest(new Request("https://h.example.com/v1/a(b)/c%20d"), CREDENTIALS, { date: DATE });
    expect(new URL(signed.url).pathname).toBe("/v1/a%28b%29/c%20d");
  });
});

describe("canonical query string", () => {
  it("sorts by name, then by value for repeated names", () => {
    const query = [
      ["b", "2"],
      ["a", "z"],
      ["b", "1"],
      ["a", "y"],
      ["B", "0"],
    ] as const;
    expect(canonicalQueryString(query)).toBe("B=0&a=y&a=z&b=1&b=2");
  });

  it("writes parameters without a value as name=", () => {
    expect(
      canonicalQueryString([
        ["flag", ""],
        ["a", "1"],
      ]),
    ).toBe("a=1&flag=");
  });

  it("is empty without parameters", () => {
    expect(canonicalQueryString([])).toBe("");
  });

  it("encodes unicode and reserved characters in names and values", () => {
    expect(
      canonicalQueryString([
        ["q", "a b!'()*&=?/+"],
        ["名", "ü"],
      ]),
    ).toBe("q=a%20b%21%27%28%29%2A%26%3D%3F%2F%2B&%E5%90%8D=%C3%BC");
  });

  it("becomes the query of the signed request, a '+' being a space and %2B a plus", async () => {
    const request = new Request("https://h.example.com/p?z=1&flag&q=a+b&p=a%2Bb&r=!'()*&a=%E6%97%A5&a=%C3%BC");
    const signed = await signRequest(request, CREDENTIALS, { date: DATE });
    expect(new URL(signed.url).search).toBe("?a=%C3%BC&a=%E6%97%A5&flag=&p=a%2Bb&q=a%20b&r=%21%27%28%29%2A&z=1");
  });

  it("drops an empty '?'", async () => {
    const signed = await signRequest(new Request("https://h.example.com/p?"), CREDENTIALS, { date: DATE });
    expect(signed.url).toBe("https://h.example.com/p");
  });
});

describe.each(DIGESTS)("signRequest ($implementation)", ({ sha256Hex, signRequest }) => {
  it("signs the parts it sends: method, path, query, host with port, headers and body hash", async () => {
    const body = JSON.stringify({ name: "ü 日本", n: 1 });
    const request = new Request("http://127.0.0.1:8080/v5/p/common/task?b=2&a=1", {
      method: "POST",
      headers: { "Content-Type": "application/json;charset=UTF-8", "X-Project-Id": "p", "User-Agent": "unsigned" },
      body,
    });
    const signed = await signRequest(request, CREDENTIALS, { date: DATE });
    const expected = await expectedAuthorization(
      {
        method: "POST",
        path: "/v5/p/common/task",
        query: [
          ["a", "1"],
          ["b", "2"],
        ],
        headers: {
          "content-type": "application/json;charset=UTF-8",
          host: "127.0.0.1:8080",
          "x-project-id": "p",
          "x-sdk-date": "20240102T030405Z",
        },
        payloadHash: await sha256Hex(new TextEncoder().encode(body)),
      },
      "20240102T030405Z",
      CREDENTIALS.ak,
      CREDENTIALS.sk,
    );
    expect(signed.headers.get("Authorization")).toBe(expected);
    expect(signed.headers.get("User-Agent")).toBe("unsigned");
  });

  it("hashes an absent body as the empty string", async () => {
    const signed = await signRequest(new Request("https://h.example.com/p", { method: "DELETE" }), CREDENTIALS, {
      date: DATE,
    });
    const expected = await expectedAuthorization(
      {
        method: "DELETE",
        path: "/p",
        query: [],
        headers: { host: "h.example.com", "x-sdk-date": "20240102T030405Z" },
        payloadHash: EMPTY_BODY_SHA256,
      },
      "20240102T030405Z",
      CREDENTIALS.ak,
      CREDENTIALS.sk,
    );
    expect(await sha256Hex(new Uint8Array())).toBe(EMPTY_BODY_SHA256);
    expect(signed.headers.get("Authorization")).toBe(expected);
  });

  it("signs content-type only when present", async () => {
    const without = await signRequest(new Request("https://h.example.com/"), CREDENTIALS, { date: DATE });
    const withType = await signRequest(
      new Request("https://h.example.com/", { headers: { "content-type": "application/json" } }),
      CREDENTIALS,
      {
        date: DATE,
      },
    );
    expect(signedHeadersOf(without)).toBe("host;x-sdk-date");
    expect(signedHeadersOf(withType)).toBe("content-type;host;x-sdk-date");
  });

  it("sends and signs the security token of temporary credentials", async () => {
    const signed = await signRequest(
      new Request("https://h.example.com/"),
      { ...CREDENTIALS, securityToken: "gQpjbi1ub3J0aC00token" },
      { date: DATE },
    );
    expect(signed.headers.get("X-Security-Token")).toBe("gQpjbi1ub3J0aC00token");
    expect(signedHeadersOf(signed)).toBe("host;x-sdk-date;x-security-token");
  });

  it("gives the new request exactly the body bytes it hashed, and leaves the input readable", async () => {
    const bytes = new Uint8Array([0x7b, 0x00, 0xff, 0x80, 0xc3, 0x28, 0x7d]);
    const request = new Request("https://h.example.com/upload", {
      method: "PUT",
      body: bytes,
      headers: { "content-type": "application/octet-stream" },
    });
    const signed = await signRequest(request, CREDENTIALS, { date: DATE });
    expect(new Uint8Array(await signed.arrayBuffer())).toEqual(bytes);
    expect(new Uint8Array(await request.arrayBuffer())).toEqual(bytes);
    expect(signed.method).toBe("PUT");
  });

  it("replaces an Authorization header already on the request", async () => {
    const request = new Request("https://h.example.com/", { headers: { Authorization: "Bearer old" } });
    const signed = await signRequest(request, CREDENTIALS, { date: DATE });
    expect(signed.headers.get("Authorization")).toMatch(/^SDK-HMAC-SHA256 Access=TESTAK0123456789, /);
  });

  describe("errors never reveal a secret", () => {
    const sk = "SUPER-SECRET-SK-do-not-leak";
    const token = "SECRET-TOKEN-do-not-leak";
    const cases: [string, unknown][] = [
      ["missing ak", { sk }],
      ["empty ak", { ak: "", sk }],
      ["ak with a comma", { ak: "A,B", sk, securityToken: token }],
      ["empty sk", { ak: "AK", sk: "" }],
      ["sk not a string", { ak: "AK", sk: 42 }],
      ["token with a newline", { ak: "AK", sk, securityToken: `${token}\nX-Evil: 1` }],
      ["token with a non-Latin-1 character", { ak: "AK", sk, securityToken: `${token}日` }],
    ];
    it.each(cases)("%s", async (_, credentials) => {
      const error: unknown = await signRequest(new Request("https://h.example.com/"), credentials as never, {
        date: DATE,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TypeError);
      const text = `${String(error)}\n${(error as Error).stack}\n${JSON.stringify(error)}`;
      expect(text).toMatch(/credentials\.(ak|sk|securityToken)/);
      expect(text).not.toContain(sk);
      expect(text).not.toContain(token);
    });
  });
});

describe.each(DIGESTS)(
  "signed requests ($implementation) sent with fetch to a verifying node:http server",
  ({ signRequest }) => {
    let server: Server;
    let origin: string;
    const secrets = new Map([[CREDENTIALS.ak, CREDENTIALS.sk]]);

    beforeAll(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
          const body = Buffer.concat(chunks);
          const result = verifySignature(
            { method: req.method ?? "", rawUrl: req.url ?? "", headers: req.headers, body },
            (ak) => secrets.get(ak),
          );
          res.writeHead(result.ok ? 200 : 401, { "content-type": "application/json" });
          res.end(JSON.stringify({ ...result, rawUrl: req.url, body: body.toString("utf8") }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    async function send(
      request: Request,
    ): Promise<{ status: number; json: { ok: boolean; reason?: string; rawUrl: string; body: string } }> {
      const response = await fetch(request);
      return { status: response.status, json: await response.json() };
    }

    const awkwardQuery = "?name=a+b&name=%C3%BC&q=!'()*%26%3D%3F%2F&empty=&flag&plus=%2B1&emoji=%F0%9F%98%80&offset=0";

    it("accepts a GET with an awkward path and query", async () => {
      const signed = await signRequest(new Request(`${origin}/v5/proj/a(b)/c%20d${awkwardQuery}`), CREDENTIALS);
      const { status, json } = await send(signed);
      expect(json).toMatchObject({ ok: true, ak: CREDENTIALS.ak });
      expect(status).toBe(200);
      // The request line on the wire is the canonical form.
      expect(json.rawUrl).toBe(
        "/v5/proj/a%28b%29/c%20d?emoji=%F0%9F%98%80&empty=&flag=&name=a%20b&name=%C3%BC&offset=0&plus=%2B1&q=%21%27%28%29%2A%26%3D%3F%2F",
      );
    });

    it("accepts a POST with a JSON body and a security token", async () => {
      const body = JSON.stringify({ task_type: "cluster_scan", name: "日本 ü", tags: ["a&b", "c d"] });
      const request = new Request(`${origin}/v5/proj/common/task?enterprise_project_id=all_granted_eps`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      const { status, json } = await send(
        await signRequest(request, { ...CREDENTIALS, securityToken: "temporary-token" }),
      );
      expect(json).toMatchObject({ ok: true, body });
      expect(status).toBe(200);
    });

    it("rejects a tampered body", async () => {
      const request = new Request(`${origin}/v5/proj/common/task`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"limit":10}',
      });
      const signed = await signRequest(request, CREDENTIALS);
      const { status, json } = await send(
        new Request(signed.url, { method: "POST", headers: signed.headers, body: '{"limit":99}' }),
      );
      expect(json).toMatchObject({ ok: false, reason: "signature mismatch" });
      expect(status).toBe(401);
    });

    it("rejects a tampered query", async () => {
      const signed = await signRequest(new Request(`${origin}/v5/proj/image/tasks${awkwardQuery}`), CREDENTIALS);
      const tampered = signed.url.replace("offset=0", "offset=10");
      expect(tampered).not.toBe(signed.url);
      const { status, json } = await send(new Request(tampered, { headers: signed.headers }));
      expect(json).toMatchObject({ ok: false, reason: "signature mismatch" });
      expect(status).toBe(401);
    });

    it("rejects a signature made 20 minutes ago", async () => {
      const date = new Date(Date.now() - 20 * 60 * 1000);
      const { status, json } = await send(
        await signRequest(new Request(`${origin}/v5/proj/image/tasks`), CREDENTIALS, { date }),
      );
      expect(json).toMatchObject({ ok: false, reason: "X-Sdk-Date is more than 15 minutes off" });
      expect(status).toBe(401);
    });

    it("rejects an unknown access key", async () => {
      const { json } = await send(
        await signRequest(new Request(`${origin}/v5/proj/image/tasks`), { ak: "UNKNOWN", sk: "x" }),
      );
      expect(json).toMatchObject({ ok: false, reason: "unknown access key" });
    });
  },
);

describe.each(DIGESTS)("signHeaders ($implementation): the headers for a request given as parts", (digest) => {
  const signHeaders = createHeaderSigner(digest);
  const authorization = async (request: Request) =>
    (await digest.signRequest(request, CREDENTIALS, { date: DATE })).headers.get("Authorization");

  it("signs a GET and a POST as signRequest signs the same requests", async () => {
    const url = "http://127.0.0.1:8080/v5/p/tasks?b=2&a=1&name=a+b&q=%21";
    const get = await signHeaders({ method: "GET", url, headers: { "X-Project-Id": "p" } }, CREDENTIALS, {
      date: DATE,
    });
    expect(get).toEqual({
      "X-Sdk-Date": "20240102T030405Z",
      Authorization: await authorization(new Request(url, { headers: { "X-Project-Id": "p" } })),
    });

    const body = JSON.stringify({ name: "ü 日本", n: 1 });
    const post = () => new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body });
    const fromString = await signHeaders(
      { method: "POST", url: new URL(url), headers: { "Content-Type": "application/json" }, body },
      CREDENTIALS,
      { date: DATE },
    );
    const fromBytes = await signHeaders(
      { method: "POST", url, headers: post().headers, body: new TextEncoder().encode(body) },
      CREDENTIALS,
      { date: DATE },
    );
    expect(fromString.Authorization).toBe(await authorization(post()));
    expect(fromBytes).toEqual(fromString);
  });

  it("adds the security token of temporary credentials, or signs one the headers carry", async () => {
    const temporary = await signHeaders(
      { method: "GET", url: "https://h.example.com/" },
      { ...CREDENTIALS, securityToken: "tok" },
      { date: DATE },
    );
    expect(temporary["X-Security-Token"]).toBe("tok");
    expect(temporary.Authorization).toContain("SignedHeaders=host;x-sdk-date;x-security-token,");
    const carried = await signHeaders(
      { method: "GET", url: "https://h.example.com/", headers: { "x-security-token": "tok" } },
      CREDENTIALS,
      { date: DATE },
    );
    expect(carried).toEqual({ "X-Sdk-Date": temporary["X-Sdk-Date"], Authorization: temporary.Authorization });
  });

  it("is accepted by the test servers' verifier for the URL as given", async () => {
    const url = "http://127.0.0.1:8080/v5/p/a(b)/c%20d?name=a+b&name=%C3%BC&q=!'()*&flag&b=2";
    const body = '{"a":1}';
    const signed = await signHeaders(
      { method: "PUT", url, headers: { "content-type": "application/json" }, body },
      CREDENTIALS,
    );
    const { pathname, search } = new URL(url);
    const headers = {
      "content-type": "application/json",
      host: "127.0.0.1:8080",
      "x-sdk-date": signed["X-Sdk-Date"],
      authorization: signed.Authorization,
    };
    const verdict = verifySignature(
      { method: "PUT", rawUrl: pathname + search, headers, body: new TextEncoder().encode(body) },
      () => CREDENTIALS.sk,
    );
    expect(verdict).toEqual({ ok: true, ak: CREDENTIALS.ak });
  });

  it("checks the credentials without showing them", async () => {
    const error: unknown = await signHeaders(
      { method: "GET", url: "https://h.example.com/" },
      { ak: "A K", sk: "secret-value" },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toContain("credentials.ak");
    expect(String(error)).not.toContain("secret-value");
  });
});

describe("signBuiltRequest, the client's auth step, against signRequest", () => {
  const authorization = async (request: Request) =>
    (await signRequest(request, CREDENTIALS, { date: DATE })).headers.get("Authorization");

  it("signs a request with a canonical URL in place, hashing the body string it is given", async () => {
    vi.useFakeTimers({ now: DATE, toFake: ["Date"] });
    try {
      const url = "https://h.example.com/v5/p/tasks?a=1&b=x";
      const request = new Request(url, { headers: { "X-Project-Id": "p" } });
      const signed = await signBuiltRequest(request, undefined, CREDENTIALS);
      expect(signed).toBe(request);
      expect(signed.headers.get("Authorization")).toBe(
        await authorization(new Request(url, { headers: { "X-Project-Id": "p" } })),
      );

      const post = () =>
        new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":"ü"}' });
      const built = post();
      const withBody = await signBuiltRequest(built, '{"a":"ü"}', CREDENTIALS);
      expect(withBody).toBe(built);
      expect(built.bodyUsed).toBe(false);
      expect(withBody.headers.get("Authorization")).toBe(await authorization(post()));
    } finally {
      vi.useRealTimers();
    }
  });

  it("builds one new Request for the canonical URL when the URL is not canonical, and signs it as signRequest would", async () => {
    vi.useFakeTimers({ now: DATE, toFake: ["Date"] });
    try {
      for (const [url, canonical] of [
        ["https://h.example.com/v5/p/tasks?b=2&a=1", "https://h.example.com/v5/p/tasks?a=1&b=2"],
        ["https://h.example.com/v5/p/tasks?a1=x&a=y", "https://h.example.com/v5/p/tasks?a=y&a1=x"],
        ["https://h.example.com/v5/p/a!b?q=a+b", "https://h.example.com/v5/p/a%21b?q=a%20b"],
      ] as const) {
        const post = () =>
          new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}' });
        const request = post();
        const resigned = await signBuiltRequest(request, '{"a":1}', CREDENTIALS);
        expect(resigned).not.toBe(request);
        expect(resigned.url).toBe(canonical);
        expect(await resigned.text()).toBe('{"a":1}');
        expect(resigned.headers.get("Authorization")).toBe(await authorization(post()));
      }
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("parseQuery", () => {
  // url.search is ASCII (the URL parser percent-encodes the rest), so the raw queries here are too.
  it("reads a URL's raw query as URLSearchParams does", () => {
    const ascii = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
      maxLength: 3,
    });
    const part = fc.oneof(
      fc.constantFrom("", "=", "&", "+", "%", "%2", "%zz", "%2B", "%20", "%C3%BC", "%FF", "%EF%BB%BF"),
      ascii,
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const raw = parts.join("");
        // (The constructor drops one leading "?", which url.searchParams keeps: hence the "?" added.)
        expect(parseQuery(raw)).toEqual([...new URLSearchParams(`?${raw}`)]);
      }),
      { numRuns: 500 },
    );
  });
});
