#!/usr/bin/env node
/**
 * `npm run load`: a loopback load test of the Slack adapter in HTTP mode.
 *
 * Starts a fake Slack Web API on 127.0.0.1 (auth.test, chat.postMessage), runs the compiled
 * `node bin/roadmap-bot.js slack` in a child process pointed at it, then sends N distinct signed
 * app_mention events to /slack/events with about C in flight over keep-alive connections. Reports
 * events/s, p50/p99 acknowledgement latency (the HTTP response), p50/p99 latency to the reply (until
 * the fake records the chat.postMessage for that event), replies, duplicates and lost events.
 * Bounded in count and time; loopback only. Exits non-zero if anything was lost or answered twice.
 *
 * Environment: LOAD_EVENTS (default 5000), LOAD_CONCURRENCY (50), LOAD_MAX_SECONDS (120),
 * LOAD_RATE (offered events/s, open loop; default: as fast as the acks come back), LOAD_WARMUP (200, not counted), LOAD_REDIS_URL (optional: run the bot with REDIS_URL),
 * LOAD_BOT_NODE_ARGS (node flags for the bot, e.g. --cpu-prof to profile it).
 */
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const int = (name, fallback, max) => Math.min(max, Math.max(1, Number.parseInt(process.env[name] ?? "", 10) || fallback));
const N = int("LOAD_EVENTS", 5000, 100_000);
const CONCURRENCY = int("LOAD_CONCURRENCY", 50, 500);
const MAX_MS = int("LOAD_MAX_SECONDS", 120, 600) * 1000;
// Offered load in events/s (open loop, still at most CONCURRENCY in flight); 0: as fast as acks allow.
const RATE = Math.max(0, Number(process.env.LOAD_RATE) || 0);
const WARMUP = Math.max(0, Number.parseInt(process.env.LOAD_WARMUP ?? "200", 10) || 0);
const SECRET = "load-test-signing-secret";
const TOKEN = "xoxb-load-test-token";
const QUESTIONS = [
  "Where did Alibaba open offices in Europe?",
  "What are Alibaba's three key battlefields for 2016?",
  "What is the first battlefield?",
  "Who leads the international strategy?",
  "阿里巴巴在欧洲开了哪些办公室？",
  "What is the rural e-commerce plan?",
];

const started = Date.now();
// Distinct per invocation: a second run against the same Redis must not look like redeliveries.
const NONCE = (started % 1_000_000).toString(36);
const deadline = started + MAX_MS;
const timeLeft = () => deadline - Date.now();

// ---- the fake Web API: records each chat.postMessage by the thread it answers ----
const replies = new Map(); // thread_ts -> { at, count }
let posts = 0;
let tsCounter = 0;
const fake = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0];
    const raw = Buffer.concat(chunks).toString("utf8");
    const args = req.headers["content-type"]?.includes("json") ? JSON.parse(raw || "{}") : Object.fromEntries(new URLSearchParams(raw));
    let body = { ok: true };
    if (method === "auth.test") {
      body = { ok: true, team_id: "T0LOAD", user_id: "UBOTLOAD", bot_id: "BBOTLOAD", user: "roadmap-bot", team: "Load" };
    } else if (method === "chat.postMessage") {
      posts += 1;
      const key = String(args.thread_ts ?? args.channel);
      const seen = replies.get(key);
      if (seen) seen.count += 1;
      else replies.set(key, { at: performance.now(), count: 1 });
      tsCounter += 1;
      body = { ok: true, channel: args.channel, ts: `1800000000.${String(tsCounter).padStart(6, "0")}` };
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
});

const listen = (server) => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port)));
const freePort = async () => {
  const s = http.createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
};

