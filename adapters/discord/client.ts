import { Client, Events, GatewayIntentBits, type GatewayMessageCreateDispatchData, Options, Partials } from "discord.js";
import type { Logger, Pipeline } from "../../chat/index.js";
import type { Engine } from "../../src/index.js";
import type { DiscordConfig } from "./config.js";
import type { HandlerContext } from "./context.js";
import { handleInteraction } from "./interactions.js";
import { answerMessage, fromMessage, fromRaw, replyTo, replyToRaw } from "./messages.js";
import { patchDispatch } from "./packets.js";
import { QuestionMemory } from "./question-memory.js";
import { restOptions } from "./rest-options.js";

/** A running Discord bot. */
export interface DiscordBot {
  readonly client: Client;
  /** Connects and resolves once the gateway session is established (READY). */
  start(): Promise<void>;
  /** Stops taking events, lets replies in flight finish (bounded), then disconnects. */
  stop(): Promise<void>;
}

export interface DiscordBotOptions {
  pipeline: Pipeline;
  /** The engine in use, for autocomplete, /topics and /about (a function: hot reload swaps it). */
  engine: () => Engine;
  config: DiscordConfig;
  logger: Logger;
  /** Defer interactions whose answer takes longer than this (ms); Discord allows 3 s. */
  deferAfterMs?: number;
}

// The CLI allows 5 s for a graceful exit; leave room for the disconnect after draining.
const DRAIN_TIMEOUT_MS = 3_000;

/** Builds the discord.js client and wires the handlers; nothing connects until `start()`. */
export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { config, logger } = options;
  logger.redact(config.token);
  const client = new Client({
    // Slash commands need only Guilds; GuildMessages brings mentions (with content, no privileged
    // Message Content intent needed for those) and DirectMessages brings DMs.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // Without the Channel partial discord.js drops DMs from channels it has not cached.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    rest: restOptions(config),
    // The bot never reads history; keep few messages per channel so memory stays flat.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 10 }),
  });
  const ctx: HandlerContext = {
    pipeline: options.pipeline,
    engine: options.engine,
    logger,
    questions: new QuestionMemory(),
    deferAfterMs: options.deferAfterMs ?? 1_500,
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const track = (work: Promise<void>) => {
    const p = work.catch((err: unknown) => logger.error("discord handler failed", { error: logger.scrub(String(err)) }));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) track(handleInteraction(ctx, interaction));
  });
  // Which path brings a message in: the ids discord.js delivered since the last turn of the event
  // loop (the raw path below takes the others). Routing only; repeats are the pipeline's to refuse.
  let deliveredThisTurn = new Set<string>();
  client.on(Events.MessageCreate, (message) => {
    const botId = client.user?.id;
    if (deliveredThisTurn.size === 0) setImmediate(() => setImmediate(() => (deliveredThisTurn = new Set())));
    deliveredThisTurn.add(message.id);
    if (!stopping && botId) track(answerMessage(ctx, fromMessage(message, botId), botId, replyTo(message)).then(() => undefined));
  });
  // discord.js drops a MESSAGE_CREATE whose channel it cannot build (a DM without channel_type, a
  // guild channel it has not cached). Once ready it emits MessageCreate synchronously right after
  // Raw, so a message not delivered by the next turn was dropped: answer it from the raw payload.
  client.on(Events.Raw, (packet: { t?: string; d?: GatewayMessageCreateDispatchData }) => {
    patchDispatch(packet as Parameters<typeof patchDispatch>[0]);
    const d = packet.d;
    if (packet.t !== "MESSAGE_CREATE" || !d?.author || !client.isReady()) return;
    setImmediate(() => {
      if (stopping || deliveredThisTurn.has(d.id) || !client.user) return;
      const incoming = fromRaw(d, client.user.id);
      track(answerMessage(ctx, incoming, client.user.id, replyToRaw(client, incoming)).then(() => undefined));
    });
  });
  client.once(Events.ClientReady, (ready) => {
    logger.info("discord ready", { platform: "discord", user: ready.user.tag, guilds: ready.guilds.cache.size });
  });
  client.on(Events.Error, (err) => logger.error("discord client error", { error: logger.scrub(err.message) }));
  client.on(Events.Warn, (msg) => logger.warn("discord warning", { message: logger.scrub(msg) }));
  client.on(Events.ShardError, (err) => logger.warn("discord gateway error", { error: logger.scrub(err.message) }));
  client.on(Events.ShardDisconnect, (event) => logger.error("discord gateway closed for good", { code: event.code }));
  // discord.js resumes (or identifies anew) by itself after a dropped gateway; say so in the logs.
  client.on(Events.ShardReconnecting, () => logger.warn("discord gateway reconnecting", { platform: "discord" }));
  client.on(Events.ShardResume, (_shard, replayed) => logger.info("discord gateway resumed", { platform: "discord", replayed }));
  if (logger.level === "debug") client.on(Events.Debug, (msg) => logger.debug("discord.js", { message: logger.scrub(msg) }));

  return {
    client,
    async start() {
      try {
        await client.login(config.token);
      } catch (err) {
        const message = logger.scrub(err instanceof Error ? err.message : String(err));
        throw new Error(`Discord: could not connect: ${message}`);
      }
    },
    async stop() {
      stopping = true;
      const drained = Promise.allSettled([...inFlight]);
      await Promise.race([drained, new Promise((r) => setTimeout(r, DRAIN_TIMEOUT_MS).unref())]);
      await client.destroy();
      logger.info("discord stopped", { platform: "discord" });
    },
  };
}
