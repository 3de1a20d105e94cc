import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { canonicalQueryString, canonicalRawQuery, parseQuery } from "../src/auth/canonical.js";
import { hmacSha256Hex } from "../src/auth/digest/node.js";
import { cachedKeys } from "../src/auth/digest/key-cache.js";
import { signBuiltRequest } from "../src/auth/sign.js";
import { urlParts } from "../src/auth/url-parts.js";
import { verifySignature } from "../src/testing/engine/verify-signature.js";
import { DIGESTS } from "./helpers/digests.js";

// The signer's shortcuts, each against the slow path it stands for: the URL split without the parser, the query
// kept as it is when it is canonical, HMAC from two one-shot hashes, the per-secret key cache, and the signed
// headers read from the request as it is sent.

const CREDENTIALS = { ak: "TESTAK0123456789", sk: "test-secret-key/with+symbols=" };
const anyCodePoint = fc.string({ unit: "binary", minLength: 1, maxLength: 1 });

/** What `new URL(url)` gives for the parts a signature covers; undefined when it throws. */
function parsed(url: string): ReturnType<typeof urlParts> | undefined {
  try {
    const { host, pathname, search } = new URL(url);
    return { host, path: pathname, query: search.slice(1) };
  } catch {
    return undefined;
  }
}

function expectParsedAsTheParserDoes(href: string): void {
  const expected = parsed(href);
  if (expected === undefined) expect(() => urlParts(href), href).toThrow(TypeError);
  else expect(urlParts(href), href).toEqual(expected);
}

describe("urlParts: the URL split without the parser where its spelling is the parser's own", () => {
  it("gives what new URL gives, for URLs near the edges of the shortcut", () => {
    // Mostly pieces the shortcut takes, some it must refuse (the parser rewrites them or rejects the URL).
    const pieces = (usual: string[], unusual: string[]) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...usual) },
        { weight: 1, arbitrary: fc.constantFrom(...unusual) },
      );
    const url = fc
      .tuple(
        pieces(["https://", "http://"], ["HTTPS://", "ftp://", "https:/", "https:///"]),
        fc.array(pieces(["a", "b1", "-", ".", "c"], ["Z", "0", "9", "xn--", "0x", "ü", "_", "@", "u:p@", ".."]), {
          minLength: 1,
          maxLength: 6,
        }),
        pieces(["", ":8443"], [":", ":0", ":80", ":443", ":08443", ":65535", ":65536", ":123456"]),
        fc.tuple(
          pieces(["/"], ["", "?", "//", "/.", "/.."]),
          fc.array(pieces(["/", "a", "b", "~", "-", "_", "."], ["..", "%2e", "%41", "!", " ", "\\", "ü", "?", "#"]), {
            maxLength: 6,
          }),
        ),
        fc.option(
          fc.array(pieces(["a", "=", "&", "%20", "~", "!", "/", "?", "%"], ["+", "'", " ", '"', "<", "ü", "#"]), {
            maxLength: 6,
          }),
        ),
        pieces([""], ["#", "#f"]),
      )
      .map(
        ([scheme, host, port, path, query, fragment]) =>
          scheme +
          host.join("") +
          port +
          path[0] +
          path[1].join("") +
          (query === null ? "" : `?${query.join("")}`) +
          fragment,
      );
    fc.assert(
      fc.property(url, (href) => expectParsedAsTheParserDoes(href)),
      { numRuns: 3000 },
    );
  });

  it("gives what new URL gives for spellings the parser rewrites", () => {
    for (const href of [
      "https://H.example.com/a", // upper case host
      "https://h.example.com:443/a", // default port
      "http://h.example.com:80/a",
      "https://h.example.com:0443/a", // leading zero
      "https://10.0.0.1/a", // IPv4
      "https://h.0x7f/a", // a last label that is a number
      "https://xn--nxasmq6b.example/a", // punycode
      "https://h.example.com/a/./b/../c", // dot segments
      "https://h.example.com/a%2e/b",
      "https://h.example.com", // no path
      "https://h.example.com?x=1",
      "https://h.example.com/a?x='y z'", // quotes and spaces in the query
      "https://h.example.com/a?x=1#frag", // fragment
      "https://u:p@h.example.com/a", // user info
      "https://h.example.com/a b", // a space in the path
      "https://h.example.com/ü",
      "https://h.example.com:8443/v5/p/tasks?limit=200&offset=0", // the shortcut itself
    ]) {
      expectParsedAsTheParserDoes(href);
    }
    expect(urlParts(new URL("https://h.example.com:8443/a?b"))).toEqual(parsed("https://h.example.com:8443/a?b"));
  });
});

describe("canonicalRawQuery: a canonical query kept as it is", () => {
  it("is canonicalQueryString of parseQuery for any raw query", () => {
    const part = fc.constantFrom(
      "",
      "a",
      "b",
      "ab",
      "a1",
      "A",
      "~",
      "-",
      ".",
      "_",
      "=",
      "&",
      "+",
      "%20",
      "%3D",
      "%zz",
      "ü",
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 10 }), (parts) => {
        const raw = parts.join("");
        expect(canonicalRawQuery(raw)).toBe(canonicalQueryString(parseQuery(raw)));
      }),
      { numRuns: 3000 },
    );
  });

  it("returns a canonical query itself, and re-writes any other spelling", () => {
    const canonical = "a=1&a=2&ab=&b=x";
    expect(canonicalRawQuery(canonical)).toBe(canonical);
    expect(canonicalRawQuery("b=x&a=1&ab=&a=2")).toBe(canonical); // order
    expect(canonicalRawQuery("a=1&a=2&ab&b=x")).toBe(canonical); // a missing "="
    expect(canonicalRawQuery("a=1&&a=2&ab=&b=x&")).toBe(canonical); // empty pairs
    expect(canonicalRawQuery("a=b=c")).toBe("a=b%3Dc"); // a second "=" is part of the value
    expect(canonicalRawQuery("a=x+y")).toBe("a=x%20y");
  });
});

