/**
 * Discord scenario: a bounded burst of /ask interactions through the loopback gateway.
 *
 * Starts the loopback fake Discord (test/helpers/discord-fake.ts: REST under /api/v10 and a v10
 * JSON gateway), then the compiled bot (`roadmap-bot discord`, DISCORD_API_URL pointing at the
 * fake), waits until it answers, and delivers N INTERACTION_CREATE dispatches (a burst, or paced
 * with --rate). It measures interactions per second and the latency from each dispatch to that
 * interaction's callback, and checks that every interaction got exactly one callback: none lost,
 * none answered twice. Fails when any was lost or doubled, or the run hit its time bound.
 *
 *   --count    interactions to send (1..20000; default 2000)
 *   --rate     interactions per second to pace at; 0 sends the whole burst at once (default)
 *   --users    distinct users to spread them over; 0 gives each interaction its own user (default),
 *              so the bot's per-user rate limit (on, at its defaults) refuses none
 *   --timeout  seconds the whole run may take (1..300; default 60)
 */
import { APP_ID, BOT, CHANNEL_ID, FAKE_TOKEN, FakeDiscord, GUILD_ID, type RecordedRequest } from "../test/helpers/discord-fake.js";
import { fakeUser, slashCommand } from "../test/helpers/discord-payloads.js";
import { startBot } from "./bot-process.js";
import { percentile, round, sleep } from "./stats.js";
import type { Row } from "./table.js";

export interface DiscordLoadOptions {
  count: number;
  rate: number;
  users: number;
  timeout: number;
}

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

/** Reads --count, --rate, --users and --timeout; throws on anything out of bounds, before anything starts. */
export function discordOptionsFromArgs(flags: ReadonlyMap<string, string>): DiscordLoadOptions {
  const number = (name: string, fallback: number) => (flags.has(name) ? Number(flags.get(name)) : fallback);
  const o = { count: number("count", 2000), rate: number("rate", 0), users: number("users", 0), timeout: number("timeout", 60) };
  const bad = (x: number, lo: number, hi: number) => !Number.isInteger(x) || x < lo || x > hi;
  if (bad(o.count, 1, 20_000)) throw new Error("--count must be an integer from 1 to 20000");
  if (bad(o.timeout, 1, 300)) throw new Error("--timeout must be an integer from 1 to 300 (seconds)");
  if (!(o.rate >= 0 && o.rate <= 100_000)) throw new Error("--rate must be from 0 to 100000");
  if (bad(o.users, 0, 1_000_000)) throw new Error("--users must be a non-negative integer");
  return o;
}

export interface DiscordReport {
  platform: "discord";
  count: number;
  mode: string;
  users: number;
  answered: number;
  lost: number;
  answeredTwice: number;
  deferred: number;
  ephemeral: number;
  allowedMentionsNotNone: number;
  sendMs: number;
  totalMs: number;
  perSecond: number;
  latencyMs: { min: number; p50: number; p90: number; p99: number; max: number };
  restConnections: number;
  botErrorLogLines: number;
  botLogLines: number;
  timedOut: boolean;
  node: string;
  botExit?: string | number | null;
}

/** One interaction callback as the fake answered it. */
interface Callback {
  at: number;
  type: number;
  ephemeral: boolean;
  /** A deferral, or a reply that mentions nobody (allowed_mentions.parse empty). */
  mentionsOk: boolean;
}

const userId = (n: number) => (900_000_000_000_000_000n + BigInt(n)).toString();

function askInteraction(n: number, user: number) {
  const where = { applicationId: APP_ID, user: fakeUser(userId(user), `user${user}`), channelId: CHANNEL_ID, guildId: GUILD_ID };
  return slashCommand(where, "ask", [{ name: "question", type: 3, value: QUESTIONS[n % QUESTIONS.length] ?? "" }]);
}

