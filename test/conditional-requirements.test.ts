import { describe, expect, it } from "vitest";
import { hssOperations } from "../generated/hss/operations.js";
import { validateInput } from "../src/core/input-validation.js";
import { type InvalidInputError } from "../src/index.js";

// CreateTask's requirements that the page states in words, written in the spec as a oneOf + discriminator
// (task_type) and an if/then (range_type), checked before sending.

const createTask = hssOperations.createTask;
const problem = (input: object): InvalidInputError | undefined => {
  try {
    validateInput(createTask, input);
    return undefined;
  } catch (error) {
    return error as InvalidInputError;
  }
};
const clusterScan = (rest: object) => ({
  task_type: "cluster_scan",
  cluster_scan_info: { scan_type_list: ["cluster_vul"], ...rest },
});

describe("CreateTask conditional requirements", () => {
  it("are in the operation table, from the spec", () => {
    expect(createTask.conditions).toEqual([
      { field: "task_type", equals: "cluster_scan", require: ["cluster_scan_info"] },
      { field: "task_type", equals: "iac_scan", require: ["iac_scan_info"] },
    ]);
    expect(createTask.params.cluster_scan_info.schema.conditions).toEqual([
      { field: "range_type", equals: "specific_cluster", require: ["cluster_id_list"] },
    ]);
  });

  it("cluster_scan_info is required when task_type is cluster_scan, iac_scan_info when it is iac_scan", () => {
    expect(problem({ task_type: "cluster_scan" })).toMatchObject({
      field: "cluster_scan_info",
      expected: 'a value; the field is required when task_type is "cluster_scan"',
    });
    expect(
      problem({
        task_type: "iac_scan",
        cluster_scan_info: clusterScan({ range_type: "all_cluster" }).cluster_scan_info,
      }),
    ).toMatchObject({
      field: "iac_scan_info",
    });
    expect(
      problem({ task_type: "iac_scan", iac_scan_info: { file_type: "dockerfile", file_id_list: ["f"] } }),
    ).toBeUndefined();
  });

  it("cluster_id_list is required when range_type is specific_cluster", () => {
    expect(problem(clusterScan({ range_type: "specific_cluster" }))).toMatchObject({
      name: "InvalidInputError",
      field: "cluster_scan_info.cluster_id_list",
      expected: 'a value; the field is required when cluster_scan_info.range_type is "specific_cluster"',
    });
    expect(problem(clusterScan({ range_type: "specific_cluster", cluster_id_list: ["c1"] }))).toBeUndefined();
    expect(problem(clusterScan({ range_type: "all_cluster" }))).toBeUndefined();
  });
});