describe("hmacSha256Hex (node:crypto): HMAC from two one-shot hashes", () => {
  it("equals createHmac for any key and data: long keys, long data, non-ASCII, lone surrogates", () => {
    const text = (maxLength: number) =>
      fc.oneof(fc.string({ unit: anyCodePoint, maxLength }), fc.string({ maxLength }), fc.constant("\ud800"));
    fc.assert(
      fc.property(fc.array(fc.tuple(text(80), text(400)), { minLength: 1, maxLength: 12 }), (pairs) => {
        // Several keys and lengths in a row: the cached pads and the reused views must not leak between calls.
        for (const [key, data] of pairs) {
          expect(hmacSha256Hex(key, data)).toBe(createHmac("sha256", key).update(data).digest("hex"));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("equals createHmac for keys of 64 and 65 bytes and data on either side of the buffer's room", () => {
    for (const key of ["k".repeat(64), "k".repeat(65), "é".repeat(32), "é".repeat(33)]) {
      for (const data of ["", "d".repeat(170), "d".repeat(171), "€".repeat(170), "€".repeat(171), "d".repeat(5000)]) {
        expect(hmacSha256Hex(key, data)).toBe(createHmac("sha256", key).update(data).digest("hex"));
      }
    }
  });
});

describe.each(DIGESTS)("hmacSha256Hex ($implementation): RFC 4231's published vectors", (digest) => {
  // The test cases whose key and data are text (cases 1 and 2; the others use bytes that are not UTF-8).
  it.each([
    ["\x0b".repeat(20), "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"],
    ["Jefe", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"],
  ])("key %j", async (key, data, expected) => {
    expect(await digest.hmacSha256Hex(key, data)).toBe(expected);
  });
});

describe("cachedKeys", () => {
  it("drops the least recently used secret, not the first imported: a key in use stays", () => {
    const importKey = vi.fn((secret: string) => ({ secret }));
    const key = cachedKeys(importKey);
    // "hot" is imported first and used between every other secret: never the least recently used.
    for (let i = 0; i < 20; i++) {
      key("hot");
      key(`cold${i}`);
    }
    expect(importKey.mock.calls.filter(([secret]) => secret === "hot")).toHaveLength(1);
    expect(importKey).toHaveBeenCalledTimes(21);
  });

  it("imports a secret's key once, keeps the last eight secrets, and forgets a failed import", async () => {
    const importKey = vi.fn((secret: string) => ({ secret }));
    const key = cachedKeys(importKey);
    expect(key("s0")).toBe(key("s0"));
    expect(importKey).toHaveBeenCalledTimes(1);
    for (let i = 1; i <= 8; i++) key(`s${i}`);
    expect(importKey).toHaveBeenCalledTimes(9);
    key("s8");
    expect(importKey).toHaveBeenCalledTimes(9);
    key("s0"); // the oldest was dropped for s8
    expect(importKey).toHaveBeenCalledTimes(10);

    let fail = true;
    const importAsync = vi.fn(async (secret: string) => {
      if (fail) throw new Error("import failed");
      return secret.length;
    });
    const asyncKey = cachedKeys(importAsync);
    await expect(asyncKey("s")).rejects.toThrow("import failed");
    fail = false;
    await expect(asyncKey("s")).resolves.toBe(1);
    await expect(asyncKey("s")).resolves.toBe(1);
    expect(importAsync).toHaveBeenCalledTimes(2);
  });
});

describe("signBuiltRequest signs the request as it is sent", () => {
  async function verify(request: Request, body: string | undefined) {
    const url = new URL(request.url);
    return verifySignature(
      {
        method: request.method,
        rawUrl: url.pathname + url.search,
        headers: { ...Object.fromEntries(request.headers), host: url.host },
        body: new TextEncoder().encode(body ?? ""),
      },
      (ak) => (ak === CREDENTIALS.ak ? CREDENTIALS.sk : undefined),
    );
  }

  it("signs headers changed on the request after it was built (a middleware's), not the values first given", async () => {
    const body = '{"a":1}';
    const request = new Request("https://h.example.com/v5/p/tasks?a=1", {
      method: "POST",
      headers: { "content-type": "application/json", "X-Project-Id": "built" },
      body,
    });
    request.headers.set("Content-Type", "application/json;charset=UTF-8");
    request.headers.set("X-Project-Id", "changed");
    const signed = await signBuiltRequest(request, body, CREDENTIALS);
    expect(signed).toBe(request);
    expect(await verify(signed, body)).toEqual({ ok: true, ak: CREDENTIALS.ak });
    // The verifier recomputes from what was sent: the original values would no longer verify.
    signed.headers.set("X-Project-Id", "built");
    expect(await verify(signed, body)).toMatchObject({ ok: false, reason: "signature mismatch" });
  });

  it("signs a URL the parser spells its own way (upper-case host, default port, dot segments) as sent", async () => {
    for (const href of [
      "https://H.Example.com:443/v5/./p/../p/tasks?b=2&a=1",
      "https://h.example.com/v5/p/a%2Eb/c?q=a+b&q=%7e",
      "https://10.1.2.3:8443/v5/p?x=y",
    ]) {
      const request = new Request(href);
      const signed = await signBuiltRequest(request, undefined, CREDENTIALS);
      expect(await verify(signed, undefined), href).toEqual({ ok: true, ak: CREDENTIALS.ak });
    }
  });
});
