/**
 * Slack scenario: signed `app_mention` events at the bot's HTTP endpoint.
 *
 * Starts the loopback fake Slack (test/helpers/slack-fake.ts), runs the compiled
 * `roadmap-bot slack` in HTTP mode against it, then sends N distinct signed app_mention events to
 * /slack/events with about C in flight over keep-alive connections. Reports events/s, p50/p99
 * acknowledgement latency (the HTTP response), p50/p99 latency to the reply (until the fake records
 * the chat.postMessage for that event), replies, duplicates and lost events, and the bot's CPU per
 * event. Bounded in count and time; loopback only. Passes when nothing was lost or answered twice.
 *
 * Mixed in: LOAD_HEAVY_USERS users (default 5) whose every question is long, typo-laden text (the
 * engine's most expensive kind), one event in twenty, within their rate limits. After the run,
 * LOAD_RETRIES of the measured events (default 200) are delivered again as Slack retries
 * (`X-Slack-Retry-Num: 1`): none may be answered again.
 *
 * Baseline, measured in the same run right after the bot: the same offered load (rate, concurrency,
 * payloads, warm-up) against a stock Bolt app on the same fake whose handler does no engine work
 * (slack-baseline-app.ts: ack, then one constant reply), LOAD_BASELINE_EVENTS events (default 1000;
 * 0: no baseline). Its ack p50/p99/max, answered/s and CPU per event print beside the bot's.
 *
 * Environment: LOAD_EVENTS (default 5000), LOAD_CONCURRENCY (50), LOAD_MAX_SECONDS (120),
 * LOAD_RATE (offered events/s, open loop; default 500; 0: as fast as the acks come back), LOAD_WARMUP
 * (200, not counted), LOAD_REDIS_URL (optional: run the bot with REDIS_URL), LOAD_BOT_NODE_ARGS
 * (node flags for the bot, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SECRETS, startFakeSlack } from "../test/helpers/slack-fake.js";
import { mention } from "../test/helpers/slack-payloads.js";
import { sign } from "../test/helpers/slack-signed.js";
import { type BotProcess, startBot, startSlackBaseline } from "./bot-process.js";
import { fixed, percentile, sleep } from "./stats.js";
import type { Row } from "./table.js";

export interface SlackLoadOptions {
  events: number;
  concurrency: number;
  maxSeconds: number;
  /** Offered events/s (open loop, still at most `concurrency` in flight); 0: as fast as acks allow. */
  rate: number;
  /** Events sent first and not counted. */
  warmup: number;
  redisUrl?: string;
  botNodeArgs: string[];
  logLevel: string;
  /** Users whose questions are long and typo-laden, one event in twenty. */
  heavyUsers: number;
  /** Measured events delivered again after the run, as Slack retries. */
  retries: number;
  /** Events for the baseline app (0: none). */
  baselineEvents: number;
}

const QUESTIONS = [
  "Where did Alibaba open offices in Europe?",
  "What are Alibaba's three key battlefields for 2016?",
  "What is the first battlefield?",
  "Who leads the international strategy?",
  "阿里巴巴在欧洲开了哪些办公室？",
  "What is the rural e-commerce plan?",
];

export function slackOptionsFromEnv(env: NodeJS.ProcessEnv): SlackLoadOptions {
  const int = (name: string, fallback: number, max: number) => Math.min(max, Math.max(1, Number.parseInt(env[name] ?? "", 10) || fallback));
  return {
    events: int("LOAD_EVENTS", 5000, 100_000),
    concurrency: int("LOAD_CONCURRENCY", 50, 500),
    maxSeconds: int("LOAD_MAX_SECONDS", 120, 600),
    rate: env.LOAD_RATE === undefined ? 500 : Math.max(0, Number(env.LOAD_RATE) || 0),
    warmup: Math.max(0, Number.parseInt(env.LOAD_WARMUP ?? "200", 10) || 0),
    ...(env.LOAD_REDIS_URL ? { redisUrl: env.LOAD_REDIS_URL } : {}),
    botNodeArgs: (env.LOAD_BOT_NODE_ARGS ?? "").split(/\s+/).filter(Boolean),
    logLevel: env.LOG_LEVEL ?? "info",
    heavyUsers: Math.max(0, Number.parseInt(env.LOAD_HEAVY_USERS ?? "5", 10) || 0),
    retries: Math.max(0, Number.parseInt(env.LOAD_RETRIES ?? "200", 10) || 0),
    baselineEvents: Math.min(100_000, Math.max(0, Number.parseInt(env.LOAD_BASELINE_EVENTS ?? "1000", 10) || 0)),
  };
}

