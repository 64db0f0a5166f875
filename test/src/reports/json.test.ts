/** The JSON report: issue 6's shape, scores ×100 unrounded, nulls and missing tasks kept. */
import { describe, expect, it } from "vitest";
import { jsonReport, renderJsonReport } from "../../../src/reports/json.js";
import { smallAggregate } from "./fixture.js";

describe("json report", () => {
  it("has exactly the issue's shape, ×100 and unrounded", () => {
    const r = JSON.parse(renderJsonReport(smallAggregate()));
    expect(Object.keys(r)).toEqual(["benchmark", "models"]);
    expect(r.benchmark).toBe("Tiny(bench)");
    expect(r.models[0]).toEqual({
      model: "org/a",
      revision: "r1",
      mean_task: 0.5000020000000001 * 100,
      mean_task_type: 0.594139 * 100,
      by_type: { Retrieval: 0.311728 * 100, STS: 0.87655 * 100 },
      tasks: { ArguAna: 0.123456 * 100, CQADupstackRetrieval: 50, STS17: 0.87655 * 100 },
      missing: [],
    });
    expect(r.models[1]).toMatchObject({
      model: "org/b|pipe",
      revision: null,
      mean_task: null,
      mean_task_type: null,
      by_type: { Retrieval: null, STS: 10 },
      tasks: { CQADupstackRetrieval: null },
      missing: ["CQADupstackRetrieval"],
    });
  });

  it("says which tasks were rebuilt when the rebuild option was used", () => {
    expect(jsonReport(smallAggregate(true)).rebuilt).toEqual({
      "org/a": ["CQADupstackRetrieval"],
      "org/b|pipe": [],
    });
  });
});
