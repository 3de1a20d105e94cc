import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/index.js";
import { hssOn, rejection, useHostileServer } from "./servers.js";

const api = useHostileServer();

describe("an InvalidInputError about a cyclic value", () => {
  it("is the InvalidInputError, not a stack overflow, and its value keeps the cycle", async () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic["self"] = cyclic;
    // An unknown field (whole value quoted) and an untyped one (refused as "a JSON value").
    const unknown: InvalidInputError = await rejection(
      hssOn(api).listTasks({ task_type: "iac_scan", extra: cyclic } as never),
    );
    const untyped: InvalidInputError = await rejection(
      hssOn(api).createTask({
        task_type: "iac_scan",
        iac_scan_info: { file_type: "dockerfile", file_id_list: ["f"], extra: [cyclic, cyclic] },
      } as never),
    );
    expect(unknown).toBeInstanceOf(InvalidInputError);
    expect(unknown).toMatchObject({ field: "extra", attempts: 0 });
    const value = unknown.value as Record<string, unknown>;
    expect(value["name"]).toBe("loop");
    expect(value["self"]).toBe(value);
    expect(untyped).toBeInstanceOf(InvalidInputError);
    expect(untyped.field).toMatch(/^iac_scan_info\.extra/);
    expect(api.requests).toHaveLength(0);
  });

  it("a secret inside still is not shown, and a JSON __proto__ key stays a key of the copy", async () => {
    const nested = JSON.parse('{"__proto__": {"password": "hunter2-secret"}, "user": "u"}') as Record<string, unknown>;
    const error: InvalidInputError = await rejection(
      hssOn(api).listTasks({ task_type: "iac_scan", extra: nested } as never),
    );
    expect(error.message).not.toContain("hunter2-secret");
    expect(Object.getPrototypeOf(error.value)).toBe(Object.prototype);
    expect(Object.hasOwn(error.value as object, "__proto__")).toBe(true);
    expect(JSON.stringify(error.value)).toBe('{"__proto__":{"password":"(not shown: a secret)"},"user":"u"}');
  });
});
