/** Platform errors, bad configuration and secrets, through the real discord.js client. */

import { afterEach, describe, expect, it } from "vitest";
import { startDiscord } from "../../../adapters/discord/index.js";
import { createLogger } from "../../../chat/logger.js";
import { RoadmapBotError } from "../../../src/index.js";
import { botParts } from "../../helpers/bot.js";
import { IN_SCOPE, realEngine } from "../../helpers/discord-engine.js";
import { type RecordedRequest, waitFor } from "../../helpers/discord-fake.js";
import {
  APP_ID,
  BOT,
  CHANNEL_ID,
  FAKE_TOKEN,
  type Harness,
  isCallbackFor,
  startFakeDiscord,
  startHarness,
} from "../../helpers/discord-harness.js";
import { slashCommand } from "../../helpers/discord-payloads.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const callbacks = (id: string) => (h?.fake.requests ?? []).filter(isCallbackFor(id));

function ask(harness: Harness) {
  const interaction = slashCommand(harness.inGuild, "ask", [{ name: "question", type: 3, value: IN_SCOPE }]);
  harness.fake.dispatch("INTERACTION_CREATE", interaction);
  return interaction;
}

describe("platform errors while replying", () => {
  it("retries a reply that got HTTP 500", async () => {
    h = await startHarness(realEngine());
    h.fake.failNext("POST", /^\/interactions\/.+\/callback$/, 500);
    const i = ask(h);
    await h.waitForRequest((r) => isCallbackFor(i.id)(r) && r.status === 204, "the retried callback");
    expect(callbacks(i.id).map((r) => r.status)).toEqual([500, 204]);
  });

  it("waits out a 429 Retry-After, then retries", async () => {
    h = await startHarness(realEngine());
    h.fake.failNext("POST", /^\/channels\/\d+\/messages$/, 429, 1, 0.3);
    const sent = h.mention(`<@${BOT.id}> ${IN_SCOPE}`);
    const isReply = (r: RecordedRequest) =>
      r.path === `/channels/${CHANNEL_ID}/messages` && r.body?.message_reference?.message_id === sent.id;
    await h.waitForRequest((r) => isReply(r) && r.status === 200, "the reply after the rate limit");
    const attempts = h.fake.requests.filter(isReply);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
  });

  it("logs a reply that keeps failing, apologises, and keeps serving others", async () => {
    h = await startHarness(realEngine());
    // One first try plus three retries, all 500: the reply fails for good.
    h.fake.failNext("POST", /^\/interactions\/.+\/callback$/, 500, 4);
    const failed = ask(h);
    await h.waitForRequest((r) => isCallbackFor(failed.id)(r) && r.status === 204, "the apology");
    const apology = callbacks(failed.id).at(-1);
    expect(apology?.body.data.flags & 64).toBe(64);
    expect(h.logs.some((l) => l.includes('"question failed"'))).toBe(true);
    const next = ask(h);
    const ok = await h.waitForRequest((r) => isCallbackFor(next.id)(r) && r.status === 204, "the next answer");
    expect(ok.body.data.embeds).toHaveLength(1);
    expect(h.logs.join("")).not.toContain(FAKE_TOKEN);
  });
});

describe("shutdown", () => {
  it("stop() lets a reply in flight finish before disconnecting", async () => {
    h = await startHarness(realEngine());
    const harness = h;
    harness.fake.delayNext("POST", /^\/interactions\/.+\/callback$/, 500);
    const i = ask(harness);
    await waitFor(() => harness.fake.pending.some(isCallbackFor(i.id)), "the callback to be in flight");
    await harness.stop();
    h = undefined;
    expect(harness.fake.requests.filter(isCallbackFor(i.id)).map((r) => r.status)).toEqual([204]);
    expect(harness.logs.some((l) => l.includes('"msg":"question","platform":"discord"'))).toBe(true);
    expect(harness.logs.at(-1)).toContain('"discord stopped"');
  });
});

describe("configuration", () => {
  it("refuses to start, naming every bad variable, before connecting anywhere", async () => {
    const fake = await startFakeDiscord();
    const logs: string[] = [];
    try {
      const error = await startDiscord({
        ...botParts(realEngine()),
        logger: createLogger({ write: (l) => logs.push(l) }),
        env: { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: "not-a-snowflake", DISCORD_API_URL: "::nope::" },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RoadmapBotError);
      const message = (error as Error).message;
      expect(message).toContain("DISCORD_APPLICATION_ID");
      expect(message).toContain("DISCORD_API_URL");
      expect(message).not.toContain(FAKE_TOKEN);
      expect(fake.requests).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it("reports a token Discord rejects without printing it", async () => {
    const fake = await startFakeDiscord("the-right-token");
    const logs: string[] = [];
    try {
      const error = await startDiscord({
        ...botParts(realEngine()),
        logger: createLogger({ level: "debug", write: (l) => logs.push(l) }),
        env: { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^Discord: could not connect/);
      expect(`${(error as Error).message}${logs.join("")}`).not.toContain("TOKEN-SECRET");
    } finally {
      await fake.close();
    }
  });
});
