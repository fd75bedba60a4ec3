/**
 * Issue 12, "SIGTERM while a 429 Retry-After holds replies", end to end: the compiled
 * `roadmap-bot start` as a child process, in HTTP mode against the loopback fake Slack, sharing a
 * real redis-server with a second process. The first process acknowledges a batch of signed events
 * whose replies Slack holds back (429, Retry-After a minute) and is sent SIGTERM: it must exit 0
 * within its shutdown budget (not wait out the Retry-After), log every event it could not answer as
 * handed back, and release their dedup claims, so that Slack's retry of each event, delivered to a
 * second process whose Web API is healthy, is answered exactly once.
 */

import { existsSync } from "node:fs";
import { createClient } from "redis";
import { afterEach, describe, expect, it } from "vitest";
import { HAS_REDIS, NO_REDIS_MESSAGE, type RedisServer, startRedisServer } from "../../helpers/redis-server.js";
import { type Run, runCli, stopCli } from "../../helpers/run-cli.js";
import { type FakeSlack, startFakeSlack, waitFor } from "../../helpers/slack-fake.js";
import { SECRETS } from "../../helpers/slack-harness.js";
import { mention } from "../../helpers/slack-payloads.js";
import { sendEvent } from "../../helpers/slack-signed.js";

const BUILT = existsSync(new URL("../../../dist/app/main.js", import.meta.url));
const IN_SCOPE = "Where did Alibaba open offices in Europe?";
const EVENTS = 20;
/** Far longer than the process allows itself to shut down (5 s): waiting it out would show. */
const RETRY_AFTER_S = 60;
/** The process's own bound (run-bots: exit within 5 s), plus room for a loaded CI machine. */
const EXIT_BOUND_MS = 15_000;
const signed = { secret: SECRETS.signing };

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);
if (!BUILT) console.warn("dist/ is not built: skipping the shutdown test (npm test builds it first)");

let runs: Run[] = [];
let fakes: FakeSlack[] = [];
let redis: RedisServer | undefined;
afterEach(async () => {
  await Promise.allSettled(runs.map((r) => stopCli(r)));
  await Promise.allSettled(fakes.map((f) => f.close()));
  await redis?.stop();
  runs = [];
  fakes = [];
  redis = undefined;
});

interface LogLine {
  msg?: string;
  outcome?: string;
  port?: number;
  questions?: number;
  deliveries?: string[];
}

const logLines = (run: Run): LogLine[] =>
  run
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as LogLine);

/** The bot process on `fake`, sharing `redis`; resolves with its events URL once it listens. */
async function startBot(fake: FakeSlack, redis: RedisServer): Promise<{ run: Run; base: string }> {
  const run = runCli(["start"], {
    SLACK_BOT_TOKEN: SECRETS.bot,
    SLACK_SIGNING_SECRET: SECRETS.signing,
    SLACK_PORT: "0",
    SLACK_API_URL: fake.apiUrl,
    REDIS_URL: redis.url,
  });
  runs.push(run);
  const port = await waitFor(() => logLines(run).find((l) => l.msg === "slack adapter started")?.port, "the adapter's start line", 30_000);
  return { run, base: `http://127.0.0.1:${port}` };
}

