import { describe, expect, it } from "vitest";
import { bufferedResponse } from "../../src/core/transport/buffered-response.js";

// The Node transport's Response over bytes already in memory: read directly by text()/arrayBuffer(), and an
// ordinary Response for everything else.

const init = { status: 200, statusText: "OK", headers: { "Content-Type": "application/json" } };
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text));

describe("BufferedResponse", () => {
  it("is a Response with the status and headers given", () => {
    const response = bufferedResponse(bytesOf("{}"), init);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.bodyUsed).toBe(false);
  });

  it("text() reads the bytes once as UTF-8; a second read fails as on any Response", async () => {
    const response = bufferedResponse(bytesOf('{"name":"bölt ✓"}'), init);
    await expect(response.text()).resolves.toBe('{"name":"bölt ✓"}');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
    await expect(response.json()).rejects.toBeInstanceOf(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it("arrayBuffer() gives exactly the body's bytes, copied out of a shared buffer", async () => {
    const pooled = Buffer.from('xxxx{"a":1}yyyy');
    const view = pooled.subarray(4, 11) as unknown as Uint8Array<ArrayBuffer>;
    const buffer = await bufferedResponse(view, init).arrayBuffer();
    expect(buffer.byteLength).toBe(7);
    expect(Buffer.from(buffer).toString()).toBe('{"a":1}');
  });

  it("a clone taken before reading reads the same body, and so does the original after it", async () => {
    const response = bufferedResponse(bytesOf('{"a":1}'), init);
    const copy = response.clone();
    await expect(copy.json()).resolves.toEqual({ a: 1 });
    await expect(response.text()).resolves.toBe('{"a":1}');
    expect(response.bodyUsed).toBe(true);
  });

  it("body is a stream of the bytes", async () => {
    const response = bufferedResponse(bytesOf("streamed"), init);
    expect(await new Response(response.body).text()).toBe("streamed");
    expect(response.bodyUsed).toBe(true);
  });
});
