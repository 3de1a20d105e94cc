// Why: a Response made with a body builds a ReadableStream over it, which `text()` then reads chunk by chunk — on
// Node 20 ~20 µs per response (new Response(bytes) + text(), measured), against ~4 µs for a Response without a
// body and a TextDecoder call. The Node transport has the whole body in memory already, and the pipeline reads
// it once with text() or arrayBuffer() (openapi-fetch's parseAs), so those two read the bytes directly.

const utf8 = new TextDecoder();

/**
 * A Response over a body already read into memory. `text()` and `arrayBuffer()` take the bytes as they are;
 * anything else — `body`, `clone()`, `json()`, `blob()`, `bytes()`, `formData()` (a middleware reading a clone,
 * say) — first makes the ordinary Response over the same bytes and goes on with that one, so it behaves as any
 * Response would: one read, `bodyUsed` after it, no clone once read.
 */
export function bufferedResponse(bytes: Uint8Array<ArrayBuffer>, init: ResponseInit): Response {
  return new (BufferedResponse ??= defineBufferedResponse())(bytes, init);
}

/**
 * The class is made at the first answer, not when the module loads: `extends Response` reads the global
 * Response, and on Node that first read loads the whole of undici (~30-40 ms), which importing the library
 * must not cost.
 */
let BufferedResponse: ReturnType<typeof defineBufferedResponse> | undefined;

const defineBufferedResponse = () =>
  class BufferedResponse extends Response {
    readonly #bytes: Uint8Array<ArrayBuffer>;
    readonly #init: ResponseInit;
    #ordinary: Response | undefined;
    #read = false;

    constructor(bytes: Uint8Array<ArrayBuffer>, init: ResponseInit) {
      super(null, init);
      this.#bytes = bytes;
      this.#init = init;
    }

    /** The ordinary Response over the bytes, made on first need; its body already used when the bytes were read. */
    #full(): Response {
      if (this.#ordinary === undefined) {
        this.#ordinary = new Response(this.#bytes, this.#init);
        if (this.#read) void this.#ordinary.arrayBuffer();
      }
      return this.#ordinary;
    }

    /** The bytes, once: a second read fails as it would on any Response. */
    #take(): Uint8Array<ArrayBuffer> {
      if (this.#read) throw new TypeError("Body is unusable: Body has already been read");
      this.#read = true;
      return this.#bytes;
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      return this.#full().body;
    }

    override get bodyUsed(): boolean {
      return this.#ordinary?.bodyUsed ?? this.#read;
    }

    override async text(): Promise<string> {
      return this.#ordinary !== undefined ? this.#ordinary.text() : utf8.decode(this.#take());
    }

    override async arrayBuffer(): Promise<ArrayBuffer> {
      if (this.#ordinary !== undefined) return this.#ordinary.arrayBuffer();
      return new Uint8Array(this.#take()).buffer; // a copy: the bytes may share a pooled buffer
    }

    override json(): Promise<unknown> {
      return this.#full().json();
    }

    override blob(): Promise<Blob> {
      return this.#full().blob();
    }

    override formData(): Promise<FormData> {
      return this.#full().formData();
    }

    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return this.#full().bytes();
    }

    override clone(): Response {
      return this.#full().clone();
    }
  };
