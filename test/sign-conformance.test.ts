import { parse as legacyUrlParse } from "node:url";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHeaderSigner, type Signer } from "../src/auth/sign.js";
import { DIGESTS } from "./helpers/digests.js";
import { verifySignature } from "../src/testing/engine/verify-signature.js";

// Our signer against Huawei's official Node.js signer (AKSKSigner in @huaweicloud/huaweicloud-sdk-core),
// and against the independent verifier of the test servers.
//
// AKSKSigner.sign takes the SDK's own request object: `endpoint` is the full URL with the *decoded* path
// (HcClient substitutes path parameters into it unencoded), `queryParams` maps each decoded name to a value
// or an array of values, `data` is the body as an object (it hashes JSON.stringify(data)), and every entry
// of `headers` is signed. An `X-Sdk-Date` header fixes the date. It returns the headers to send.

const RUNS = 200;

interface Case {
  method: "GET" | "POST" | "PUT" | "DELETE";
  host: string;
  segments: string[];
  query: [string, string[]][];
  plusForSpace: boolean;
  body: Record<string, unknown> | undefined;
  contentType: string | undefined;
  securityToken: string | undefined;
  projectId: string | undefined;
  date: Date;
  ak: string;
  sk: string;
}

const char = (chars: string) => fc.constantFrom(...chars);
const anyCodePoint = fc.string({ unit: "binary", minLength: 1, maxLength: 1 });

// Path characters are limited to those Node's legacy url.parse, which AKSKSigner runs on the endpoint, leaves
// alone. url.parse escapes space " ' < > \ ^ ` { | } (and turns \ into /) before AKSKSigner escapes the
// path again, so the official signer double-encodes them (`a b` is signed as `a%2520b`); the guide, the Go
// SDK and the gateway, which decodes the path it receives, encode once. See the test at the end.
// `?` and `#` cannot be in a decoded path inside a URL at all, and `.`/`..` segments are resolved by URL
// before fetch sends anything.
const pathChar = fc.oneof(char("aZ09-._~"), char("!$&()*+,;=:@%"), char("ü日€😀"));
const segment = fc.string({ unit: pathChar, maxLength: 6 }).filter((s) => s !== "." && s !== "..");

// Query names and values may hold anything: reserved characters, spaces, `+`, `%`, unicode, controls.
const queryChar = fc.oneof(char("aZ09-._~"), char(" !\"#$%&'()*+,/:;<=>?@[\\]^`{|}"), anyCodePoint);
const queryString = fc.string({ unit: queryChar, maxLength: 6 });

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE"),
  host: fc.constantFrom("hss.ap-southeast-1.myhuaweicloud.com", "swr.eu-west-101.myhuaweicloud.eu", "127.0.0.1:8443"),
  segments: fc.array(segment, { maxLength: 4 }),
  query: fc.uniqueArray(fc.tuple(queryString, fc.array(queryString, { minLength: 1, maxLength: 3 })), {
    selector: ([name]) => name,
    maxLength: 5,
  }),
  plusForSpace: fc.boolean(),
  body: fc.option(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }), { nil: undefined }),
  contentType: fc.option(fc.constantFrom("application/json", "application/json;charset=UTF-8"), { nil: undefined }),
  securityToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=_-]{1,40}$/), { nil: undefined }),
  projectId: fc.option(fc.stringMatching(/^[0-9a-f]{32}$/), { nil: undefined }),
  date: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }),
  ak: fc.stringMatching(/^[A-Z0-9]{20}$/),
  sk: fc.string({ minLength: 1, maxLength: 40, unit: anyCodePoint }),
});

/** Bodies only where a client sends them: never on GET; JSON always with a JSON content type. */
function normalize(c: Case): Case {
  const body = c.method === "GET" ? undefined : c.body;
  return { ...c, body, contentType: body === undefined ? c.contentType : (c.contentType ?? "application/json") };
}

/** Written independently of formatSdkDate: YYYYMMDDTHHMMSSZ. */
function sdkDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

function extraHeaders(c: Case): Record<string, string> {
  return {
    ...(c.contentType !== undefined && { "content-type": c.contentType }),
    ...(c.projectId !== undefined && { "X-Project-Id": c.projectId }),
  };
}

/** The request as a fetch user writes it: a URL (query serialized one of two common ways), headers, body. */
function asRequest(c: Case): Request {
  const path = "/" + c.segments.map(encodeURIComponent).join("/");
  const pairs = c.query.flatMap(([name, values]) => values.map((value): [string, string] => [name, value]));
  const search = c.plusForSpace
    ? new URLSearchParams(pairs).toString() // a space as '+', a plus as %2B
    : pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&");
  return new Request(`https://${c.host}${path}${search === "" ? "" : `?${search}`}`, {
    method: c.method,
    headers: extraHeaders(c),
    body: c.body === undefined ? null : JSON.stringify(c.body),
  });
}