async function exitWithin(r: Run, ms: number): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running ${ms} ms after SIGTERM; output:\n${r.output()}`)), ms);
  });
  return Promise.race([r.exited, late]).finally(() => clearTimeout(timer));
}

describe.skipIf(!HAS_REDIS || !BUILT)("SIGTERM while a 429 Retry-After holds replies (the compiled bot, real Redis)", () => {
  it("hands back every acknowledged event it cannot answer, released and logged, and a retry elsewhere answers each once", async () => {
    const server = await startRedisServer();
    redis = server;
    const limited = await startFakeSlack();
    const healthy = await startFakeSlack();
    fakes.push(limited, healthy);
    // Every reply is refused for a minute: the Web API client waits out Retry-After before trying again.
    limited.failNext("chat.postMessage", { status: 429, retryAfter: RETRY_AFTER_S }, 10_000);

    const a = await startBot(limited, server);
    const events = Array.from({ length: EVENTS }, (_, i) => mention({ text: IN_SCOPE, channel: `C0DRAIN${i}`, user: `U0DRAIN${i}` }));
    const acks = await Promise.all(events.map((ev) => sendEvent(`${a.base}/slack/events`, ev, signed)));
    expect(acks.map((r) => r.status)).toEqual(events.map(() => 200));
    // Every event is past its dedup claim (counted as a question), and Slack is holding replies back.
    await waitForAsync(async () => {
      const health = (await (await fetch(`${a.base}/healthz`)).json()) as LogLine;
      return health.questions === EVENTS;
    }, "every event to be taken by the pipeline");
    await waitFor(() => limited.callsTo("chat.postMessage").length > 0, "a reply to meet the 429");

    a.run.child.kill("SIGTERM");
    expect(await exitWithin(a.run, EXIT_BOUND_MS)).toBe(0);

    // Each acknowledged event is answered, or logged as handed back: one line each, none dropped.
    const lines = logLines(a.run);
    const handedBack = lines.filter((l) => l.msg === "question handed back at shutdown");
    expect(handedBack.every((l) => l.outcome === "handed-back")).toBe(true);
    // The pipeline logs "question" once a reply is out; Slack let none through here.
    const answered = lines.filter((l) => l.msg === "question");
    expect(answered).toEqual([]);
    // Neither answered nor handed back would be a silent drop; two lines for one event would show as extra.
    expect(answered.length + handedBack.length).toBe(EVENTS);
    // Each line names its event: every event id is handed back exactly once.
    const named = handedBack.flatMap((l) => (l.deliveries ?? []).filter((d) => events.some((ev) => ev.event_id === d)));
    expect(named.sort()).toEqual(events.map((ev) => ev.event_id).sort());

    // Their dedup claims are gone from Redis, both the event id and the post's channel:ts.
    const client = createClient({ url: server.url });
    await client.connect();
    try {
      const keys = events.flatMap((ev) => [`roadmap-bot:seen:${ev.event_id}`, `roadmap-bot:seen:post:${ev.event.channel}:${ev.event.ts}`]);
      expect(await client.exists(keys)).toBe(0);
    } finally {
      await client.close();
    }

    // Slack retries each event; the load balancer sends it to another process, whose replies get through.
    const b = await startBot(healthy, server);
    const postsTo = (channel: string) => healthy.callsTo("chat.postMessage").filter((c) => c.args.channel === channel);
    for (const retryNum of [1, 2]) {
      const retried = await Promise.all(events.map((ev) => sendEvent(`${b.base}/slack/events`, ev, { ...signed, retryNum })));
      expect(retried.map((r) => r.status)).toEqual(events.map(() => 200));
      await waitFor(() => events.every((ev) => postsTo(ev.event.channel).length > 0), "an answer to every retried event", 30_000);
    }
    // A sentinel answered after the second round of retries: a double answer would have shown by now.
    const sentinel = mention({ text: IN_SCOPE, channel: "C0SENTINEL", user: "U0SENTINEL" });
    await sendEvent(`${b.base}/slack/events`, sentinel, signed);
    await waitFor(() => postsTo("C0SENTINEL").length === 1, "the sentinel's answer", 30_000);
    await waitFor(
      () => logLines(b.run).filter((l) => l.msg === "question" && l.outcome === "duplicate").length === EVENTS,
      "the second round of retries to be refused as duplicates",
    );
    for (const ev of events) {
      const posts = postsTo(ev.event.channel);
      expect(posts).toHaveLength(1);
      expect(posts[0]?.args.thread_ts).toBe(ev.event.ts);
    }
  }, 120_000);
});

/** `waitFor` for a check that must await (an HTTP request). */
async function waitForAsync(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
