import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateConversations, parseConversations } from "../../app/curator/evaluate.js";
import { type Answer, createEngine, type Engine, isFactAnswer, type Turn } from "../../src/index.js";
import { engine, knowledge } from "../helpers/knowledge.js";

/** The conversation harness: ask, then follow up, each question given the turn the last one returned. */
function chat(e: Engine = engine()) {
  let turn: Turn | undefined;
  return (q: string): Answer & { factIds: string[]; answered: boolean } => {
    const r = e.answer(q, turn);
    turn = r.turn;
    return { ...r.answer, factIds: isFactAnswer(r.answer) ? r.answer.factIds : [], answered: isFactAnswer(r.answer) };
  };
}

describe("follow-ups", () => {
  it("'tell me more' walks the related facts, skipping what was shown", () => {
    const ask = chat();
    expect(ask("What is the first battlefield?").factIds).toEqual(["global-imports"]);
    const next = ask("tell me more").factIds[0];
    expect(knowledge().facts.find((f) => f.id === "global-imports")?.related).toContain(next);
    expect(ask("more").factIds[0]).not.toBe(next);
  });

  it("'what are they for?' and 有什么用 ask why, as 'why?' does: a related fact answers, not the overview", () => {
    for (const why of ["what are they for?", "what's the point?", "有什么用？"]) {
      const ask = chat();
      ask("How many village service centers are there?");
      const related = knowledge().facts.find((f) => f.id === "village-centers")?.related ?? [];
      expect(related).toContain(ask(why).factIds[0]);
    }
  });

  it("resolves a pronoun against what was just discussed", () => {
    const ask = chat();
    ask("What is the global imports battlefield about?");
    expect(ask("who leads it?").factIds).toEqual(["michael-evans"]);
  });

  it("'how many?' after the rural battlefield finds the counted fact", () => {
    const ask = chat();
    ask("What are Alibaba's plans for rural areas?");
    expect(ask("how many?").factIds).toEqual(["village-centers"]);
  });

  it("ordinals after the overview", () => {
    const ask = chat();
    ask("what are the three battlefields?");
    expect(ask("and the third one?").factIds).toEqual(["rural"]);
  });

  it("a pronoun never lets an unrelated fact answer", () => {
    const ask = chat();
    ask("Where is Alibaba's second headquarters?");
    // The article never says when the HQ opens; "open" alone must not pull in the Europe offices.
    expect(ask("when does it open?").answered).toBe(false);
  });

  it("'is there…?', 'they' (Alibaba) and a fully named subject do not tie a question to the last answer", () => {
    const ask = chat();
    ask("Where did Alibaba open offices in Europe?");
    expect(ask("is there anything about farmers?").factIds).toEqual(["farmers"]);
    expect(ask("what are they doing about fake goods?").factIds).toEqual(["fake-goods"]);
    expect(ask("is it true alibaba is fighting fake goods?").factIds).toEqual(["fake-goods"]);
    expect(ask("who wrote this?").factIds).toEqual(["article"]);
  });

  it("a full new question is answered on its own", () => {
    const ask = chat();
    ask("What is the second battlefield?");
    expect(ask("How many active shoppers does Alibaba have?").factIds).toEqual(["active-shoppers"]);
  });

  it("conversations do not leak into each other", () => {
    const e = engine();
    chat(e)("What is the first battlefield?");
    expect(chat(e)("who leads it?").factIds).not.toEqual(["michael-evans"]);
  });

  it("picking a numbered option answers it", () => {
    const ask = chat(createEngine({ knowledge: knowledge() }));
    const a = ask("offices or headquarters?");
    if (a.kind !== "clarify") throw new Error(`expected clarify, got ${a.kind}`);
    expect(a.choices.length).toBe(2);
    const picked = ask("2");
    expect(picked.answered).toBe(true);
    expect(picked.factIds).toEqual([a.choices[1]?.factId]);
  });

  it("asking an offered choice's question (what a choice button sends) answers that choice", () => {
    // With the margin forced wide, the choice's question alone could ask "which did you mean?" again.
    for (const index of [0, 1]) {
      const ask = chat(createEngine({ knowledge: knowledge(), ambiguityMargin: 1 }));
      const a = ask("the europe offices or the beijing headquarters?");
      if (a.kind !== "clarify") throw new Error(`expected clarify, got ${a.kind}`);
      const choice = a.choices[index];
      if (!choice) throw new Error("expected two choices");
      expect(ask(` ${choice.question.toUpperCase()} `).factIds).toEqual([choice.factId]);
    }
    // Outside a clarifying turn, the same question is matched as usual.
    expect(chat()("Where did Alibaba open offices in Europe?").factIds).toEqual(["europe-offices"]);
  });

  it("a turn from elsewhere holds only known facts: unknown ids and junk are ignored", () => {
    const e = engine();
    const junk = { lastFactIds: ["no-such-fact", 7], shown: "x", choices: null } as unknown as Turn;
    const r = e.answer("tell me more", junk);
    expect(r.answer.kind).not.toBe("fact");
    expect(r.turn).toEqual({ lastFactIds: [], shown: [], choices: [] });
  });

  it("the labelled conversations replay turn by turn", () => {
    const text = readFileSync(new URL("../conversations/conversations.jsonl", import.meta.url), "utf8");
    const set = parseConversations(text);
    expect(set.length).toBeGreaterThanOrEqual(30);
    const r = evaluateConversations(engine(), set);
    expect(r.failures).toEqual([]);
  });
});
