import { describe, expect, it } from "vitest";
import { cached, createCredentials, CredentialsError, type Credentials } from "../../src/credentials/index.js";
import { expectNoSecrets, rejectionOf } from "./leaks.js";

const MINUTE = 60_000;
const T0 = Date.UTC(2030, 0, 1);

/** A provider whose answers the test hands out one by one, counting calls; and a clock the test moves. */
function controlled() {
  let time = T0;
  const waiting: { resolve: (credentials: Credentials) => void; reject: (error: Error) => void }[] = [];
  let calls = 0;
  const provider = () => {
    calls++;
    return new Promise<Credentials>((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const keys = (n: number, lifetimeMs: number | undefined) =>
    createCredentials({
      ak: `AK${n}`,
      sk: `secret-${n}-0123456789`,
      securityToken: `token-${n}-abcdef`,
      ...(lifetimeMs === undefined ? {} : { expiresAt: new Date(time + lifetimeMs) }),
      source: "test source",
    });
  return {
    provider,
    keys,
    now: () => time,
    advance: (ms: number) => (time += ms),
    get calls() {
      return calls;
    },
    answer: (credentials: Credentials) => waiting.shift()!.resolve(credentials),
    answerLatest: (credentials: Credentials) => waiting.pop()!.resolve(credentials),
    fail: (message: string) => waiting.shift()!.reject(new CredentialsError("test source", message)),
  };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((done) => setImmediate(done));

describe("cached", () => {
  it("shares the first fetch among concurrent callers and keeps permanent keys for good", async () => {
    const source = controlled();
    const provider = cached(source.provider, { now: source.now });
    const calls = [provider(), provider(), provider()];
    await settle();
    expect(source.calls).toBe(1);
    source.answer(source.keys(1, undefined));
    const answers = await Promise.all(calls);
    expect(new Set(answers.map((credentials) => credentials.ak))).toEqual(new Set(["AK1"]));
    source.advance(365 * 24 * 60 * MINUTE);
    expect((await provider()).ak).toBe("AK1");
    expect(source.calls).toBe(1);
  });

  it("renews 40 minutes before expiry by default, once for many concurrent callers", async () => {
    const source = controlled();
    const provider = cached(source.provider, { now: source.now });
    const first = provider();
    await settle();
    source.answer(source.keys(1, 6 * 60 * MINUTE));
    expect((await first).ak).toBe("AK1");

    source.advance(6 * 60 * MINUTE - 40 * MINUTE - 1); // one ms before the renewal time
    expect((await provider()).ak).toBe("AK1");
    expect(source.calls).toBe(1);

    source.advance(1); // renewal time
    const concurrent = Array.from({ length: 20 }, () => provider());
    await settle();
    expect(source.calls).toBe(2); // exactly one renewal in flight
    source.answer(source.keys(2, 6 * 60 * MINUTE));
    const answers = await Promise.all(concurrent);
    expect(answers.every((credentials) => credentials.ak === "AK2")).toBe(true);
    expect((await provider()).ak).toBe("AK2");
    expect(source.calls).toBe(2);
  });

  it("renews short-lived keys at half their life, not at every call", async () => {
    const source = controlled();
    const provider = cached(source.provider, { now: source.now, refreshBeforeMs: 10 * MINUTE });
    const first = provider();
    await settle();
    source.answer(source.keys(1, 8 * MINUTE));
    await first;
    source.advance(4 * MINUTE - 1);
    await provider();
    expect(source.calls).toBe(1);
    source.advance(1);
    const renewal = provider();
    await settle();
    expect(source.calls).toBe(2);
    source.answer(source.keys(2, 8 * MINUTE));
    expect((await renewal).ak).toBe("AK2");
  });

  it("keeps still-valid old keys when renewal fails, retries later, and fails once they expire", async () => {
    const source = controlled();
    const provider = cached(source.provider, {
      now: source.now,
      refreshBeforeMs: 10 * MINUTE,
      retryAfterFailureMs: MINUTE,
    });
    const first = provider();
    await settle();
    const old = source.keys(1, 60 * MINUTE);
    source.answer(old);
    await first;

    source.advance(50 * MINUTE); // in the renewal window
    const during = [provider(), provider()];
    await settle();
    expect(source.calls).toBe(2);
    source.fail("service down");
    expect((await Promise.all(during)).map((credentials) => credentials.ak)).toEqual(["AK1", "AK1"]);

    source.advance(MINUTE - 1); // within retryAfterFailureMs: no new attempt
    expect((await provider()).ak).toBe("AK1");
    expect(source.calls).toBe(2);

    source.advance(9 * MINUTE + 1); // now expired
    const late = provider();
    await settle();
    expect(source.calls).toBe(3);
    source.fail("service still down");
    const error = await rejectionOf(late);
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe(
      `test source: keys expired at ${old.expiresAt!.toISOString()}, and renewing them failed: service still down`,
    );
    expectNoSecrets(error, [old.sk, old.securityToken!]);
  });

  it("does not keep a failed first fetch: the next call asks again", async () => {
    const source = controlled();
    const provider = cached(source.provider, { now: source.now });
    const first = provider();
    await settle();
    source.fail("nothing yet");
    expect((await rejectionOf(first)).message).toBe("test source: nothing yet");
    const second = provider();
    await settle();
    expect(source.calls).toBe(2);
    source.answer(source.keys(2, undefined));
    expect((await second).ak).toBe("AK2");
  });

  it.each([
    [undefined, "undefined"],
    [null, "null"],
    ["AK:SK", "string"],
  ])("refuses a provider's answer that is not keys (%s), saying so, and asks again next time", async (answer, what) => {
    let calls = 0;
    const provider = cached(async () =>
      ++calls === 1 ? (answer as unknown as Credentials) : createCredentials({ ak: "AK2", sk: "SK2", source: "test" }),
    );
    const error = await rejectionOf(provider());
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe(`credential provider: answered ${what} instead of keys ({ ak, sk })`);
    expect((await provider()).ak).toBe("AK2");
  });

  it("refuses keys that have already expired", async () => {
    const source = controlled();
    const provider = cached(source.provider, { now: source.now });
    const first = provider();
    await settle();
    const stale = source.keys(1, 0);
    source.answer(stale);
    expect((await rejectionOf(first)).message).toBe(
      `test source: answered keys that expired at ${stale.expiresAt!.toISOString()}`,
    );
  });

  it("a caller's signal ends its wait only: the others wait on, the next call fetches afresh and wins", async () => {
    const source = controlled();
    const provider = cached(source.provider, { now: source.now });
    const controller = new AbortController();
    const leaving = provider(controller.signal);
    const staying = provider();
    await settle();
    controller.abort(new Error("gave up"));
    expect((await rejectionOf(leaving)).message).toBe("gave up");
    const next = provider(); // the abandoned fetch (it may never settle) is no longer shared
    await settle();
    expect(source.calls).toBe(2);
    source.answerLatest(source.keys(2, undefined));
    expect((await next).ak).toBe("AK2");
    source.answer(source.keys(1, undefined)); // the abandoned fetch settles late: its caller gets it, nobody else
    expect((await staying).ak).toBe("AK1");
    expect((await provider()).ak).toBe("AK2");
    expect(source.calls).toBe(2);
  });

  it("a renewal abandoned by a caller's signal counts as failed: old keys meanwhile, a new try later", async () => {
    const source = controlled();
    const provider = cached(source.provider, { now: source.now, retryAfterFailureMs: 10_000 });
    const first = provider();
    await settle();
    source.answer(source.keys(1, 60 * MINUTE));
    await first;
    source.advance(31 * MINUTE); // past half the life: renewal time
    const controller = new AbortController();
    const renewing = provider(controller.signal);
    await settle();
    expect(source.calls).toBe(2);
    controller.abort(new Error("gave up"));
    expect((await rejectionOf(renewing)).message).toBe("gave up");
    expect((await provider()).ak).toBe("AK1");
    expect(source.calls).toBe(2);
    source.advance(10_000);
    const renewed = provider();
    await settle();
    expect(source.calls).toBe(3);
    source.answerLatest(source.keys(3, 60 * MINUTE));
    expect((await renewed).ak).toBe("AK3");
  });

  it("refuses bad options", () => {
    const source = controlled();
    expect(() => cached(source.provider, { refreshBeforeMs: -1 })).toThrow(
      "cached: refreshBeforeMs: expected a finite number of milliseconds ≥ 0",
    );
    expect(() => cached(source.provider, { retryAfterFailureMs: Number.NaN })).toThrow(/retryAfterFailureMs/);
  });
});
