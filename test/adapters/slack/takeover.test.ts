/**
 * Issue 12, end to end with a real redis-server and two Slack processes on one fake: a process that
 * took an event and died before replying loses nothing, because its claim is only a lease; and a
 * Redis restarted empty does not make a process answer again what it already answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../../src/index.js";
import { knowledge } from "../../helpers/knowledge.js";
import { HAS_REDIS, NO_REDIS_MESSAGE, type RedisServer, startRedisServer } from "../../helpers/redis-server.js";
import { type FakeSlack, startFakeSlack, waitFor } from "../../helpers/slack-fake.js";
import { type BotOnFake, SECRETS, startBotOn } from "../../helpers/slack-harness.js";
import { mention } from "../../helpers/slack-payloads.js";
import { sendEvent } from "../../helpers/slack-signed.js";

const signed = { secret: SECRETS.signing };
const IN_SCOPE = "Where did Alibaba open offices in Europe?";
const LEASE_MS = 400;

let redis: RedisServer;
let fake: FakeSlack;
let a: BotOnFake;
let b: BotOnFake;

describe.skipIf(!HAS_REDIS)("at-least-once delivery across processes", () => {
  beforeAll(async () => {
    redis = await startRedisServer();
    fake = await startFakeSlack();
    const env = { REDIS_URL: redis.url, RATE_LIMIT_BURST: "off" };
    a = await startBotOn(fake, env, createEngine({ knowledge: knowledge() }), { leaseMs: LEASE_MS });
    b = await startBotOn(fake, env, createEngine({ knowledge: knowledge() }), { leaseMs: LEASE_MS });
  });
  afterAll(async () => {
    await Promise.allSettled([a?.bot.stop(), b?.bot.stop()]);
    await fake?.close();
    await redis?.stop();
  });

  it("an event taken by a process that never replies is answered by the retry, once its lease has lapsed", async () => {
    const posts = () => fake.callsTo("chat.postMessage").filter((c) => c.args.channel === "C0TAKEOVER");
    // Process A takes the event, and its reply never comes back (as if A had died mid-answer).
    fake.delayNext("chat.postMessage", 60_000);
    const event = mention({ text: IN_SCOPE, channel: "C0TAKEOVER" });
    expect((await sendEvent(a.events, event, signed)).status).toBe(200);
    await waitFor(() => fake.requests.some((r) => r.includes("chat.postMessage")), "A's reply to be on its way");
    // Slack retries the same event at B while A's claim is still fresh: not answered twice...
    expect((await sendEvent(b.events, event, { ...signed, retryNum: 1 })).status).toBe(200);
    await waitFor(() => b.lines.some((l) => l.includes('"outcome":"duplicate"')), "B to see the claim");
    // ...and once A's lease has lapsed, the next retry is answered.
    await new Promise((r) => setTimeout(r, LEASE_MS + 200));
    expect((await sendEvent(b.events, event, { ...signed, retryNum: 2 })).status).toBe(200);
    const reply = await waitFor(() => posts()[0], "B's answer to the retry");
    expect(reply.args.thread_ts).toBe(event.event.ts);
    // B logs the question once its reply is out (after the fake has recorded the post).
    await waitFor(() => b.lines.some((l) => l.includes('"outcome":"fact"')), "B's log line for the answer");
  });

  it("after Redis restarts empty, a process does not answer again what it already answered", async () => {
    const event = mention({ text: IN_SCOPE, channel: "C0RESTART" });
    const posts = () => fake.callsTo("chat.postMessage").filter((c) => c.args.channel === "C0RESTART");
    await sendEvent(a.events, event, signed);
    await waitFor(() => posts()[0], "the first answer");
    // FLUSHALL stands in for a restart that lost every key.
    const { createClient } = await import("redis");
    const client = createClient({ url: redis.url });
    await client.connect();
    await client.flushAll();
    await client.close();
    await sendEvent(a.events, event, { ...signed, retryNum: 1 });
    await waitFor(() => a.lines.some((l) => l.includes('"outcome":"duplicate"')), "A to refuse the retry");
    await new Promise((r) => setTimeout(r, 300));
    expect(posts()).toHaveLength(1);
  });
});

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);
