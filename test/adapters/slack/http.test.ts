/**
 * End to end over HTTP: signed Events API, slash command and interaction requests go through the
 * real @slack/bolt to the real engine; replies are read back from the loopback fake Slack.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ask } from "../../helpers/knowledge.js";
import { type ApiCall, BOT_ID, BOT_USER_ID, waitFor } from "../../helpers/slack-fake.js";
import { type Harness, realEngine, SECRETS, startHarness } from "../../helpers/slack-harness.js";
import { buttonPress, command, homeOpened, mention, message, newTs } from "../../helpers/slack-payloads.js";
import { sendCommand, sendEvent, sendInteraction } from "../../helpers/slack-signed.js";

const IN_SCOPE = "Where did Alibaba open offices in Europe?";
const OUT_OF_SCOPE = "Who is Alibaba's chairman?";

let h: Harness;
beforeEach(async () => {
  h = await startHarness("http");
});
afterEach(async () => {
  await h.stop();
});

const signed = { secret: SECRETS.signing };
const posts = () => h.fake.callsTo("chat.postMessage");
const blocksOf = (c: ApiCall) =>
  c.args.blocks as {
    type: string;
    block_id?: string;
    elements?: { action_id?: string; value?: string; text?: unknown }[];
    text?: { text: string };
  }[];
const json = (c: ApiCall) => JSON.stringify(c.args);

/** Waits for a reply to a sentinel question, so that anything sent before it has been handled. */
async function settle(channel = "C0SENTINEL") {
  const r = await sendEvent(h.events, mention({ text: IN_SCOPE, channel }), signed);
  expect(r.status).toBe(200);
  await waitFor(() => posts().find((c) => c.args.channel === channel), "sentinel reply");
}

