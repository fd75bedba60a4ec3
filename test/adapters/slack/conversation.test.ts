/**
 * Issue 5 in Slack, end to end through the real Bolt and a real engine: follow-ups in a thread and
 * in a DM, "which did you mean?" as buttons, Chinese questions, and the curator's unanswered log.
 * Each test gets a fresh engine, so no context leaks between tests.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../../src/index.js";
import { ask as askOf, knowledge } from "../../helpers/knowledge.js";
import { type ApiCall, waitFor } from "../../helpers/slack-fake.js";
import { type Harness, SECRETS, startHarness } from "../../helpers/slack-harness.js";
import { buttonPress, command, mention, message } from "../../helpers/slack-payloads.js";
import { sendCommand, sendEvent, sendInteraction } from "../../helpers/slack-signed.js";

const signed = { secret: SECRETS.signing };
// Two facts answer this about equally well; with the margin forced wide (as the core's own tests
// do), the engine asks which was meant, whatever tuning the matcher gets.
// An explicit choice: each side is answered by a different fact, so the bot asks which was meant.
const AMBIGUOUS = "the europe offices or the beijing headquarters?";
const CLARIFYING = { ambiguityMargin: 1 } as const;
const clarifyingEngine = () => createEngine({ knowledge: knowledge(), ...CLARIFYING });

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

type Unanswered = { question: string; platform: string; kind: string };
async function start(
  onUnanswered?: (e: Unanswered) => void,
  extra: { ambiguityMargin?: number } = {},
): Promise<{ h: Harness; engine: Engine }> {
  const engine = createEngine({ knowledge: knowledge(), ...extra });
  h = await startHarness("http", {}, engine, onUnanswered ? { onUnanswered } : {});
  return { h, engine };
}

const postsTo = (hh: Harness, channel: string) => hh.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === channel);
const nth = (hh: Harness, channel: string, n: number, what: string) => waitFor(() => postsTo(hh, channel)[n], what);
type Element = { action_id?: string; value?: string; text?: { text?: string } };
const buttons = (c: ApiCall, prefix: string): Element[] =>
  ((c.args.blocks ?? []) as { elements?: Element[] }[]).flatMap((b) => b.elements ?? []).filter((e) => e.action_id?.startsWith(prefix));
const contextText = (c: ApiCall) => JSON.stringify(((c.args.blocks ?? []) as { type: string }[]).filter((b) => b.type === "context"));
const sectionText = (c: ApiCall) =>
  ((c.args.blocks ?? []) as { type: string; text?: { text: string } }[]).find((b) => b.type === "section")?.text?.text ?? "";

describe("Slack follow-ups", () => {
  it("resolves 'who leads it?' against the thread's last answer", async () => {
    const { h } = await start();
    const first = mention({ text: "What is the first battlefield?", channel: "C0FOLLOW" });
    expect((await sendEvent(h.events, first, signed)).status).toBe(200);
    const a1 = await nth(h, "C0FOLLOW", 0, "the first answer");
    expect(sectionText(a1)).toMatch(/global imports/i);

    const followUp = mention({ text: "who leads it?", channel: "C0FOLLOW", thread_ts: first.event.ts });
    await sendEvent(h.events, followUp, signed);
    const a2 = await nth(h, "C0FOLLOW", 1, "the follow-up answer");
    expect(a2.args.thread_ts).toBe(first.event.ts);
    expect(sectionText(a2)).toContain("Michael Evans");
  });

  it("does not carry a thread's context into another thread", async () => {
    const { h } = await start();
    const first = mention({ text: "What is the first battlefield?", channel: "C0APART" });
    await sendEvent(h.events, first, signed);
    await nth(h, "C0APART", 0, "the first answer");
    // A new top-level mention is a new thread: "who leads it?" has nothing to refer to.
    await sendEvent(h.events, mention({ text: "who leads it?", channel: "C0APART" }), signed);
    const a2 = await nth(h, "C0APART", 1, "the unrelated answer");
    expect(sectionText(a2)).not.toContain("Michael Evans");
  });

  it("keeps context in a DM", async () => {
    const { h } = await start();
    await sendEvent(h.events, message({ text: "What is the first battlefield?", channel: "D0FOLLOW" }), signed);
    await nth(h, "D0FOLLOW", 0, "the first DM answer");
    await sendEvent(h.events, message({ text: "who leads it?", channel: "D0FOLLOW" }), signed);
    const a2 = await nth(h, "D0FOLLOW", 1, "the follow-up DM answer");
    expect(a2.args.thread_ts).toBeUndefined();
    expect(sectionText(a2)).toContain("Michael Evans");
  });
});

describe("Slack 'which did you mean?'", () => {
  it("renders the choices as buttons, and pressing one answers it in the thread", async () => {
    const { h } = await start(undefined, CLARIFYING);
    const expected = askOf(clarifyingEngine(), AMBIGUOUS);
    expect(expected.kind).toBe("clarify");
    const choices = expected.choices ?? [];
    expect(choices).toHaveLength(2);

    const ev = mention({ text: AMBIGUOUS, channel: "C0CHOICE" });
    await sendEvent(h.events, ev, signed);
    const ask = await nth(h, "C0CHOICE", 0, "the clarifying question");
    expect(ask.args.thread_ts).toBe(ev.event.ts);
    const shown = buttons(ask, "roadmap_choice_");
    expect(shown.map((b) => b.value)).toEqual(choices.map((c) => c.question));
    expect(shown.map((b) => b.text?.text)).toEqual(choices.map((c) => c.question));

    // Press an option whose question the engine answers as that fact after the clarifying reply
    // (with the margin forced wide, another could clarify again); probed on a twin engine.
    const pickable = choices.findIndex((c) => {
      const twin = clarifyingEngine();
      const after = twin.answer(AMBIGUOUS).turn;
      return askOf(twin, c.question, after).factIds[0] === c.factId;
    });
    expect(pickable, "no choice is answered as its own fact after the clarifying reply").toBeGreaterThanOrEqual(0);
    const button = shown[pickable];
    const chosen = choices[pickable];
    if (!button?.action_id || !button.value || !chosen) throw new Error("expected two choice buttons");
    const press = buttonPress({
      action_id: button.action_id,
      value: button.value,
      responseUrl: `${h.fake.responseBase}choice`,
      channel: "C0CHOICE",
      message: { ts: String(ask.args.ts ?? "1700000500.000100"), thread_ts: ev.event.ts, text: String(ask.args.text) },
    });
    expect((await sendInteraction(h.events, press, signed)).status).toBe(200);
    const picked = await nth(h, "C0CHOICE", 1, "the chosen answer");
    expect(picked.args.thread_ts).toBe(ev.event.ts);
    const quote = knowledge().facts.find((f) => f.id === chosen.factId)?.quote;
    expect(quote).toBeTruthy();
    expect(contextText(picked)).toContain(quote);
    expect(JSON.stringify(picked.args.blocks)).toContain(`"value":"${chosen.factId}"`);
  });

  it("picks a choice typed as its number in the same thread", async () => {
    const { h } = await start(undefined, CLARIFYING);
    const probe = askOf(clarifyingEngine(), AMBIGUOUS);
    const chosen = probe.choices?.[1];
    if (!chosen) throw new Error("expected two choices");
    const ev = mention({ text: AMBIGUOUS, channel: "C0NUMBER" });
    await sendEvent(h.events, ev, signed);
    await nth(h, "C0NUMBER", 0, "the clarifying question");
    await sendEvent(h.events, mention({ text: "2", channel: "C0NUMBER", thread_ts: ev.event.ts }), signed);
    const picked = await nth(h, "C0NUMBER", 1, "the chosen answer");
    expect(JSON.stringify(picked.args.blocks)).toContain(`"value":"${chosen.factId}"`);
  });
});

describe("Slack in Chinese", () => {
  it("answers a Chinese question in Chinese, citing the English quote", async () => {
    const { h } = await start();
    const q = "阿里巴巴在欧洲开了哪些办公室？";
    const expected = askOf(createEngine({ knowledge: knowledge() }), q);
    expect(expected.language).toBe("zh");
    const cite = expected.citations[0];
    if (!cite) throw new Error("expected a citation");
    expect(cite.quote).toMatch(/^[\x20-\x7e\u2013-\u201d]+$/);

    await sendEvent(h.events, mention({ text: q, channel: "C0ZH" }), signed);
    const reply = await nth(h, "C0ZH", 0, "the Chinese answer");
    expect(sectionText(reply)).toBe(expected.answer);
    expect(sectionText(reply)).toMatch(/[\u4e00-\u9fff]/);
    expect(contextText(reply)).toContain(cite.quote);
    expect(String(reply.args.text)).toContain(expected.answer);
  });
});

describe("Slack and the curator's unanswered log", () => {
  it("passes platform 'slack' for questions it cannot answer, from mentions, DMs and /roadmap", async () => {
    const seen: Unanswered[] = [];
    const { h } = await start((e) => seen.push(e), CLARIFYING);
    await sendEvent(h.events, mention({ text: "Who is Alibaba's chairman?", channel: "C0UNANS" }), signed);
    await sendEvent(h.events, message({ text: "What will Alibaba do in 2030?", channel: "D0UNANS" }), signed);
    await sendCommand(h.events, command("Tell me about Amazon's roadmap", `${h.fake.responseBase}unans`), signed);
    await sendEvent(h.events, mention({ text: AMBIGUOUS, channel: "C0UNANS2" }), signed);
    await waitFor(() => seen.length >= 4 && h.fake.responses.length >= 1 && postsTo(h, "C0UNANS2")[0], "four unanswered questions");
    expect(seen.map((e) => e.platform)).toEqual(["slack", "slack", "slack", "slack"]);
    expect(seen.map((e) => e.question).sort()).toEqual(
      ["Who is Alibaba's chairman?", "What will Alibaba do in 2030?", "Tell me about Amazon's roadmap", AMBIGUOUS].sort(),
    );
    expect(seen.find((e) => e.question === AMBIGUOUS)?.kind).toBe("clarify");
    // The mention markup (<@BOT>) never reaches the log: only the question.
    expect(seen.some((e) => e.question.includes("<@"))).toBe(false);
  });
});
