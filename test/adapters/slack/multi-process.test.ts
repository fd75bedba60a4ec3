/**
 * Issue 6, "more than one process": two Slack adapters (two startSlack calls, two HTTP ports, two
 * engines with their own memory) behind one imaginary load balancer, sharing a real redis-server
 * through REDIS_URL and one fake Slack. Each event is answered exactly once whichever process gets
 * it (or both do), a follow-up resolves on either, and a user's rate budget is shared.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../../src/index.js";
import { knowledge } from "../../helpers/knowledge.js";
import { HAS_REDIS, NO_REDIS_MESSAGE, type RedisServer, startRedisServer } from "../../helpers/redis-server.js";
import { type FakeSlack, startFakeSlack, waitFor } from "../../helpers/slack-fake.js";
import { type BotOnFake, SECRETS, startBotOn } from "../../helpers/slack-harness.js";
import { mention, message, newTs } from "../../helpers/slack-payloads.js";
import { sendEvent } from "../../helpers/slack-signed.js";

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);

const IN_SCOPE = "Where did Alibaba open offices in Europe?";
const signed = { secret: SECRETS.signing };

let redis: RedisServer;
let fake: FakeSlack;
let a: BotOnFake;
let b: BotOnFake;

const postsTo = (channel: string) => fake.callsTo("chat.postMessage").filter((c) => c.args.channel === channel);
const handled = () =>
  [...a.lines, ...b.lines].filter((l) => l.includes('"msg":"question","platform":"slack"') && !l.includes('"outcome":"duplicate"')).length;

describe.skipIf(!HAS_REDIS)("two Slack processes sharing Redis", () => {
  beforeAll(async () => {
    redis = await startRedisServer();
    fake = await startFakeSlack();
    const env = { REDIS_URL: redis.url, RATE_LIMIT_BURST: "3", RATE_LIMIT_PER_SECOND: "0.001" };
    a = await startBotOn(fake, env, createEngine({ knowledge: knowledge() }));
    b = await startBotOn(fake, env, createEngine({ knowledge: knowledge() }));
  });
  afterAll(async () => {
    await Promise.allSettled([a?.bot.stop(), b?.bot.stop()]);
    await fake?.close();
    await redis?.stop();
  });

  it("answers an event delivered to both processes exactly once (20 events, each sent to both at once)", async () => {
    const events = Array.from({ length: 20 }, (_, i) => mention({ text: IN_SCOPE, channel: `C0BOTH${i}`, user: `UBOTH${i}` }));
    const before = handled();
    const acks = await Promise.all(
      events.flatMap((ev) => [sendEvent(a.events, ev, signed), sendEvent(b.events, ev, { ...signed, retryNum: 1 })]),
    );
    expect(acks.every((r) => r.status === 200)).toBe(true);
    await waitFor(() => events.every((ev) => postsTo(ev.event.channel).length >= 1), "a reply to every event");
    // Let a duplicate show itself if there were one: a sentinel through each process, answered after.
    const sentinels = [
      mention({ text: IN_SCOPE, channel: "C0SENTA", user: "USENTA" }),
      mention({ text: IN_SCOPE, channel: "C0SENTB", user: "USENTB" }),
    ];
    await sendEvent(a.events, sentinels[0], signed);
    await sendEvent(b.events, sentinels[1], signed);
    await waitFor(() => postsTo("C0SENTA").length === 1 && postsTo("C0SENTB").length === 1, "the sentinels");
    for (const ev of events) expect(postsTo(ev.event.channel)).toHaveLength(1);
    // Each process logs a question after its reply is out: wait for the lines, then for any extra one.
    await waitFor(() => handled() - before >= 22, "a log line for every handled event");
    await new Promise((r) => setTimeout(r, 300));
    expect(handled() - before).toBe(22);
    // Both processes did some of the work (not one doing everything while the other dropped all).
    expect(a.lines.some((l) => l.includes('"msg":"question","platform":"slack"'))).toBe(true);
  });

  it("answers a DM post once when app_mention reaches one process and message the other", async () => {
    const ts = newTs();
    const asMention = mention({ text: IN_SCOPE, channel: "D0SPLIT", ts, user: "USPLIT" });
    const asMessage = message({ text: asMention.event.text, channel: "D0SPLIT", ts, user: "USPLIT" });
    await Promise.all([sendEvent(a.events, asMention, signed), sendEvent(b.events, asMessage, signed)]);
    await waitFor(() => postsTo("D0SPLIT").length >= 1, "the DM reply");
    await sendEvent(b.events, mention({ text: IN_SCOPE, channel: "C0SENTDM", user: "USENTDM" }), signed);
    await waitFor(() => postsTo("C0SENTDM").length === 1, "the sentinel");
    expect(postsTo("D0SPLIT")).toHaveLength(1);
  });

  it("resolves a follow-up sent to the second process against context created on the first", async () => {
    const first = mention({ text: "What is the first battlefield?", channel: "C0HOP", user: "UHOP" });
    await sendEvent(a.events, first, signed);
    await waitFor(() => postsTo("C0HOP")[0], "the first answer (process A)");
    await sendEvent(b.events, mention({ text: "who leads it?", channel: "C0HOP", thread_ts: first.event.ts, user: "UHOP" }), signed);
    const followUp = await waitFor(() => postsTo("C0HOP")[1], "the follow-up answer (process B)");
    expect(followUp.args.thread_ts).toBe(first.event.ts);
    expect(String(followUp.args.text)).toContain("Michael Evans");
    // And back to A, which must see B's turn (Michael Evans), not only its own (global imports).
    await sendEvent(
      a.events,
      mention({ text: "when was he appointed?", channel: "C0HOP", thread_ts: first.event.ts, user: "UHOP" }),
      signed,
    );
    const third = await waitFor(() => postsTo("C0HOP")[2], "the third answer (process A)");
    expect(String(third.args.text)).toMatch(/summer/i);
  });

  it("resolves a DM follow-up on the other process too", async () => {
    await sendEvent(b.events, message({ text: "What is the first battlefield?", channel: "D0HOP", user: "UDMHOP" }), signed);
    await waitFor(() => postsTo("D0HOP")[0], "the first DM answer (process B)");
    await sendEvent(a.events, message({ text: "who leads it?", channel: "D0HOP", user: "UDMHOP" }), signed);
    const followUp = await waitFor(() => postsTo("D0HOP")[1], "the DM follow-up (process A)");
    expect(String(followUp.args.text)).toContain("Michael Evans");
  });

  it("shares a user's rate budget between processes: told once, whichever process refuses", async () => {
    const before = handled();
    for (let i = 0; i < 6; i++) {
      const to = i % 2 === 0 ? a : b;
      await sendEvent(to.events, mention({ text: IN_SCOPE, channel: `C0RATE${i}`, user: "URATE01" }), signed);
      await waitFor(() => handled() >= before + i + 1, `message ${i + 1} handled`);
    }
    const replies = Array.from({ length: 6 }, (_, i) => postsTo(`C0RATE${i}`));
    const texts = replies.map((r) => (r[0] ? (/faster than I can answer/.test(String(r[0].args.text)) ? "slow" : "answer") : "silent"));
    expect(texts).toEqual(["answer", "answer", "answer", "slow", "silent", "silent"]);
  });
});
