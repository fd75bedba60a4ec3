import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateConversations, parseConversations } from "../../app/curator/evaluate.js";
import { createConversationStore } from "../../src/conversation.js";
import { createEngine } from "../../src/index.js";
import { engine, knowledge } from "../helpers/knowledge.js";

/** The conversation harness: ask, then follow up in the same conversation. */
function chat(id = "c1") {
  const e = engine();
  return (q: string) => e.answer(q, { conversationId: id, platform: "test" });
}

describe("follow-ups", () => {
  it("'tell me more' walks the related facts, skipping what was shown", () => {
    const ask = chat();
    expect(ask("What is the first battlefield?").factIds).toEqual(["global-imports"]);
    const next = ask("tell me more").factIds[0];
    expect(knowledge().facts.find((f) => f.id === "global-imports")?.related).toContain(next);
    expect(ask("more").factIds[0]).not.toBe(next);
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
    e.answer("What is the first battlefield?", { conversationId: "a" });
    expect(e.answer("who leads it?", { conversationId: "b" }).factIds).not.toEqual(["michael-evans"]);
  });

  it("picking a numbered option answers it", () => {
    const e = createEngine({ knowledge: knowledge() });
    const a = e.answer("offices or headquarters?", { conversationId: "pick" });
    expect(a.kind).toBe("clarify");
    expect(a.choices?.length).toBe(2);
    const picked = e.answer("2", { conversationId: "pick" });
    expect(picked.answered).toBe(true);
    expect(picked.factIds).toEqual([a.choices?.[1]?.factId]);
  });

  it("the labelled conversations replay turn by turn", () => {
    const text = readFileSync(new URL("../conversations/conversations.jsonl", import.meta.url), "utf8");
    const set = parseConversations(text);
    expect(set.length).toBeGreaterThanOrEqual(30);
    const r = evaluateConversations(engine(), set);
    expect(r.failures).toEqual([]);
  });
});

describe("conversation store", () => {
  it("forgets a conversation after the idle time", () => {
    let now = 0;
    const store = createConversationStore({ idleMs: 1000, now: () => now });
    store.set("a", { lastFactIds: ["x"], shown: [], choices: [] });
    now = 999;
    expect(store.get("a")).toBeDefined();
    now = 2100;
    expect(store.get("a")).toBeUndefined();
  });

  it("is bounded: a million conversations keep at most the configured number", () => {
    const store = createConversationStore({ maxConversations: 1000 });
    for (let i = 0; i < 1_000_000; i++) store.set(`c${i}`, { lastFactIds: [], shown: [], choices: [] });
    expect(store.size).toBe(1000);
    expect(store.get("c999999")).toBeDefined();
    expect(store.get("c0")).toBeUndefined();
  });
});
