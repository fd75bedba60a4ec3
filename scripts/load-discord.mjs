#!/usr/bin/env node
/**
 * Discord load run: a bounded burst of /ask interactions through a loopback gateway.
 *
 * Starts, on 127.0.0.1, a fake Discord (REST under /api/v10 and a v10 JSON gateway), then the real
 * bot as a child process (`node bin/roadmap-bot.js discord`, DISCORD_API_URL pointing at the fake),
 * waits until it answers, and delivers N INTERACTION_CREATE dispatches (a burst, or paced with
 * --rate). It measures interactions per second and the latency from each dispatch to that
 * interaction's callback, and checks that every interaction got exactly one callback: none lost,
 * none answered twice. Exits 1 when any was lost or doubled, or the run hit its time bound.
 *
 *   node scripts/load-discord.mjs [--count 2000] [--rate 0] [--users 0] [--timeout 60] [--json]
 *
 * --count    interactions to send (1..20000; default 2000)
 * --rate     interactions per second to pace at; 0 sends the whole burst at once (default)
 * --users    distinct users to spread them over; 0 gives each interaction its own user (default),
 *            so the bot's per-user rate limit (on, at its defaults) refuses none
 * --timeout  seconds the whole run may take (1..300; default 60)
 * --json     print only the summary as one JSON line
 *
 * Needs a build (`npm run build`) and the `ws` dev dependency. Loopback only; no token needed.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocketServer } from "ws";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = fileURLToPath(new URL("../bin/roadmap-bot.js", import.meta.url));

const TOKEN = "LOAD.TEST.DISCORD-TOKEN";
const APP_ID = "111111111111111111";
const GUILD_ID = "222222222222222222";
const CHANNEL_ID = "333333333333333333";
const BOT = { id: APP_ID, username: "roadmap-bot", discriminator: "0", global_name: "roadmap-bot", avatar: null, bot: true };
// A mix like a real server's: facts, follow-up-free out-of-scope, Chinese, and an ambiguous one.
const QUESTIONS = [
  "Where did Alibaba open offices in Europe?",
  "What are the three battlefields?",
  "Who is Alibaba's chairman?",
  "阿里巴巴在欧洲开了哪些办公室？",
  "How many active shoppers does Alibaba have?",
  "headquarters and offices",
  "What is the first battlefield?",
  "生鲜进口",
];

function parseArgs(argv) {
  const opts = { count: 2000, rate: 0, users: 0, timeout: 60, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") opts.json = true;
    else if (["--count", "--rate", "--users", "--timeout"].includes(arg)) opts[arg.slice(2)] = Number(argv[++i]);
    else throw new Error(`load-discord: unknown argument ${arg}`);
  }
  const bad = (name, lo, hi) => !Number.isInteger(opts[name]) || opts[name] < lo || opts[name] > hi;
  if (bad("count", 1, 20_000)) throw new Error("load-discord: --count must be an integer from 1 to 20000");
  if (bad("timeout", 1, 300)) throw new Error("load-discord: --timeout must be an integer from 1 to 300 (seconds)");
  if (!(opts.rate >= 0 && opts.rate <= 100_000)) throw new Error("load-discord: --rate must be from 0 to 100000");
  if (bad("users", 0, 1_000_000)) throw new Error("load-discord: --users must be a non-negative integer");
  return opts;
}

let idCounter = 0n;
const nextId = () => ((1_700_000_000_000n - 1_420_070_400_000n) * 4_194_304n + ++idCounter).toString();
const userId = (n) => (900_000_000_000_000_000n + BigInt(n)).toString();

function guild() {
  return {
    id: GUILD_ID, name: "Load Test Server", icon: null, owner_id: APP_ID, afk_timeout: 300, verification_level: 0,
    default_message_notifications: 0, explicit_content_filter: 0, features: [], mfa_level: 0, system_channel_flags: 0,
    premium_tier: 0, preferred_locale: "en-US", nsfw_level: 0, joined_at: new Date().toISOString(), large: false,
    unavailable: false, member_count: 2, members: [], voice_states: [], presences: [], threads: [], stage_instances: [],
    guild_scheduled_events: [], emojis: [], stickers: [],
    roles: [{ id: GUILD_ID, name: "@everyone", permissions: "3072", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    channels: [{ id: CHANNEL_ID, type: 0, name: "general", position: 0, permission_overwrites: [], parent_id: null, nsfw: false }],
  };
}

function askInteraction(n, user) {
  const id = nextId();
  const u = { id: userId(user), username: `user${user}`, discriminator: "0", global_name: `user${user}`, avatar: null };
  return {
    id, application_id: APP_ID, type: 2, token: `interaction-token-${id}`, version: 1, locale: "en-US", app_permissions: "0",
    entitlements: [], authorizing_integration_owners: { 0: GUILD_ID }, context: 0, channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" }, guild_id: GUILD_ID, guild_locale: "en-US",
    member: { user: u, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, permissions: "3072" },
    data: { id: nextId(), name: "ask", type: 1, options: [{ name: "question", type: 3, value: QUESTIONS[n % QUESTIONS.length] }] },
  };
}

/** The fake Discord: records, per interaction id, when each callback arrived and what it said. */
function startFake() {
  const callbacks = new Map(); // id -> [{ at, type, ephemeral, mentionsOk }]
  let edits = 0;
  let socket;
  let seq = 0;
  let onIdentify = () => {};
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const at = performance.now();
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname.replace(/^\/api\/v10/, "");
      const route = `${req.method} ${path}`;
      const json = (status, body) => {
        res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const callback = route.match(/^POST \/interactions\/(\d+)\/[^/]+\/callback$/);
      if (callback) {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        const list = callbacks.get(callback[1]) ?? [];
        const mentions = body.data?.allowed_mentions;
        list.push({ at, type: body.type, ephemeral: Boolean((body.data?.flags ?? 0) & 64), mentionsOk: body.type === 5 || (Array.isArray(mentions?.parse) && mentions.parse.length === 0) });
        callbacks.set(callback[1], list);
        return json(204);
      }
      if (req.headers.authorization !== `Bot ${TOKEN}` && !path.startsWith("/webhooks/")) return json(401, { message: "401: Unauthorized", code: 0 });
      if (route === "GET /gateway/bot") {
        return json(200, { url: `ws://127.0.0.1:${server.address().port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } });
      }
      if (route === "GET /users/@me") return json(200, BOT);
      if (route === "GET /applications/@me") return json(200, { id: APP_ID, name: "roadmap-bot", flags: 0 });
      if (/^PATCH \/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(route)) {
        edits++;
        return json(200, { id: nextId(), channel_id: CHANNEL_ID, author: BOT, content: "", embeds: [], components: [], attachments: [], mentions: [], mention_roles: [], mention_everyone: false, pinned: false, tts: false, timestamp: new Date().toISOString(), edited_timestamp: null, flags: 0, type: 0 });
      }
      return json(404, { message: "404: Not Found", code: 0 });
    });
  });
  let connections = 0;
  server.on("connection", () => connections++);
  const wss = new WebSocketServer({ server });
  wss.on("connection", (ws) => {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on("message", (raw) => {
      const frame = JSON.parse(String(raw));
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (frame.op === 2) {
        socket = ws;
        seq = 0;
        const send = (t, d) => ws.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
        send("READY", { v: 10, user: BOT, guilds: [{ id: GUILD_ID, unavailable: true }], session_id: `session-${nextId()}`, resume_gateway_url: `ws://127.0.0.1:${server.address().port}`, application: { id: APP_ID, flags: 0 }, shard: [0, 1] });
        send("GUILD_CREATE", guild());
        onIdentify();
      }
    });
  });
  return {
    callbacks,
    edits: () => edits,
    /** TCP connections the bot opened to the fake (REST and gateway). */
    connections: () => connections,
    identified: new Promise((resolve) => {
      onIdentify = resolve;
    }),
    listen: () => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}/api`))),
    /** Sends one dispatch; returns when it was handed to the socket (performance.now()). */
    dispatch(t, d) {
      socket.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
      return performance.now();
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check, deadline, what) {
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`load-discord: timed out waiting for ${what}`);
    await sleep(10);
  }
}
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : Number.NaN);
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const deadline = performance.now() + opts.timeout * 1000;
  const say = opts.json ? () => {} : (line) => process.stdout.write(`${line}\n`);
  const fake = startFake();
  const apiUrl = await fake.listen();
  // Only what the bot needs: no credentials from the shell, rate limiting at its defaults. Its
  // unanswered log goes to a temporary file, as load-slack's does: the repository's is for real people.
  const child = spawn(process.execPath, [BIN, "discord"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: apiUrl,
      LOG_LEVEL: "info",
      UNANSWERED_LOG: join(mkdtempSync(join(tmpdir(), "roadmap-load-")), "unanswered.jsonl"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let logLines = 0;
  let errorLines = 0;
  let tail = "";
  const onOutput = (chunk) => {
    const text = String(chunk);
    tail = (tail + text).slice(-2000);
    for (const line of text.split("\n")) {
      if (!line) continue;
      logLines++;
      if (line.includes('"level":"error"')) errorLines++;
    }
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  let result;
  try {
    await new Promise((resolve, reject) => {
      // Settling twice is a no-op, so the later exit (after SIGTERM) rejects nothing.
      const timer = setTimeout(() => reject(new Error("load-discord: the bot did not connect in time")), opts.timeout * 1000);
      fake.identified.then(() => {
        clearTimeout(timer);
        resolve();
      });
      exited.then(({ code }) => {
        clearTimeout(timer);
        reject(new Error(`load-discord: the bot exited (${code}) before connecting:\n${tail}`));
      });
    });
    // Warm up (and prove the bot is ready): a few interactions, answered before the clock starts.
    const warm = Array.from({ length: 16 }, (_, n) => askInteraction(n, 1_000_000 + n));
    for (const i of warm) fake.dispatch("INTERACTION_CREATE", i);
    await until(() => warm.every((i) => fake.callbacks.has(i.id)), deadline, "the warm-up interactions");
    say(`load-discord: bot ready; sending ${opts.count} /ask interactions ${opts.rate ? `at ${opts.rate}/s` : "in one burst"}`);

    const sent = [];
    const started = performance.now();
    for (let n = 0; n < opts.count; n++) {
      if (opts.rate) {
        const due = started + (n / opts.rate) * 1000;
        if (due - performance.now() > 1) await sleep(due - performance.now());
      } else if (n % 200 === 199) {
        // Let the socket flush between chunks so dispatch times stay honest.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const interaction = askInteraction(n, opts.users ? n % opts.users : n);
      sent.push({ id: interaction.id, at: fake.dispatch("INTERACTION_CREATE", interaction) });
    }
    const sentAll = performance.now();
    let timedOut = false;
    try {
      await until(() => sent.every((s) => fake.callbacks.has(s.id)), deadline, "every callback");
    } catch {
      timedOut = true;
    }
    const finished = performance.now();
    // A grace period, so that a duplicate arriving late is still counted.
    await sleep(Math.min(500, Math.max(0, deadline - performance.now())));

    const latencies = [];
    let lost = 0;
    let doubled = 0;
    let deferred = 0;
    let refused = 0;
    let mentionsNotNone = 0;
    for (const s of sent) {
      const list = fake.callbacks.get(s.id) ?? [];
      if (list.length === 0) lost++;
      if (list.length > 1) doubled++;
      const first = list[0];
      if (!first) continue;
      latencies.push(first.at - s.at);
      if (first.type === 5) deferred++;
      if (first.ephemeral) refused++;
      if (!list.every((c) => c.mentionsOk)) mentionsNotNone++;
    }
    latencies.sort((a, b) => a - b);
    const seconds = (finished - started) / 1000;
    result = {
      platform: "discord",
      count: opts.count,
      mode: opts.rate ? `paced ${opts.rate}/s` : "burst",
      users: opts.users || opts.count,
      answered: opts.count - lost,
      lost,
      answeredTwice: doubled,
      deferred,
      ephemeral: refused,
      allowedMentionsNotNone: mentionsNotNone,
      sendMs: round(sentAll - started),
      totalMs: round(finished - started),
      perSecond: round((opts.count - lost) / seconds, 0),
      latencyMs: { min: round(latencies[0] ?? Number.NaN), p50: round(percentile(latencies, 50)), p90: round(percentile(latencies, 90)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? Number.NaN) },
      restConnections: fake.connections(),
      botErrorLogLines: errorLines,
      botLogLines: logLines,
      timedOut,
      node: process.version,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    // The CLI exits within 5 s of SIGTERM; past 6 s, kill it (our own child, by its PID).
    let timer;
    const stopped = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 6000)))]);
    clearTimeout(timer);
    if (!stopped) child.kill("SIGKILL");
    const exit = await exited;
    if (result) result.botExit = exit.signal ?? exit.code;
    await fake.close();
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const r = result;
    say(`load-discord: ${r.answered}/${r.count} answered in ${r.totalMs} ms: ${r.perSecond} interactions/s`);
    say(`load-discord: dispatch → callback latency p50 ${r.latencyMs.p50} ms, p90 ${r.latencyMs.p90} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms`);
    say(`load-discord: lost ${r.lost}, answered twice ${r.answeredTwice}, deferred ${r.deferred}, ephemeral ${r.ephemeral}, allowed_mentions not none ${r.allowedMentionsNotNone}, bot error lines ${r.botErrorLogLines}, bot exit ${r.botExit}`);
    say(JSON.stringify(r));
  }
  const ok = result.botExit === 0 && result.lost === 0 && result.answeredTwice === 0 && !result.timedOut && result.allowedMentionsNotNone === 0;
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
