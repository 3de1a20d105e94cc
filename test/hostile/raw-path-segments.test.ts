import { describe, expect, it } from "vitest";
import { createSwrClient } from "../../src/index.js";
import { json, rejection, TOKEN, useHostileServer } from "./servers.js";

// `raw` sends path values through the same serializer as the methods: a value that would make its segment
// "", "." or ".." is refused before anything is sent, instead of URL resolving the request onto another path.

const api = useHostileServer((_, response) => json(response, 200, {}));
const REPO = "/v2/manage/namespaces/{namespace}/repos/{repository}";
const swr = () => createSwrClient({ projectId: "p1", endpoint: api.url, auth: { token: TOKEN }, retry: false });

describe("raw holds path values to their segment", () => {
  it.each(["..", ".", ""])(
    "repository %j is refused, naming the parameter, and nothing is sent",
    async (repository) => {
      const error = await rejection(swr().raw.DELETE(REPO, { params: { path: { namespace: "ns", repository } } }));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/^path parameter repository of .*: expected a path segment other than/);
      expect(api.requests).toHaveLength(0);
    },
  );

  it("values that only look like dots, slashes or prototype names are sent encoded, on the operation's path", async () => {
    const values = ["...", "%2e%2e", "%2F", "a/..", "__proto__", "constructor", "x\ud800"];
    for (const repository of values) {
      const { response } = await swr().raw.DELETE(REPO, { params: { path: { namespace: "ns", repository } } });
      expect(response.status).toBe(200);
    }
    expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual(
      ["...", "%252e%252e", "%252F", "a%2F..", "__proto__", "constructor", "x%EF%BF%BD"].map(
        (segment) => `DELETE /v2/manage/namespaces/ns/repos/${segment}`,
      ),
    );
  });
});
