// waitForTask against a ListTasks that answers 2xx bodies of the wrong shape inside (the client checks only that
// the body is an object): a `data_list` that is not a list ends the wait with an InvalidPageError naming the
// answer's status and request id, never a bare TypeError out of the search for the task; list entries that are
// not objects are no task.
import { describe, expect, it } from "vitest";
import { InvalidPageError, waitForTask } from "../../src/index.js";
import { hssOn, json, rejection, useHostileServer } from "./servers.js";

const server = useHostileServer();
const TASK = { task_id: "t-1", task_type: "iac_scan" } as const;
const quick = { intervalMs: 5, maxIntervalMs: 5, maxWaitMs: 5_000, appearWithinMs: 50 };

describe("waitForTask, ListTasks answering a data_list that is not a list", () => {
  it.each([
    ["a string", "abc", 'the string "abc"'],
    ["an object", { task_id: "t-1" }, "an object"],
    ["a number", 7, "7"],
  ])("%s: InvalidPageError (items-not-array) with the status and request id", async (_, dataList, described) => {
    server.handler = (_, response) => json(response, 200, { total_num: 1, data_list: dataList });
    const error = await rejection(waitForTask(hssOn(server), TASK, quick));
    expect(error).toBeInstanceOf(InvalidPageError);
    expect(error).toMatchObject({
      operation: "ListTasks",
      status: 200,
      requestId: "hostile-req",
      behaviour: "items-not-array",
    });
    expect(error.message).toContain(`sent ${described} where the list "data_list" was documented`);
    expect(server.requests).toHaveLength(1); // the first answer ends the wait: polling again would not mend it
  });
});

describe("waitForTask, ListTasks listing entries that are not objects", () => {
  it("passes over null, strings, numbers and arrays and finds the task among them", async () => {
    const finished = { ...TASK, task_status: "finished", iac_scan_info: { failed_file_num: 0, scan_file_num: 2 } };
    server.handler = (_, response) =>
      json(response, 200, { total_num: 5, data_list: [null, "t-1", 1, ["t-1"], finished] });
    const done = await waitForTask(hssOn(server), TASK, quick);
    expect(done).toMatchObject({ state: "finished", failed: false, polls: 1, task: { task_id: "t-1" } });
  });

  it("does not take an entry that is not an object for the task: not listed, then TaskNotFoundError", async () => {
    server.handler = (_, response) => json(response, 200, { total_num: 2, data_list: [null, "t-1"] });
    const error = await rejection(waitForTask(hssOn(server), TASK, quick));
    // How many polls fit in appearWithinMs depends on the machine's load (one, when the first call takes 50 ms).
    expect(error).toMatchObject({ name: "TaskNotFoundError", taskId: "t-1", wasListed: false });
    expect(error.polls).toBe(server.requests.length);
  });
});

describe("waitForTask given something other than a client made by createHssClient", () => {
  it.each([
    [
      "a listTasks that is a plain function (a wrapper without withResponse)",
      () => {
        const hss = hssOn(server);
        return { listTasks: (input: object) => hss.listTasks(input as never) };
      },
    ],
    ["no listTasks", () => ({})],
    ["null", () => null],
  ])("%s: a TypeError saying what it needs, before any poll", async (_, stub) => {
    const error = await rejection(waitForTask(stub() as never, TASK, quick));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      "waitForTask: hss: expected a client made by createHssClient (its listTasks, with withResponse and operation)",
    );
    expect(server.requests).toHaveLength(0);
  });
});