export interface SlackReport {
  events: number;
  sent: number;
  concurrency: number;
  warmup: number;
  offeredRate: number | "max";
  redis: boolean;
  eventsPerSecondAcked: number;
  eventsPerSecondAnswered: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  replyP50Ms: number;
  replyP99Ms: number;
  repliesReceived: number;
  duplicates: number;
  lost: number;
  non200Acks: number;
  botLogLines: number;
  botWarnings: number;
  botCpuMsPerEvent: number;
  driverCpuMsPerEvent: number;
  seconds: number;
  heavyUsers: number;
  heavyEvents: number;
  retriesSent: number;
  /** Replies posted for the retries: must be 0. */
  retriesAnswered: number;
  /** The stock Bolt app with a constant reply, under the same offered load, in the same run. */
  baseline?: SlackBaseline;
}

/** The baseline's figures that print beside the bot's. */
export type SlackBaseline = Pick<
  SlackReport,
  "events" | "sent" | "repliesReceived" | "ackP50Ms" | "ackP99Ms" | "ackMaxMs" | "eventsPerSecondAnswered" | "botCpuMsPerEvent"
>;

/** Long, typo-laden text near the 1,000-character limit: the most work a question can cost. */
const HEAVY =
  "hi all!! quick qestion for the team, context first: we are prepearing a long internal memo abuot cross-border ecommerce and " +
  "our analyst desk keeps mixing up the diffrent announcements from the big chinese marketplaces last winter, so i want to be " +
  "sure we cite the right things in the apendix. there were notes about imports, about the largest citys, about villages and " +
  "about fake goods and counterfits, and also some people names and offices abroad that nobody on the team remembers exactly. " +
  "sorry for the wall of text, it has been a long week and the deadline is tomorow morning. anyway, the actual question is: " +
  "wich execs are running the internatonal expansion and where exactly did they open the europan offices, in wich citys?? thx";

/** One timed run of `count` events: when each was sent, its ack time, and its reply key (the event ts). */
interface Run {
  t0: number;
  sendMs: number;
  sent: number;
  failed: number;
  sentAt: number[];
  ackMs: number[];
  keys: string[];
}

const freePort = async (): Promise<number> => {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
};

/** The bot under the offered load, then (unless LOAD_BASELINE_EVENTS=0) the baseline app under the same. */
export async function slackMentions(o: SlackLoadOptions): Promise<SlackReport> {
  const report = await measure(o, (env) => startBot("slack", env, o.botNodeArgs));
  if (o.baselineEvents === 0) return report;
  // The same rate, concurrency, payloads and warm-up; no retries (the baseline does not deduplicate).
  const b = await measure({ ...o, events: o.baselineEvents, retries: 0 }, startSlackBaseline);
  const { events, sent, repliesReceived, ackP50Ms, ackP99Ms, ackMaxMs, eventsPerSecondAnswered, botCpuMsPerEvent } = b;
  return {
    ...report,
    baseline: { events, sent, repliesReceived, ackP50Ms, ackP99Ms, ackMaxMs, eventsPerSecondAnswered, botCpuMsPerEvent },
  };
}

