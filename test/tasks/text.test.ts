/** mteb's text preparation: Python whitespace (not JS trim), title joins, instructions, conversations. */
import { describe, expect, it } from "vitest";
import { conversationText, corpusText, pyStrip, queryText } from "../../tasks/text.js";

describe("pyStrip = Python str.strip()", () => {
  it("strips U+001C–001F and U+0085, which JS trim() keeps", () => {
    const s = "\u001c\u0085 text \u001f";
    expect(pyStrip(s)).toBe("text");
    expect(s.trim()).not.toBe("text");
  });
  it("keeps U+FEFF and U+200B, which Python does not treat as space (JS trim() removes U+FEFF)", () => {
    expect(pyStrip("\ufefftext\u200b")).toBe("\ufefftext\u200b");
    expect("\ufefftext".trim()).toBe("text");
  });
  it("strips NBSP, ideographic space, line/paragraph separators; empty and all-space", () => {
    expect(pyStrip("\u00a0\u3000a b\u2028\u2029")).toBe("a b");
    expect(pyStrip("")).toBe("");
    expect(pyStrip(" \t\n")).toBe("");
  });
});

describe("corpus and query texts", () => {
  it("joins a non-empty title with one space, then strips (mteb mock: 'Title of d1 This is a positive sentence')", () => {
    expect(corpusText({ title: "Title of d1", text: "This is a positive sentence" })).toBe(
      "Title of d1 This is a positive sentence",
    );
    expect(corpusText({ title: "", text: "  body \n" })).toBe("body");
    expect(corpusText({ title: null, text: "\u0085body" })).toBe("body");
    expect(corpusText({ title: " T ", text: "x " })).toBe("T  x");
  });
  it("never strips queries; appends an instruction after one space", () => {
    expect(queryText("  what? ")).toBe("  what? ");
    expect(queryText("q", "Find docs")).toBe("q Find docs");
    expect(queryText("q", null)).toBe("q");
  });
  it("conversations: '; ' joins, 'role: content', instruction first", () => {
    expect(conversationText(["hi", "there"])).toBe("hi; there");
    expect(
      queryText(
        [
          { role: "user", content: "a" },
          { role: "assistant", content: "b" },
        ],
        "Instr",
      ),
    ).toBe("Instr user: a; assistant: b");
  });
});
