import { describe, expect, it } from "vitest";
import { hssOn, json, rejection, useHostileServer } from "./servers.js";

// A token provider's `invalidate` is the caller's code: when it throws, the refused token is still dropped.

const REFUSED = "token-refused-0001";
const api = useHostileServer((request, response) =>
  request.headers["x-auth-token"] === REFUSED
    ? json(response, 401, { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information" })
    : json(response, 200, { total_num: 0 }),
);

describe("a token provider whose invalidate throws", () => {
  it("fails the call that saw the 401 with its error; the next call fetches a new token instead of the refused one", async () => {
    const tokens = [REFUSED, "token-good-0002"];
    let asked = 0;
    const provider = Object.assign(async () => tokens[asked++]!, {
      invalidate: () => {
        throw new Error("invalidate failed");
      },
    });
    const hss = hssOn(api, { auth: { token: provider }, retry: false });
    const statistics = { task_type: "iac_scan" } as const;
    expect(await rejection(hss.showTaskStatistics(statistics))).toMatchObject({ message: "invalidate failed" });
    await expect(hss.showTaskStatistics(statistics)).resolves.toEqual({ total_num: 0 });
    expect(api.requests.map((request) => request.headers["x-auth-token"])).toEqual([REFUSED, tokens[1]]);
    expect(asked).toBe(2);
  });
});
