/**
 * The contract of the one pipeline: one conversation, asked through Slack, Discord and the REPL
 * (each through its real adapter and its loopback fake), gets the same facts in the same words
 * everywhere. What the words are is computed by a second engine, threading the turns itself.
 */
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { runRepl } from "../adapters/repl/index.js";
import { createLogger, createMemoryStore, createPipeline, STORE_DEFAULTS } from "../chat/index.js";
import { type Answer, isFactAnswer, type Turn } from "../src/index.js";
import type { RecordedRequest } from "./helpers/discord-fake.js";
import { startHarness as startDiscord } from "./helpers/discord-harness.js";
import { engine } from "./helpers/knowledge.js";
import { type ApiCall, waitFor } from "./helpers/slack-fake.js";
import { SECRETS, startHarness as startSlack } from "./helpers/slack-harness.js";
import { mention } from "./helpers/slack-payloads.js";
import { sendEvent } from "./helpers/slack-signed.js";

/** A first question, a follow-up that needs the first answer, and one the knowledge cannot answer. */
const CONVERSATION = ["What is the global imports battlefield about?", "who leads it?", "What is Alibaba's annual revenue?"];

/** What each turn should say: one engine, the turns threaded by hand. */
function expected(): { kind: Answer["kind"]; text: string; factIds: string[] }[] {
  const e = engine();
  let turn: Turn | undefined;
  return CONVERSATION.map((q) => {
    const r = e.answer(q, turn);
    turn = r.turn;
    return { kind: r.answer.kind, text: r.answer.text, factIds: isFactAnswer(r.answer) ? r.answer.factIds : [] };
  });
}

const unescapeSlack = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
let want: ReturnType<typeof expected>;
beforeAll(() => {
  want = expected();
  // The conversation must exercise all three: an answer, a follow-up resolved by context, a refusal.
  expect(want.map((w) => w.kind)).toEqual(["fact", "fact", "out-of-scope"]);
  expect(want[1]?.factIds).not.toEqual(want[0]?.factIds);
});

describe("one conversation, three platforms, the same answers", () => {
  const slackSaid: { text: string; factIds: string }[] = [];
  const discordSaid: { text: string; factIds: string }[] = [];
  let replSaid = "";

  it("Slack: a mention, then follow-ups in its thread", async () => {
    const h = await startSlack("http");
    try {
      const posts = () => h.fake.callsTo("chat.postMessage").filter((c: ApiCall) => c.args.channel === "C0CONTRACT");
      const first = mention({ text: CONVERSATION[0] ?? "", channel: "C0CONTRACT" });
      for (const [i, q] of CONVERSATION.entries()) {
        const event = i === 0 ? first : mention({ text: q, channel: "C0CONTRACT", thread_ts: first.event.ts });
        expect((await sendEvent(h.events, event, { secret: SECRETS.signing })).status).toBe(200);
        const post = await waitFor(() => posts()[i], `Slack reply ${i + 1}`);
        const blocks = (post.args.blocks ?? []) as { type: string; text?: { text: string } }[];
        slackSaid.push({
          text: unescapeSlack(blocks.find((b) => b.type === "section")?.text?.text ?? ""),
          factIds: JSON.stringify(post.args.blocks),
        });
      }
    } finally {
      await h.stop();
    }
    expect(slackSaid.map((s) => s.text)).toEqual(want.map((w) => w.text));
    for (const [i, w] of want.entries()) for (const id of w.factIds) expect(slackSaid[i]?.factIds).toContain(`"value":"${id}"`);
  });

  it("Discord: mentions in one channel by one user", async () => {
    const h = await startDiscord(engine());
    try {
      for (const q of CONVERSATION) {
        const sent = h.mention(q);
        const reply = await h.waitForRequest(
          (r: RecordedRequest) => r.method === "POST" && /\/messages$/.test(r.path) && r.body?.message_reference?.message_id === sent.id,
          `Discord reply to ${q}`,
        );
        const body = reply.body as { content?: string; embeds?: { description?: string }[]; components?: unknown[] };
        discordSaid.push({ text: body.embeds?.[0]?.description ?? body.content ?? "", factIds: JSON.stringify(body.components ?? []) });
      }
    } finally {
      await h.stop();
    }
    expect(discordSaid.map((s) => s.text)).toEqual(want.map((w) => w.text));
    for (const [i, w] of want.entries()) for (const id of w.factIds) expect(discordSaid[i]?.factIds).toContain(id);
  });

  it("the REPL: the same lines, one session", async () => {
    const e = engine();
    const store = createMemoryStore({ ...STORE_DEFAULTS, rate: undefined });
    const pipeline = createPipeline({ engine: () => e, store, logger: createLogger({ level: "silent" }) });
    const input = new PassThrough();
    const output = new PassThrough();
    output.on("data", (d) => {
      replSaid += String(d);
    });
    const done = runRepl({ pipeline, engine: () => e }, { input, output });
    input.end(`${CONVERSATION.join("\n")}\n`);
    await done;
    // Piped output is plain and unwrapped: each answer's text is there as the engine said it.
    const at = want.map((w) => replSaid.indexOf(w.text));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("the bot's own sentences are the same on every platform", async () => {
    await waitFor(() => slackSaid.length === 3 && discordSaid.length === 3, "all three platforms to have answered");
    expect(slackSaid[2]?.text).toBe(discordSaid[2]?.text);
    expect(replSaid).toContain(discordSaid[2]?.text ?? "missing");
  });
});