describe("Slack over HTTP (Events API)", () => {
  it("answers a mention in a thread under it, with the verbatim quote and a link to it", async () => {
    const expected = ask(realEngine(), IN_SCOPE);
    const ev = mention({ text: IN_SCOPE });
    const res = await sendEvent(h.events, ev, signed);
    expect(res.status).toBe(200);
    const reply = await waitFor(() => posts()[0], "threaded reply");
    expect(reply.token).toBe(SECRETS.bot);
    expect(reply.args.channel).toBe(ev.event.channel);
    expect(reply.args.thread_ts).toBe(ev.event.ts);
    // Form-encoded by the Web API client, so booleans arrive as strings.
    expect(String(reply.args.unfurl_links)).toBe("false");
    expect(String(reply.args.unfurl_media)).toBe("false");
    const blocks = blocksOf(reply);
    expect(blocks[0]?.type).toBe("section");
    const cite = expected.citations[0];
    if (!cite) throw new Error("the engine should cite a quote for this question");
    const context = JSON.stringify(blocks.filter((b) => b.type === "context"));
    expect(context).toContain(cite.quote);
    expect(context).toContain(`<${cite.url}|${cite.title}>`);
    expect(context).toContain(cite.publisher);
    expect(context).toContain(cite.date);
    expect(String(reply.args.text)).toContain(cite.quote);
    expect(json(reply)).toContain("roadmap_feedback_helpful");
  });

  it("replies inside the thread when asked in a thread", async () => {
    const parent = newTs();
    await sendEvent(h.events, mention({ text: IN_SCOPE, thread_ts: parent }), signed);
    const reply = await waitFor(() => posts()[0], "reply in thread");
    expect(reply.args.thread_ts).toBe(parent);
  });

  it("answers a DM in the DM, not in a thread", async () => {
    await sendEvent(h.events, message({ text: IN_SCOPE, channel: "D0DIRECT1" }), signed);
    const reply = await waitFor(() => posts()[0], "DM reply");
    expect(reply.args.channel).toBe("D0DIRECT1");
    expect(reply.args.thread_ts).toBeUndefined();
    expect(json(reply)).toContain(ask(realEngine(), IN_SCOPE).citations[0]?.quote ?? "missing");
  });

  it("says the source doesn't cover an out-of-scope question, offers suggestions, and answers a pressed one in the thread", async () => {
    const expected = ask(realEngine(), OUT_OF_SCOPE);
    expect(expected.answered).toBe(false);
    const ev = mention({ text: OUT_OF_SCOPE });
    await sendEvent(h.events, ev, signed);
    const reply = await waitFor(() => posts()[0], "out-of-scope reply");
    expect(reply.args.text).toContain(expected.answer);
    const buttons = blocksOf(reply)
      .flatMap((b) => b.elements ?? [])
      .filter((e) => e.action_id?.startsWith("roadmap_suggest_"));
    expect(buttons.map((b) => b.value)).toEqual(expected.suggestions.slice(0, 5));
    expect(json(reply)).not.toContain("roadmap_feedback");

    const pressed = buttons[0];
    if (!pressed?.value || !pressed.action_id) throw new Error("expected a suggestion button");
    const botMessageTs = "1700000999.000100";
    const press = buttonPress({
      action_id: pressed.action_id,
      value: pressed.value,
      responseUrl: `${h.fake.responseBase}press1`,
      channel: ev.event.channel,
      message: { ts: botMessageTs, thread_ts: ev.event.ts, text: "x" },
    });
    expect((await sendInteraction(h.events, press, signed)).status).toBe(200);
    const answer = await waitFor(() => posts()[1], "answer to the suggestion");
    expect(answer.args.thread_ts).toBe(ev.event.ts);
    const suggested = ask(realEngine(), pressed.value);
    expect(json(answer)).toContain(JSON.stringify(suggested.answer).slice(1, 40));
  });

  it("answers once when a mention arrives as both message and app_mention", async () => {
    const ts = newTs();
    const asMention = mention({ text: IN_SCOPE, channel: "D0DIRECT1", ts });
    const asMessage = message({ text: asMention.event.text, channel: "D0DIRECT1", ts });
    await Promise.all([sendEvent(h.events, asMessage, signed), sendEvent(h.events, asMention, signed)]);
    await settle();
    expect(posts().filter((c) => c.args.channel === "D0DIRECT1")).toHaveLength(1);
  });

  it("answers once when Slack retries an event (X-Slack-Retry-Num)", async () => {
    const ev = mention({ text: IN_SCOPE, channel: "C0RETRY" });
    expect((await sendEvent(h.events, ev, signed)).status).toBe(200);
    expect((await sendEvent(h.events, ev, { ...signed, retryNum: 1 })).status).toBe(200);
    expect((await sendEvent(h.events, ev, { ...signed, retryNum: 2 })).status).toBe(200);
    await settle();
    expect(posts().filter((c) => c.args.channel === "C0RETRY")).toHaveLength(1);
  });

  it("rejects a forged signature and a replayed (stale) request with 401 and no reply", async () => {
    const forged = await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0FORGED" }), { ...signed, signWith: "not-the-secret" });
    expect(forged.status).toBe(401);
    const stale = await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0STALE" }), {
      ...signed,
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(stale.status).toBe(401);
    const forgedCommand = await sendCommand(h.events, command(IN_SCOPE, `${h.fake.responseBase}forged`), { ...signed, signWith: "nope" });
    expect(forgedCommand.status).toBe(401);
    await settle();
    expect(posts().filter((c) => c.args.channel !== "C0SENTINEL")).toHaveLength(0);
    expect(h.fake.responses).toHaveLength(0);
  });

  it("ignores its own messages and other bots", async () => {
    await sendEvent(h.events, message({ text: IN_SCOPE, channel: "D0DIRECT1", user: BOT_USER_ID }), signed);
    await sendEvent(h.events, message({ text: IN_SCOPE, channel: "D0DIRECT1", bot_id: "BOTHER01", subtype: "bot_message" }), signed);
    await sendEvent(h.events, message({ text: IN_SCOPE, channel: "D0DIRECT1", bot_id: BOT_ID, user: "UOTHERBOT" }), signed);
    await sendEvent(h.events, message({ text: IN_SCOPE, channel: "C0CHAN", channel_type: "channel" }), signed);
    await settle();
    expect(posts().filter((c) => c.args.channel !== "C0SENTINEL")).toHaveLength(0);
  });

  it("answers a mention with no question with help", async () => {
    await sendEvent(h.events, mention({ text: "" }), signed);
    const reply = await waitFor(() => posts()[0], "help reply");
    const examples = realEngine()
      .topics()
      .flatMap((t) => t.examples);
    const values = blocksOf(reply)
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements ?? [])
      .map((e) => e.value);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(examples).toContain(v);
  });

  it("publishes App Home when it is opened", async () => {
    await sendEvent(h.events, homeOpened("UHOME001"), signed);
    const publish = await waitFor(() => h.fake.callsTo("views.publish")[0], "views.publish");
    expect(publish.args.user_id).toBe("UHOME001");
    const view = publish.args.view as { type: string };
    expect(view.type).toBe("home");
    for (const t of realEngine().topics()) expect(JSON.stringify(view)).toContain(t.title);
  });

  it("serves GET /healthz with the fact count", async () => {
    const res = await fetch(`${h.base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; factCount: number };
    expect(body.ok).toBe(true);
    expect(body.factCount).toBe(realEngine().factCount);
  });

  it("stops: the port is closed and stop() can be called again", async () => {
    await h.bot.stop();
    await expect(fetch(`${h.base}/healthz`)).rejects.toThrow();
    await h.bot.stop();
  });

  it("finishes a reply in flight before stop() resolves", async () => {
    h.fake.delayNext("chat.postMessage", 1500);
    expect((await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0LATE" }), signed)).status).toBe(200);
    await h.bot.stop();
    expect(posts().map((c) => c.args.channel)).toEqual(["C0LATE"]);
  });
});