/** One process under the load: `start` runs it against the fake with the environment it is given. */
async function measure(o: SlackLoadOptions, start: (env: Record<string, string>) => BotProcess): Promise<SlackReport> {
  const started = Date.now();
  // Distinct per invocation: a second run against the same Redis must not look like redeliveries.
  const nonce = (started % 1_000_000).toString(36);
  const deadline = started + o.maxSeconds * 1000;
  const timeLeft = () => deadline - Date.now();

  // The fake's chat.postMessage calls, by the thread they answer: when the first came, and how many.
  const replies = new Map<string, { at: number; count: number }>();
  let posts = 0;
  const fake = await startFakeSlack({
    onCall(call) {
      if (call.method !== "chat.postMessage") return;
      posts += 1;
      const key = String(call.args.thread_ts ?? call.args.channel);
      const seen = replies.get(key);
      if (seen) seen.count += 1;
      else replies.set(key, { at: performance.now(), count: 1 });
    },
  });
  const botPort = await freePort();
  const work = mkdtempSync(join(tmpdir(), "roadmap-load-"));
  const bot = start({
    HOME: process.env.HOME ?? "",
    SLACK_BOT_TOKEN: SECRETS.bot,
    SLACK_SIGNING_SECRET: SECRETS.signing,
    SLACK_PORT: String(botPort),
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: o.logLevel,
    UNANSWERED_LOG: join(work, "unanswered.jsonl"),
    ...(o.redisUrl ? { REDIS_URL: o.redisUrl } : {}),
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const base = `http://127.0.0.1:${botPort}`;

  const request = (path: string, method: string, body?: string, headers: http.OutgoingHttpHeaders = {}) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}${path}`, { method, agent, headers }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.setTimeout(10_000, () => req.destroy(new Error("request timed out")));
      req.on("error", reject);
      req.end(body);
    });

  const waitUntilHealthy = async () => {
    const until = Date.now() + Math.min(30_000, timeLeft());
    while (Date.now() < until) {
      if (bot.exit) throw new Error(`the bot exited (${JSON.stringify(bot.exit)}):\n${bot.tail}`);
      if ((await request("/healthz", "GET").catch(() => 0)) === 200) return;
      await sleep(100);
    }
    throw new Error(`the bot did not serve /healthz within 30 s:\n${bot.tail}`);
  };

  /** One distinct app_mention: its own event id, user, channel and ts (the reply's thread_ts). */
  const heavy = (i: number) => o.heavyUsers > 0 && i % 20 === 7;
  const mentionEvent = (run: number, i: number) => {
    const ts = `${1700000000 + i}.${String(run).padStart(3, "0")}${String(i % 1000).padStart(3, "0")}${nonce}`;
    const payload = mention({
      text: heavy(i) ? HEAVY : (QUESTIONS[i % QUESTIONS.length] ?? ""),
      ts,
      // Heavy users ask many times each (their budget allows 60); everyone else asks once.
      user: heavy(i) ? `UHEAVY${nonce}${run}x${Math.floor(i / 20) % o.heavyUsers}` : `ULOAD${nonce}${run}x${i}`,
      channel: `CLOAD${i % 97}`,
      event_id: `EvLOAD${nonce}${run}x${i}`,
    });
    return { ts, body: JSON.stringify(payload) };
  };

  /** Sends `count` events with `concurrency` workers; returns per-event timings. */
  const run = async (runId: number, count: number): Promise<Run> => {
    const sentAt = new Array<number>(count).fill(0);
    const ackMs = new Array<number>(count).fill(0);
    const keys = new Array<string>(count).fill("");
    let next = 0;
    let failed = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (next < count && timeLeft() > 0) {
        const i = next++;
        if (o.rate > 0) {
          const due = t0 + (i * 1000) / o.rate - performance.now();
          if (due > 1) await sleep(due);
        }
        const { ts, body } = mentionEvent(runId, i);
        keys[i] = ts;
        const stamp = Math.floor(Date.now() / 1000);
        const headers = {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-slack-request-timestamp": String(stamp),
          "x-slack-signature": sign(SECRETS.signing, stamp, body),
        };
        sentAt[i] = performance.now();
        const status = await request("/slack/events", "POST", body, headers).catch(() => 0);
        ackMs[i] = performance.now() - (sentAt[i] ?? 0);
        if (status !== 200) failed += 1;
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, worker));
    const sendMs = performance.now() - t0;
    const sent = next;
    // Every reply, or the time budget (at most 30 s after the last send).
    const until = Math.min(deadline, Date.now() + 30_000);
    while (Date.now() < until && keys.slice(0, sent).some((k) => !replies.has(k))) await sleep(20);
    return { t0, sendMs, sent, failed, sentAt, ackMs, keys };
  };

  try {
    await waitUntilHealthy();
    if (o.warmup > 0) await run(0, o.warmup);
    const postsBefore = posts;
    const logsBefore = bot.lines;
    const cpuBefore = bot.cpuMs();
    const selfBefore = process.cpuUsage();
    const r = await run(1, o.events);
    const botCpuPerEvent = (bot.cpuMs() - cpuBefore) / o.events;
    const self = process.cpuUsage(selfBefore);
    const driverCpuPerEvent = (self.user + self.system) / 1000 / o.events;
    const replyMs: number[] = [];
    let received = 0;
    let duplicates = 0;
    let lastReply = 0;
    for (let i = 0; i < r.sent; i++) {
      const seen = replies.get(r.keys[i] ?? "");
      if (!seen) continue;
      received += 1;
      duplicates += seen.count - 1;
      replyMs.push(seen.at - (r.sentAt[i] ?? 0));
      lastReply = Math.max(lastReply, seen.at);
    }
    // A short quiet period: a late duplicate would show up as extra posts.
    await sleep(500);
    const extraPosts = posts - postsBefore - received;
    // Slack's retries of events already answered, delivered after the run: none may be answered again.
    const retried = Array.from({ length: Math.min(o.retries, r.sent) }, (_, k) => Math.floor((k * r.sent) / Math.min(o.retries, r.sent)));
    const postsBeforeRetries = posts;
    for (const i of retried) {
      const { body } = mentionEvent(1, i);
      const stamp = Math.floor(Date.now() / 1000);
      await request("/slack/events", "POST", body, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "x-slack-request-timestamp": String(stamp),
        "x-slack-signature": sign(SECRETS.signing, stamp, body),
        "x-slack-retry-num": "1",
        "x-slack-retry-reason": "http_timeout",
      }).catch(() => 0);
    }
    if (retried.length > 0) await sleep(2000);
    const retriesAnswered = posts - postsBeforeRetries;
    const wallToLastReply = Math.max(r.sendMs, lastReply - r.t0);
    const acks = r.ackMs.slice(0, r.sent);
    return {
      events: o.events,
      sent: r.sent,
      concurrency: o.concurrency,
      warmup: o.warmup,
      offeredRate: o.rate || "max",
      redis: Boolean(o.redisUrl),
      eventsPerSecondAcked: Math.round(r.sent / (r.sendMs / 1000)),
      eventsPerSecondAnswered: Math.round(received / (wallToLastReply / 1000)),
      ackP50Ms: Number(fixed(percentile(acks, 50))),
      ackP99Ms: Number(fixed(percentile(acks, 99))),
      ackMaxMs: Number(fixed(Math.max(...acks))),
      replyP50Ms: Number(fixed(percentile(replyMs, 50))),
      replyP99Ms: Number(fixed(percentile(replyMs, 99))),
      repliesReceived: received,
      duplicates: duplicates + Math.max(0, extraPosts - duplicates),
      lost: o.events - received,
      non200Acks: r.failed,
      botLogLines: bot.lines - logsBefore,
      botWarnings: bot.warnings + bot.errors,
      botCpuMsPerEvent: Number(botCpuPerEvent.toFixed(3)),
      driverCpuMsPerEvent: Number(driverCpuPerEvent.toFixed(3)),
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
      heavyUsers: o.heavyUsers,
      heavyEvents: Array.from({ length: r.sent }, (_, i) => i).filter(heavy).length,
      retriesSent: retried.length,
      retriesAnswered,
    };
  } finally {
    await bot.stop();
    agent.destroy();
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export const slackPassed = (r: SlackReport): boolean =>
  r.lost === 0 && r.duplicates === 0 && r.non200Acks === 0 && r.sent === r.events && r.retriesAnswered === 0;

export function slackTitle(r: SlackReport): string {
  const how = `${r.offeredRate === "max" ? ", closed loop" : `, offered ${r.offeredRate} events/s`}${r.redis ? ", REDIS_URL set" : ""}`;
  return `Slack HTTP load: ${r.sent}/${r.events} signed app_mention events, concurrency ${r.concurrency}${how} (after ${r.warmup} warm-up events)`;
}

export function slackRows(r: SlackReport): Row[] {
  const rows: Row[] = [
    ["throughput, acknowledged", `${r.eventsPerSecondAcked} events/s`],
    ["throughput, answered", `${r.eventsPerSecondAnswered} events/s`],
    ["ack latency (HTTP response) p50 / p99 / max", `${r.ackP50Ms} / ${r.ackP99Ms} / ${r.ackMaxMs} ms`],
    ["reply latency (until chat.postMessage) p50 / p99", `${r.replyP50Ms} / ${r.replyP99Ms} ms`],
    ["replies / duplicates / lost / non-200 acks", `${r.repliesReceived} / ${r.duplicates} / ${r.lost} / ${r.non200Acks}`],
    ["CPU-heavy users mixed in (long, typo-laden questions)", `${r.heavyUsers} users, ${r.heavyEvents} events`],
    ["Slack retries of answered events, after the run / answered again", `${r.retriesSent} / ${r.retriesAnswered}`],
    [
      "bot CPU per event (user + system)",
      `${fixed(r.botCpuMsPerEvent)} ms (about ${Math.round(1000 / r.botCpuMsPerEvent)} events/s per core)`,
    ],
    ["load driver + fake Web API CPU per event", `${fixed(r.driverCpuMsPerEvent)} ms`],
    ...baselineRows(r),
    ["bot log lines (measured run) / warnings", `${r.botLogLines} / ${r.botWarnings}`],
  ];
  if (!(r.eventsPerSecondAcked >= 500 && r.ackP99Ms < 1000))
    rows.push(["target (>= 500 events/s offered and acked, ack p99 < 1 s)", "below"]);
  return rows;
}

/** The bot's figures, and the baseline's beside them: ack p50 / p99 / max · answered/s · CPU per event. */
function baselineRows(r: SlackReport): Row[] {
  const b = r.baseline;
  if (!b) return [];
  const figures = (x: SlackBaseline) =>
    `${x.ackP50Ms} / ${x.ackP99Ms} / ${x.ackMaxMs} ms · ${x.eventsPerSecondAnswered} events/s · ${fixed(x.botCpuMsPerEvent)} ms`;
  return [
    [`roadmap-bot (${r.sent} events): ack p50 / p99 / max · answered · CPU per event`, figures(r)],
    [`baseline, stock Bolt app with a constant reply (${b.sent} events, ${b.repliesReceived} answered): the same`, figures(b)],
  ];
}
