/**
 * Starts the loopback fake Discord and the real bot (through `startDiscord`, so through the real
 * discord.js client) and offers helpers to send events and wait for what the bot did.
 */
import { startDiscord } from "../../adapters/discord/index.js";
import type { PipelineOptions, RateLimiter } from "../../chat/index.js";
import { createLogger, type Logger } from "../../chat/logger.js";
import type { Engine } from "../../src/index.js";
import { testPipeline } from "./bot.js";
import { APP_ID, BOT, CHANNEL_ID, FAKE_TOKEN, FakeDiscord, GUILD_ID, type RecordedRequest, waitFor } from "./discord-fake.js";
import { type FakeUser, fakeUser, messageCreate } from "./discord-payloads.js";

export { APP_ID, BOT, CHANNEL_ID, FAKE_TOKEN, GUILD_ID } from "./discord-fake.js";
export const DM_CHANNEL_ID = "444444444444444444";
export const ALICE = fakeUser("555555555555555555", "alice");
export const OTHER_BOT = fakeUser("666666666666666666", "noisy-bot", true);
export const BOB = fakeUser("999999999999999999", "bob");

export interface Harness {
  fake: FakeDiscord;
  logs: string[];
  logger: Logger;
  stop(): Promise<void>;
  /** Where Alice talks: a guild channel, or her DM with the bot. */
  inGuild: { applicationId: string; user: FakeUser; channelId: string; guildId: string };
  inDm: { applicationId: string; user: FakeUser; channelId: string };
  /** Waits for the first request after `from` that matches. */
  waitForRequest(match: (r: RecordedRequest) => boolean, what: string, from?: number): Promise<RecordedRequest>;
  /** Sends a mention of the bot in the guild channel, from Alice unless another user is given. */
  mention(text: string, user?: FakeUser): ReturnType<typeof messageCreate>;
}

/** A loopback fake Discord with the test application, bot, guild and channel; `token` is the one it accepts. */
export function startFakeDiscord(token = FAKE_TOKEN): Promise<FakeDiscord> {
  return new FakeDiscord({ token, applicationId: APP_ID, bot: BOT, guildId: GUILD_ID, channelId: CHANNEL_ID }).start();
}

/**
 * Starts the fake and the bot. Rate limiting is off unless `env` sets RATE_LIMIT_*: most tests ask
 * many questions as one user, and the rate-limit tests turn it on themselves. `rateLimiter` injects
 * a limiter instead (as the CLI could).
 */
export async function startHarness(
  engine: Engine,
  env: Record<string, string | undefined> = {},
  extra: { rateLimiter?: RateLimiter; onUnanswered?: PipelineOptions["onUnanswered"] } = {},
): Promise<Harness> {
  const fake = await startFakeDiscord();
  const logs: string[] = [];
  const logger = createLogger({ level: "debug", write: (line) => logs.push(line) });
  let bot: Awaited<ReturnType<typeof startDiscord>> | undefined;
  try {
    const fullEnv = {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      RATE_LIMIT_BURST: "off",
      ...env,
    };
    const { pipeline, store } = await testPipeline(engine, fullEnv, logger, extra.rateLimiter, extra.onUnanswered);
    const started = await startDiscord({ pipeline, engine: () => engine, logger, env: fullEnv });
    bot = {
      stop: async () => {
        await started.stop();
        await store.close();
      },
    };
    // Events before ClientReady would be queued by discord.js anyway; waiting keeps failures clear.
    await waitFor(() => logs.some((l) => l.includes('"discord ready"')), "discord.js to become ready");
  } catch (err) {
    await bot?.stop();
    await fake.close();
    throw err;
  }
  const h: Harness = {
    fake,
    logs,
    logger,
    async stop() {
      await bot?.stop();
      await fake.close();
    },
    inGuild: { applicationId: APP_ID, user: ALICE, channelId: CHANNEL_ID, guildId: GUILD_ID },
    inDm: { applicationId: APP_ID, user: ALICE, channelId: DM_CHANNEL_ID },
    waitForRequest: (match, what, from = 0) => waitFor(() => fake.requests.slice(from).find(match), what),
    mention(text, user = ALICE) {
      const payload = messageCreate({ user, channelId: CHANNEL_ID, guildId: GUILD_ID, content: text, mentions: [BOT] });
      fake.dispatch("MESSAGE_CREATE", payload);
      return payload;
    },
  };
  return h;
}

/**
 * The answer to one interaction as the user sees it: the callback's data, or, when the bot deferred
 * (callback type 5), the edit of the deferred message.
 */
// biome-ignore lint/suspicious/noExplicitAny: the recorded bodies are loose JSON.
export async function answerTo(h: Harness, interaction: { id: string; token: string }): Promise<any> {
  const callback = await h.waitForRequest(isCallbackFor(interaction.id), "a callback");
  if (callback.body.type !== 5) return callback.body.data;
  const edit = await h.waitForRequest(
    (r) => r.method === "PATCH" && new RegExp(`^/webhooks/[^/]+/${interaction.token}/messages/(@|%40)original$`).test(r.path),
    "the deferred answer",
  );
  return edit.body;
}

/** The callback for one interaction id (its response to Discord). */
export function isCallbackFor(interactionId: string) {
  return (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${interactionId}/`);
}
