import { describe, expect, it } from "vitest";
import { conversationKey, createLogger, createMemoryStore, createPipeline, type Reply, STORE_DEFAULTS } from "../../chat/index.js";
import { type Engine, RoadmapBotError } from "../../src/index.js";
import { engine as realEngine } from "../helpers/knowledge.js";

function pipeline(options: { engine?: Engine; rate?: { burst: number; perSecond: number } } = {}) {
  const lines: string[] = [];
  const unanswered: string[] = [];
  const e = options.engine ?? realEngine();
  const p = createPipeline({
    engine: () => e,
    store: createMemoryStore({ ...STORE_DEFAULTS, rate: options.rate }),
    logger: createLogger({ level: "debug", write: (l) => lines.push(l) }),
    onUnanswered: ({ question }) => unanswered.push(question),
  });
  const sent: Reply[] = [];
  const ask = (text: string, extra: Partial<Parameters<typeof p.ask>[0]> = {}) =>
    p.ask(
      { platform: "slack", source: "mention", text, user: "T1:U1", where: { space: "T1:C1" }, ...extra },
      async (r) => void sent.push(r),
    );
  return { p, ask, sent, lines, unanswered };
}

describe("the question pipeline", () => {
  it("answers, and a follow-up in the same place resolves against the last answer", async () => {
    const { ask, sent } = pipeline();
    await ask("What is the global imports battlefield about?");
    await ask("who leads it?");
    const [first, second] = sent.map((r) =>
      r.type === "answer" && (r.answer.kind === "fact" || r.answer.kind === "overview") ? r.answer.factIds : [],
    );
    expect(first?.length).toBe(1);
    expect(second).toEqual(["michael-evans"]);
  });

  it("a repeated delivery is answered once", async () => {
    const { ask, sent, lines } = pipeline();
    await ask("Where did Alibaba open offices in Europe?", { deliveries: ["E1", "post:C1:1.0"] });
    await ask("Where did Alibaba open offices in Europe?", { deliveries: ["E2", "post:C1:1.0"] });
    expect(sent).toHaveLength(1);
    expect(lines.some((l) => l.includes('"outcome":"duplicate"'))).toBe(true);
  });

  it("over the rate limit: told once, then silence, unless the platform needs a reply", async () => {
    const { ask, sent } = pipeline({ rate: { burst: 1, perSecond: 0.001 } });
    await ask("Where did Alibaba open offices in Europe?");
    await ask("again?");
    await ask("and again?");
    await ask("once more", { mustReply: true });
    expect(sent.map((r) => (r.type === "notice" ? r.notice : r.answer.kind))).toEqual(["fact", "rateLimited", "stillRateLimited"]);
  });

  it("a failed send gets one apology; a failed apology is logged, never thrown", async () => {
    const { p, lines } = pipeline();
    const tried: string[] = [];
    await p.ask({ platform: "discord", source: "mention", text: "hi", user: "1", where: { space: "c" } }, async (r) => {
      tried.push(r.type === "notice" ? r.notice : r.answer.kind);
      throw new Error("channel gone");
    });
    expect(tried).toEqual(["help", "apology"]);
    expect(lines.filter((l) => l.includes('"level":"error"'))).toHaveLength(2);
  });

  it("the curator's log holds no user, channel or role id, even inside the question text", async () => {
    const { ask, unanswered } = pipeline();
    await ask("<@U024BE7LH> asked <@!80351110224678912> and <@&123456> in <#C024BE7LH|general>: what is Alibaba's revenue?");
    expect(unanswered).toHaveLength(1);
    expect(unanswered[0]).not.toMatch(/U024BE7LH|80351110224678912|123456|C024BE7LH|<@|<#/);
    expect(unanswered[0]).toContain("what is Alibaba's revenue?");
  });

  it("conversations are told apart by platform, place, thread and user", () => {
    const keys = [
      conversationKey("slack", { space: "T1:C1" }),
      conversationKey("slack", { space: "T1:C1", thread: "1.2" }),
      conversationKey("slack", { space: "T1:C1", user: "U1" }),
      conversationKey("discord", { space: "T1:C1" }),
    ];
    expect(new Set(keys).size).toBe(4);
  });

  it("a question whose reply and apology both fail is handed back: the platform's retry is answered", async () => {
    const { p, lines } = pipeline();
    const q = {
      platform: "slack" as const,
      source: "mention",
      text: "Where did Alibaba open offices in Europe?",
      user: "U1",
      where: { space: "C1" },
      deliveries: ["EV1"],
    };
    await p.ask(q, async () => {
      throw new Error("web api down");
    });
    expect(lines.some((l) => l.includes("handed back for a retry"))).toBe(true);
    const sent: Reply[] = [];
    await p.ask({ ...q, deliveries: ["EV1"] }, async (r) => void sent.push(r));
    expect(sent.map((r) => r.type)).toEqual(["answer"]);
    // Once answered, a further retry is a duplicate.
    await p.ask({ ...q, deliveries: ["EV1"] }, async (r) => void sent.push(r));
    expect(sent).toHaveLength(1);
  });

  it("a reply the platform may or may not have taken is not sent again, nor apologised for", async () => {
    const { p, lines } = pipeline();
    const tried: string[] = [];
    await p.ask(
      { platform: "slack", source: "mention", text: "hi", user: "U1", where: { space: "C1" }, deliveries: ["EV2"] },
      async (r) => {
        tried.push(r.type === "notice" ? r.notice : r.answer.kind);
        throw new RoadmapBotError("DELIVERY_UNKNOWN", "chat.postMessage timed out");
      },
    );
    expect(tried).toEqual(["help"]);
    expect(lines.some((l) => l.includes("not sent again"))).toBe(true);
  });

  it("at shutdown, what cannot finish in the budget is handed back, each logged, and new questions are refused", async () => {
    const { p, lines } = pipeline();
    let unblock: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      unblock = r;
    });
    const q = { platform: "slack" as const, source: "mention", user: "U1", where: { space: "C1" } };
    const stuck = [1, 2, 3].map((i) =>
      p.ask({ ...q, text: "Where did Alibaba open offices in Europe?", deliveries: [`HOLD${i}`] }, () => held),
    );
    await new Promise((r) => setTimeout(r, 200));
    await p.drain(100);
    expect(lines.filter((l) => l.includes("handed back at shutdown"))).toHaveLength(3);
    const late: Reply[] = [];
    await p.ask({ ...q, text: "hi", deliveries: ["LATE"] }, async (r) => void late.push(r));
    expect(late).toEqual([]);
    expect(lines.some((l) => l.includes("refused: shutting down"))).toBe(true);
    unblock();
    await Promise.all(stuck);
  });
});
