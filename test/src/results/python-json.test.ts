/** Python-compatible JSON: float repr, ensure_ascii, indent=2 layout and NaN tokens, against CPython 3.11 output. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dumpsPython, parsePythonJson, pyFloatRepr, pyJsonString } from "../../../src/results/python-json.js";

const F = JSON.parse(readFileSync(new URL("../../fixtures/python-json.json", import.meta.url), "utf8")) as {
  floats: number[];
  reprs: string[];
  dump: string;
  dump_flat: string;
};

describe("pyFloatRepr = Python repr(float)", () => {
  it("matches CPython on 321 floats across magnitudes", () => {
    expect(F.floats.map(pyFloatRepr)).toEqual(F.reprs);
  });
  it("differs from JavaScript where Python's rules differ", () => {
    expect(pyFloatRepr(1)).toBe("1.0");
    expect(String(1)).toBe("1");
    expect(pyFloatRepr(5e-6)).toBe("5e-06");
    expect(String(5e-6)).toBe("0.000005");
    expect(pyFloatRepr(1e16)).toBe("1e+16");
    expect(pyFloatRepr(Number.NaN)).toBe("nan");
    expect(dumpsPython([Number.NaN, Number.NEGATIVE_INFINITY])).toBe("[NaN, -Infinity]");
  });
});

describe("dumpsPython / parsePythonJson", () => {
  it("round-trips CPython's json.dumps(obj, indent=2) byte for byte, NaN and Infinity included", () => {
    const obj = parsePythonJson(F.dump);
    const isInt = (key: string | number | undefined) => key === "n";
    expect(dumpsPython(obj, { indent: 2, isInt })).toBe(F.dump);
    expect(dumpsPython(obj, { isInt })).toBe(F.dump_flat);
  });
  it("reads bare NaN/Infinity but leaves the same words inside strings alone", () => {
    const v = parsePythonJson('{"a": NaN, "b": [-Infinity, Infinity], "s": "NaN Infinity"}') as Record<
      string,
      unknown
    >;
    expect(v.a).toBeNaN();
    expect(v.b).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
    expect(v.s).toBe("NaN Infinity");
  });
  it("escapes like ensure_ascii=True", () => {
    expect(pyJsonString("é😀\u0001")).toBe('"\\u00e9\\ud83d\\ude00\\u0001"');
  });
  it("invalid JSON is E_PARSE naming the source", () => {
    expect(() => parsePythonJson("{", "results/x.json")).toThrowError(
      expect.objectContaining({ code: "E_PARSE", message: expect.stringContaining("results/x.json") }),
    );
  });
});