async function until(check: () => boolean, deadline: number, what: string): Promise<void> {
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** `progress` gets a line when the bot is ready and the burst starts. */
export async function discordAskBurst(o: DiscordLoadOptions, progress: (line: string) => void): Promise<DiscordReport> {
  const deadline = performance.now() + o.timeout * 1000;
  const callbacks = new Map<string, Callback[]>();
  // A deferred interaction is answered when its deferred message is edited: by interaction token.
  const tokens = new Map<string, string>();
  const edited = new Map<string, number>();
  const onRequest = (r: RecordedRequest) => {
    const edit = r.method === "PATCH" ? r.path.match(/^\/webhooks\/[^/]+\/([^/]+)\/messages\/(?:@|%40)original$/)?.[1] : undefined;
    const editOf = edit ? tokens.get(edit) : undefined;
    if (editOf && r.status !== undefined && r.status < 300) edited.set(editOf, performance.now());
    const id = r.method === "POST" ? r.path.match(/^\/interactions\/(\d+)\/[^/]+\/callback$/)?.[1] : undefined;
    if (!id) return;
    const data = r.body?.data;
    const mentions = data?.allowed_mentions;
    const list = callbacks.get(id) ?? [];
    list.push({
      at: performance.now(),
      type: r.body?.type,
      ephemeral: Boolean((data?.flags ?? 0) & 64),
      mentionsOk: r.body?.type === 5 || (Array.isArray(mentions?.parse) && mentions.parse.length === 0),
    });
    callbacks.set(id, list);
  };
  const fake = await new FakeDiscord({
    token: FAKE_TOKEN,
    applicationId: APP_ID,
    bot: BOT,
    guildId: GUILD_ID,
    channelId: CHANNEL_ID,
    onRequest,
  }).start();
  // Rate limiting at its defaults.
  const bot = startBot("discord", {
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: "info",
    // The team's own load run never writes to the curator's unanswered log.
    UNANSWERED_LOG: "off",
  });
  let report: DiscordReport | undefined;
  try {
    const connectBy = performance.now() + o.timeout * 1000;
    while (!fake.identified) {
      if (bot.exit) throw new Error(`the bot exited (${bot.exit.code}) before connecting:\n${bot.tail}`);
      if (performance.now() > connectBy) throw new Error("the bot did not connect in time");
      await sleep(10);
    }
    // Warm up (and prove the bot is ready): a few interactions, answered before the clock starts.
    const warm = Array.from({ length: 16 }, (_, n) => askInteraction(n, 1_000_000 + n));
    for (const i of warm) fake.dispatch("INTERACTION_CREATE", i);
    await until(() => warm.every((i) => callbacks.has(i.id)), deadline, "the warm-up interactions");
    progress(`load discord: bot ready; sending ${o.count} /ask interactions ${o.rate ? `at ${o.rate}/s` : "in one burst"}`);

    const sent: { id: string; at: number }[] = [];
    const started = performance.now();
    for (let n = 0; n < o.count; n++) {
      if (o.rate) {
        const due = started + (n / o.rate) * 1000;
        if (due - performance.now() > 1) await sleep(due - performance.now());
      } else if (n % 200 === 199) {
        // Let the socket flush between chunks so dispatch times stay honest.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const interaction = askInteraction(n, o.users ? n % o.users : n);
      tokens.set(interaction.token, interaction.id);
      fake.dispatch("INTERACTION_CREATE", interaction);
      sent.push({ id: interaction.id, at: performance.now() });
    }
    const sentAll = performance.now();
    let timedOut = false;
    try {
      // Every interaction answered: a reply in its callback, or the edit of its deferred message.
      const final = (id: string) => callbacks.get(id)?.[0]?.type === 4 || edited.has(id);
      await until(() => sent.every((s) => final(s.id)), deadline, "every answer");
    } catch {
      timedOut = true;
    }
    const finished = performance.now();
    // A grace period, so that a duplicate arriving late is still counted.
    await sleep(Math.min(500, Math.max(0, deadline - performance.now())));

    const latencies: number[] = [];
    let lost = 0;
    let doubled = 0;
    let deferred = 0;
    let ephemeral = 0;
    let mentionsNotNone = 0;
    for (const s of sent) {
      const list = callbacks.get(s.id) ?? [];
      if (list.length === 0 || (list[0]?.type === 5 && !edited.has(s.id))) lost++;
      if (list.length > 1) doubled++;
      const first = list[0];
      if (!first) continue;
      // Until the answer itself: the callback, or the edit that replaced a deferral.
      latencies.push((first.type === 5 ? (edited.get(s.id) ?? first.at) : first.at) - s.at);
      if (first.type === 5) deferred++;
      if (first.ephemeral) ephemeral++;
      if (!list.every((c) => c.mentionsOk)) mentionsNotNone++;
    }
    latencies.sort((a, b) => a - b);
    report = {
      platform: "discord",
      count: o.count,
      mode: o.rate ? `paced ${o.rate}/s` : "burst",
      users: o.users || o.count,
      answered: o.count - lost,
      lost,
      answeredTwice: doubled,
      deferred,
      ephemeral,
      allowedMentionsNotNone: mentionsNotNone,
      sendMs: round(sentAll - started),
      totalMs: round(finished - started),
      perSecond: round((o.count - lost) / ((finished - started) / 1000), 0),
      latencyMs: {
        min: round(latencies[0] ?? Number.NaN),
        p50: round(percentile(latencies, 50)),
        p90: round(percentile(latencies, 90)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? Number.NaN),
      },
      restConnections: fake.connections,
      botErrorLogLines: bot.errors,
      botLogLines: bot.lines,
      timedOut,
      node: process.version,
    };
  } finally {
    const exit = await bot.stop();
    if (report) report.botExit = exit.signal ?? exit.code;
    await fake.close();
  }
  return report;
}

export const discordPassed = (r: DiscordReport): boolean =>
  r.botExit === 0 && r.lost === 0 && r.answeredTwice === 0 && !r.timedOut && r.allowedMentionsNotNone === 0;

export const discordTitle = (r: DiscordReport): string => `Discord gateway load: ${r.count} /ask interactions, ${r.mode}, ${r.users} users`;

export function discordRows(r: DiscordReport): Row[] {
  const l = r.latencyMs;
  return [
    ["answered", `${r.answered}/${r.count} in ${r.totalMs} ms (sent in ${r.sendMs} ms)`],
    ["throughput", `${r.perSecond} interactions/s`],
    ["dispatch → answer latency p50 / p90 / p99", `${l.p50} / ${l.p90} / ${l.p99} ms`],
    ["dispatch → answer latency min / max", `${l.min} / ${l.max} ms`],
    ["lost / answered twice", `${r.lost} / ${r.answeredTwice}`],
    ["deferred / ephemeral", `${r.deferred} / ${r.ephemeral}`],
    ["allowed_mentions not none", String(r.allowedMentionsNotNone)],
    ["TCP connections to the fake (REST and gateway)", String(r.restConnections)],
    ["bot log lines / error lines", `${r.botLogLines} / ${r.botErrorLogLines}`],
    ["bot exit", String(r.botExit)],
    ["timed out", r.timedOut ? "yes" : "no"],
  ];
}