function officialAuthorization(c: Case): string {
  const headers: Record<string, string> = { "X-Sdk-Date": sdkDate(c.date), ...extraHeaders(c) };
  if (c.securityToken !== undefined) headers["X-Security-Token"] = c.securityToken;
  const queryParams = Object.fromEntries(
    c.query.map(([name, values]) => [name, values.length === 1 ? values[0] : [...values]]),
  );
  const signed = AKSKSigner.sign(
    { endpoint: `https://${c.host}/${c.segments.join("/")}`, method: c.method, headers, queryParams, data: c.body },
    { getAk: () => c.ak, getSk: () => c.sk } as never,
  ) as { Authorization: string };
  return signed.Authorization;
}

function sign(signRequest: Signer, c: Case): Promise<Request> {
  return signRequest(asRequest(c), { ak: c.ak, sk: c.sk, securityToken: c.securityToken }, { date: c.date });
}

async function received(request: Request): Promise<Parameters<typeof verifySignature>[0]> {
  const url = new URL(request.url);
  return {
    method: request.method,
    rawUrl: url.pathname + url.search,
    headers: { ...Object.fromEntries(request.headers), host: url.host },
    body: new Uint8Array(await request.arrayBuffer()),
  };
}

describe.each(DIGESTS)("signRequest ($implementation) conforms to the official Node.js signer", (digest) => {
  const { signRequest } = digest;
  it("gives the same Authorization header", async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary.map(normalize), async (c) => {
        const signed = await sign(signRequest, c);
        expect(signed.headers.get("Authorization")).toBe(officialAuthorization(c));
      }),
      { numRuns: RUNS },
    );
  });

  it("gives the same Authorization header through signHeaders, from the request's parts", async () => {
    const signHeaders = createHeaderSigner(digest);
    await fc.assert(
      fc.asyncProperty(caseArbitrary.map(normalize), async (c) => {
        const request = asRequest(c);
        const body = c.body === undefined ? undefined : JSON.stringify(c.body);
        const signed = await signHeaders({ method: c.method, url: request.url, headers: extraHeaders(c), body }, c, {
          date: c.date,
        });
        expect(signed.Authorization).toBe(officialAuthorization(c));
        expect(signed["X-Security-Token"]).toBe(c.securityToken);
      }),
      { numRuns: RUNS },
    );
  });

  it("the official signer double-encodes what url.parse escapes (why the path generator avoids it)", () => {
    // Protected in the typings; reached here only to document the quirk the generator works around.
    const canonicalUri = (AKSKSigner as unknown as { CanonicalURI(path: string): string }).CanonicalURI.bind(
      AKSKSigner,
    );
    expect(canonicalUri(legacyUrlParse("https://h.example.com/a b/c'd").pathname ?? "")).toBe("/a%2520b/c%2527d/");
    expect(canonicalUri(legacyUrlParse("https://h.example.com/a(b)!ü").pathname ?? "")).toBe("/a%28b%29%21%C3%BC/");
  });
});

describe.each(DIGESTS)(
  "the test servers' verifier accepts what signRequest ($implementation) sends",
  ({ signRequest }) => {
    it("and rejects it once the body or a query value is changed", async () => {
      const withQuery = caseArbitrary.map(normalize).filter((c) => c.query.length > 0);
      await fc.assert(
        fc.asyncProperty(withQuery, fc.nat(), async (c, pick) => {
          const signed = await sign(signRequest, c);
          const lookup = (ak: string) => (ak === c.ak ? c.sk : undefined);
          const request = await received(signed);
          expect(verifySignature(request, lookup, c.date)).toEqual({ ok: true, ak: c.ak });

          const tamperedBody = { ...request, body: new Uint8Array([...request.body, 0x20]) };
          expect(verifySignature(tamperedBody, lookup, c.date)).toEqual({ ok: false, reason: "signature mismatch" });

          // Append a character to one value of the canonical query the request line carries.
          const [path, query = ""] = request.rawUrl.split("?") as [string, string?];
          const pairs = query.split("&");
          const index = pick % pairs.length;
          pairs[index] = `${pairs[index]}X`;
          const tamperedQuery = { ...request, rawUrl: `${path}?${pairs.join("&")}` };
          expect(verifySignature(tamperedQuery, lookup, c.date)).toEqual({ ok: false, reason: "signature mismatch" });
        }),
        { numRuns: RUNS },
      );
    });
  },
);