const fakePort = await listen(fake);
const botPort = await freePort();
const work = mkdtempSync(join(tmpdir(), "roadmap-load-"));
const childEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  SLACK_BOT_TOKEN: TOKEN,
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_PORT: String(botPort),
  SLACK_API_URL: `http://127.0.0.1:${fakePort}/api/`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  UNANSWERED_LOG: join(work, "unanswered.jsonl"),
  ...(process.env.LOAD_REDIS_URL ? { REDIS_URL: process.env.LOAD_REDIS_URL } : {}),
};
// For profiling the bot under load, e.g. LOAD_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
const nodeArgs = (process.env.LOAD_BOT_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
const child = spawn(process.execPath, [...nodeArgs, join(root, "bin/roadmap-bot.js"), "slack"], {
  cwd: root,
  env: childEnv,
  stdio: ["ignore", "ignore", "pipe"],
});
let childLog = "";
let logLines = 0;
let warnLines = 0;
child.stderr.on("data", (d) => {
  const s = String(d);
  for (const ch of s) if (ch === "\n") logLines += 1;
  warnLines += s.split(/"level":"(?:warn|error)"/).length - 1;
  childLog = (childLog + s).slice(-4000);
});
let childExit;
child.on("exit", (code, signal) => {
  childExit = { code, signal };
});

/** The bot's CPU time so far (user + system, ms), from /proc: a figure other load on the machine does not skew. */
function botCpuMs() {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks, USER_HZ = 100 on Linux
  } catch {
    return Number.NaN;
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const base = `http://127.0.0.1:${botPort}`;

function request(path, method, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.setTimeout(10_000, () => req.destroy(new Error("request timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

async function waitUntilHealthy() {
  const until = Date.now() + Math.min(30_000, timeLeft());
  while (Date.now() < until) {
    if (childExit) throw new Error(`the bot exited (${JSON.stringify(childExit)}):\n${childLog}`);
    const status = await request("/healthz", "GET").catch(() => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the bot did not serve /healthz within 30 s:\n${childLog}`);
}

const sign = (ts, body) => `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;

/** One distinct app_mention: its own event id, user, channel and ts (the reply's thread_ts). */
function mentionEvent(run, i) {
  const ts = `${1700000000 + i}.${String(run).padStart(3, "0")}${String(i % 1000).padStart(3, "0")}${NONCE}`;
  const event = {
    type: "app_mention",
    user: `ULOAD${NONCE}${run}x${i}`,
    text: `<@UBOTLOAD> ${QUESTIONS[i % QUESTIONS.length]}`,
    ts,
    channel: `CLOAD${i % 97}`,
    event_ts: ts,
    team: "T0LOAD",
  };
  const body = JSON.stringify({
    token: "legacy",
    team_id: "T0LOAD",
    api_app_id: "A0LOAD",
    event,
    type: "event_callback",
    event_id: `EvLOAD${NONCE}${run}x${i}`,
    event_time: Math.floor(Date.now() / 1000),
  });
  return { ts, body };
}

/** Sends `count` events with `CONCURRENCY` workers; returns per-event timings. */
async function run(runId, count) {
  const sentAt = new Array(count);
  const ackMs = new Array(count);
  const keys = new Array(count);
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < count && timeLeft() > 0) {
      const i = next++;
      if (RATE > 0) {
        const due = t0 + (i * 1000) / RATE - performance.now();
        if (due > 1) await new Promise((r) => setTimeout(r, due));
      }
      const { ts, body } = mentionEvent(runId, i);
      keys[i] = ts;
      const stamp = Math.floor(Date.now() / 1000);
      const headers = {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "x-slack-request-timestamp": String(stamp),
        "x-slack-signature": sign(stamp, body),
      };
      sentAt[i] = performance.now();
      const status = await request("/slack/events", "POST", body, headers).catch(() => 0);
      ackMs[i] = performance.now() - sentAt[i];
      if (status !== 200) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const sendMs = performance.now() - t0;
  const sent = next;
  // Every reply, or the time budget (at most 30 s after the last send).
  const until = Math.min(deadline, Date.now() + 30_000);
  while (Date.now() < until && keys.slice(0, sent).some((k) => !replies.has(k))) await new Promise((r) => setTimeout(r, 20));
  const lastReply = Math.max(...keys.slice(0, sent).map((k) => replies.get(k)?.at ?? 0));
  return { t0, sendMs, sent, failed, sentAt, ackMs, keys, lastReply };
}

const pct = (xs, p) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");

let exitCode = 1;
try {
  await waitUntilHealthy();
  if (WARMUP > 0) await run(0, WARMUP);
  const postsBefore = posts;
  const logsBefore = logLines;
  const cpuBefore = botCpuMs();
  const selfBefore = process.cpuUsage();
  const r = await run(1, N);
  const botCpuPerEvent = (botCpuMs() - cpuBefore) / N;
  const self = process.cpuUsage(selfBefore);
  const driverCpuPerEvent = (self.user + self.system) / 1000 / N;
  const replyMs = [];
  let received = 0;
  let duplicates = 0;
  for (let i = 0; i < r.sent; i++) {
    const seen = replies.get(r.keys[i]);
    if (!seen) continue;
    received += 1;
    duplicates += seen.count - 1;
    replyMs.push(seen.at - r.sentAt[i]);
  }
  const lost = N - received;
  // A short quiet period: a late duplicate would show up as extra posts.
  await new Promise((res) => setTimeout(res, 500));
  const extraPosts = posts - postsBefore - received;
  const wallToLastReply = Math.max(r.sendMs, r.lastReply - r.t0);
  const report = {
    events: N,
    sent: r.sent,
    concurrency: CONCURRENCY,
    warmup: WARMUP,
    offeredRate: RATE || "max",
    redis: Boolean(process.env.LOAD_REDIS_URL),
    eventsPerSecondAcked: Math.round(r.sent / (r.sendMs / 1000)),
    eventsPerSecondAnswered: Math.round(received / (wallToLastReply / 1000)),
    ackP50Ms: Number(f(pct(r.ackMs.slice(0, r.sent), 50))),
    ackP99Ms: Number(f(pct(r.ackMs.slice(0, r.sent), 99))),
    ackMaxMs: Number(f(Math.max(...r.ackMs.slice(0, r.sent)))),
    replyP50Ms: Number(f(pct(replyMs, 50))),
    replyP99Ms: Number(f(pct(replyMs, 99))),
    repliesReceived: received,
    duplicates: duplicates + Math.max(0, extraPosts - duplicates),
    lost,
    non200Acks: r.failed,
    botLogLines: logLines - logsBefore,
    botWarnings: warnLines,
    botCpuMsPerEvent: Number(botCpuPerEvent.toFixed(3)),
    driverCpuMsPerEvent: Number(driverCpuPerEvent.toFixed(3)),
    seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
  };
  console.log(
    [
      `Slack HTTP load: ${report.sent}/${N} signed app_mention events, concurrency ${CONCURRENCY}${RATE ? `, offered ${RATE} events/s` : ", closed loop"}${report.redis ? ", REDIS_URL set" : ""} (after ${WARMUP} warm-up events)`,
      `  throughput: ${report.eventsPerSecondAcked} events/s acknowledged, ${report.eventsPerSecondAnswered} events/s answered`,
      `  ack latency (HTTP response): p50 ${report.ackP50Ms} ms, p99 ${report.ackP99Ms} ms, max ${report.ackMaxMs} ms`,
      `  reply latency (until chat.postMessage): p50 ${report.replyP50Ms} ms, p99 ${report.replyP99Ms} ms`,
      `  replies ${received}, duplicates ${report.duplicates}, lost ${lost}, non-200 acks ${r.failed}`,
      `  bot CPU: ${f(botCpuPerEvent)} ms per event (user + system; about ${Math.round(1000 / botCpuPerEvent)} events/s per core); load driver + fake Web API: ${f(driverCpuPerEvent)} ms per event`,
      `  JSON: ${JSON.stringify(report)}`,
    ].join("\n"),
  );
  const target = report.eventsPerSecondAcked >= 500 && report.ackP99Ms < 100;
  if (!target) console.log("  below target (>= 500 events/s, p99 ack < 100 ms)");
  exitCode = lost === 0 && report.duplicates === 0 && r.failed === 0 && r.sent === N ? 0 : 1;
} catch (error) {
  console.error(`load: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  child.kill("SIGTERM");
  const until = Date.now() + 6000;
  while (!childExit && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  if (!childExit) child.kill("SIGKILL");
  agent.destroy();
  fake.closeAllConnections();
  await new Promise((r) => fake.close(r));
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
