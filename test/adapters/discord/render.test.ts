import { describe, expect, it } from "vitest";
import { CUSTOM_ID, questionKey, renderAbout, renderAnswer, renderText, renderTopics, truncate } from "../../../adapters/discord/render.js";
import { FAKE_CITATION, fakeAnswer, fakeEngine } from "../../helpers/discord-fake-engine.js";

const EPHEMERAL = 64;
const SUPPRESS_EMBEDS = 4;

function customIds(reply: ReturnType<typeof renderAnswer>): string[] {
  return reply.components.flatMap((row) => row.components.map((c) => c.custom_id));
}

describe("renderAnswer", () => {
  it("puts the answer, the verbatim quote and the linked source in an embed", () => {
    const reply = renderAnswer(fakeAnswer());
    expect(reply.content).toBeUndefined();
    expect(reply.embeds).toHaveLength(1);
    const embed = reply.embeds[0];
    expect(embed?.description).toBe("Alibaba opened offices in Paris and Milan.");
    expect(embed?.url).toBe(FAKE_CITATION.url);
    expect(embed?.title).toBe(FAKE_CITATION.title);
    expect(embed?.fields?.[0]?.value).toContain(FAKE_CITATION.quote);
    expect(embed?.fields?.[1]?.value).toBe("Tech in Asia · Steven Millward · January 2016");
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it("shows the article's title once and its date once (linked title, source field, no footer)", () => {
    const embed = renderAnswer(fakeAnswer()).embeds[0];
    const shown = JSON.stringify(embed);
    expect(shown.split(FAKE_CITATION.title)).toHaveLength(2);
    expect(shown.split(FAKE_CITATION.date)).toHaveLength(2);
    expect(shown.split(FAKE_CITATION.publisher)).toHaveLength(2);
    expect(embed?.footer).toBeUndefined();
  });

  it("adds helpful / not-helpful buttons that name the facts", () => {
    const ids = customIds(renderAnswer(fakeAnswer()));
    expect(ids).toContain(`${CUSTOM_ID.helpful}europe-offices`);
    expect(ids).toContain(`${CUSTOM_ID.notHelpful}europe-offices`);
  });

  it("keeps every custom_id within 100 characters, even with many long fact ids", () => {
    const reply = renderAnswer(fakeAnswer({ factIds: Array.from({ length: 30 }, (_, i) => `a-rather-long-fact-id-${i}`) }));
    for (const id of customIds(reply)) expect(id.length).toBeLessThanOrEqual(100);
  });

  it("renders one embed per citation, and moves a quote too long for a field into the description", () => {
    const long = { ...FAKE_CITATION, quote: "q".repeat(1500) };
    const reply = renderAnswer(fakeAnswer({ citations: [FAKE_CITATION, long] }));
    expect(reply.embeds).toHaveLength(2);
    expect(reply.embeds[1]?.description).toContain("q".repeat(1500));
    expect(reply.embeds[1]?.fields?.every((f) => f.value.length <= 1024)).toBe(true);
  });

  it("answers out-of-scope with short text and suggestion buttons that resolve to their questions", () => {
    const suggestions = ["Where did Alibaba open offices in Europe?", "Who leads the international strategy?"];
    const reply = renderAnswer(
      fakeAnswer({
        answered: false,
        kind: "out-of-scope",
        citations: [],
        factIds: [],
        answer: "The source doesn't cover that.",
        suggestions,
      }),
    );
    expect(reply.content).toBe("The source doesn't cover that.");
    expect(reply.embeds).toEqual([]);
    expect(reply.flags).toBe(SUPPRESS_EMBEDS);
    const buttons = reply.components.flatMap((r) => r.components);
    expect(buttons.map((b) => b.label)).toEqual(suggestions);
    for (const b of buttons) {
      expect(b.custom_id.startsWith(CUSTOM_ID.question)).toBe(true);
      expect(b.custom_id.length).toBeLessThanOrEqual(100);
      expect(reply.questions.get(b.custom_id.slice(CUSTOM_ID.question.length))).toBe(b.label);
    }
  });

  it("offers a clarify answer's choices as buttons", () => {
    const choices = [
      { factId: "a", question: "Who leads the international strategy?" },
      { factId: "b", question: "Who is the CEO?" },
    ];
    const reply = renderAnswer(
      fakeAnswer({ answered: false, kind: "clarify", citations: [], answer: "Which did you mean?", choices, suggestions: [] }),
    );
    const labels = reply.components.flatMap((r) => r.components.map((c) => c.label));
    expect(labels).toEqual(choices.map((c) => c.question));
  });

  it("never exceeds five buttons per row, cuts labels to 80 characters and drops duplicates", () => {
    const suggestions = [...Array.from({ length: 7 }, (_, i) => `Question ${i} ${"x".repeat(100)}`), `Question 0 ${"x".repeat(100)}`];
    const reply = renderAnswer(
      fakeAnswer({ answered: false, kind: "clarify", citations: [], choices: suggestions.map((q) => ({ factId: "f", question: q })) }),
    );
    const buttons = reply.components.flatMap((r) => r.components);
    expect(buttons).toHaveLength(7);
    expect(reply.components.every((r) => r.components.length <= 5)).toBe(true);
    expect(buttons.every((b) => (b.label?.length ?? 0) <= 80)).toBe(true);
  });

  it("frames a Chinese answer in Chinese, keeping the English quote verbatim", () => {
    const reply = renderAnswer(fakeAnswer({ answer: "阿里巴巴在巴黎和米兰开设了办公室。", language: "zh" }));
    const embed = reply.embeds[0];
    expect(embed?.description).toBe("阿里巴巴在巴黎和米兰开设了办公室。");
    expect(embed?.fields?.map((f) => f.name)).toEqual(["引文", "来源"]);
    expect(embed?.fields?.[0]?.value).toContain(FAKE_CITATION.quote);
    const labels = reply.components.flatMap((r) => r.components.map((c) => c.label));
    expect(labels).toEqual(["有帮助", "没帮助"]);
  });

  it("never sets the ephemeral flag itself (the caller decides)", () => {
    const reply = renderAnswer(fakeAnswer({ answered: false, kind: "help", citations: [] }));
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(0);
  });
});

describe("renderTopics / renderAbout / renderText", () => {
  const engine = fakeEngine();

  it("lists topics with their examples, and offers first examples as buttons", () => {
    const reply = renderTopics(engine.topics());
    expect(reply.embeds[0]?.fields?.[0]).toEqual({ name: "Globalisation", value: "• Where did Alibaba open offices in Europe?" });
    expect(reply.components[0]?.components[0]?.label).toBe("Where did Alibaba open offices in Europe?");
  });

  it("shows the source and what the bot can and cannot do", () => {
    const reply = renderAbout(engine.about());
    const text = JSON.stringify(reply.embeds);
    for (const part of ["Tech in Asia", "Steven Millward", "January 2016", "Answer with quotes", "Anything else"])
      expect(text).toContain(part);
    expect(reply.embeds[0]?.url).toBe(FAKE_CITATION.sourceUrl);
    expect(text.split(FAKE_CITATION.title)).toHaveLength(2);
    expect(text.split("January 2016")).toHaveLength(2);
  });

  it("keeps text replies short, mention-free and unfurl-free", () => {
    const reply = renderText("y".repeat(3000));
    expect(reply.content?.length).toBeLessThanOrEqual(2000);
    expect(reply.allowedMentions.parse).toEqual([]);
    expect(reply.flags).toBe(SUPPRESS_EMBEDS);
  });
});

describe("helpers", () => {
  it("questionKey is short, stable and distinct", () => {
    expect(questionKey("a")).toBe(questionKey("a"));
    expect(questionKey("a")).not.toBe(questionKey("b"));
    expect(questionKey("a")).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it("truncate never splits a surrogate pair", () => {
    expect(truncate("😀😀😀", 2)).toBe("😀…");
    expect(truncate("abc", 3)).toBe("abc");
  });
});
