import { describe, expect, it } from "vitest";
import { renderAnswer } from "../../../adapters/repl/render.js";
import { engine } from "../../helpers/knowledge.js";

describe("REPL rendering", () => {
  it("a Chinese answer has Chinese headings, an English one English", () => {
    const e = engine();
    const zh = renderAnswer(e.answer("阿里巴巴的CEO是谁？").answer, false);
    expect(zh).toContain("相关问题：");
    expect(zh).not.toContain("Related:");
    expect(renderAnswer(e.answer("Who is Alibaba's CEO?").answer, false)).toContain("Related:");
  });

  it("a quote that opens with its own quotation mark is not wrapped twice", () => {
    const out = renderAnswer(engine().answer("what did zhang say about rural buyers").answer, false);
    expect(out).toContain("“In 2016, we are going");
    expect(out).not.toContain("““");
  });
});
