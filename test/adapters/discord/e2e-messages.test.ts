/** Mentions and DMs through the real discord.js client and engine. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IN_SCOPE, realEngine } from "../../helpers/discord-engine.js";
import type { RecordedRequest } from "../../helpers/discord-fake.js";
import { ALICE, BOT, CHANNEL_ID, DM_CHANNEL_ID, GUILD_ID, type Harness, OTHER_BOT, startHarness } from "../../helpers/discord-harness.js";
import { messageCreate } from "../../helpers/discord-payloads.js";

const expected = realEngine();
let h: Harness;

beforeAll(async () => {
  h = await startHarness(realEngine());
});
afterAll(async () => {
  await h?.stop();
});

const replyTo = (messageId: string) => (r: RecordedRequest) =>
  r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) && r.body?.message_reference?.message_id === messageId;

describe("mentions", () => {
  it("answers a mention as a reply to it, with no allowed mentions", async () => {
    const sent = h.mention(`<@${BOT.id}> ${IN_SCOPE}`);
    const reply = await h.waitForRequest(replyTo(sent.id), "reply to the mention");
    expect(reply.path).toBe(`/channels/${CHANNEL_ID}/messages`);
    expect(reply.body.embeds[0].description).toBe(expected.answer(IN_SCOPE).answer.text);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.body.message_reference.fail_if_not_exists).toBe(false);
  });

  it("answers a bare mention with the engine's help", async () => {
    const sent = h.mention(`<@!${BOT.id}>`);
    const reply = await h.waitForRequest(replyTo(sent.id), "help reply");
    expect(reply.body.content).toBe(expected.answer("").answer.text);
  });

  it("never pings anyone, whatever the question contains", async () => {
    const sent = h.mention(`<@${BOT.id}> @everyone @here <@${ALICE.id}> who is <@&123>?`);
    const reply = await h.waitForRequest(replyTo(sent.id), "reply to a hostile mention");
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("ignores other bots, itself and guild messages that do not mention it", async () => {
    const fromBot = messageCreate({
      user: OTHER_BOT,
      channelId: CHANNEL_ID,
      guildId: GUILD_ID,
      content: `<@${BOT.id}> ${IN_SCOPE}`,
      mentions: [BOT],
    });
    const fromSelf = messageCreate({
      user: BOT,
      channelId: CHANNEL_ID,
      guildId: GUILD_ID,
      content: `<@${BOT.id}> ${IN_SCOPE}`,
      mentions: [BOT],
    });
    const notForUs = messageCreate({ user: ALICE, channelId: CHANNEL_ID, guildId: GUILD_ID, content: IN_SCOPE });
    for (const m of [fromBot, fromSelf, notForUs]) h.fake.dispatch("MESSAGE_CREATE", m);
    // Replies go out in order through one REST queue, so once a later message's reply is out, no
    // reply to these can follow. Two rounds, so a fallback scheduled for the next turn is covered too.
    for (const round of [1, 2]) {
      const sentinel = h.mention(`<@${BOT.id}> ${IN_SCOPE}`);
      await h.waitForRequest(replyTo(sentinel.id), `reply to sentinel ${round}`);
    }
    for (const m of [fromBot, fromSelf, notForUs]) expect(h.fake.requests.some(replyTo(m.id))).toBe(false);
  });
});

describe("direct messages", () => {
  it("answers any DM, no mention needed", async () => {
    const dm = messageCreate({ user: ALICE, channelId: DM_CHANNEL_ID, content: IN_SCOPE });
    h.fake.dispatch("MESSAGE_CREATE", dm);
    const reply = await h.waitForRequest(replyTo(dm.id), "DM reply");
    expect(reply.path).toBe(`/channels/${DM_CHANNEL_ID}/messages`);
    expect(reply.body.embeds[0].description).toBe(expected.answer(IN_SCOPE).answer.text);
  });

  it("answers a DM even when the dispatch lacks channel_type (discord.js would drop it)", async () => {
    const { channel_type: _dropped, ...dm } = messageCreate({
      user: ALICE,
      channelId: "777777777777777777",
      content: IN_SCOPE,
    }) as ReturnType<typeof messageCreate> & { channel_type?: number };
    h.fake.dispatch("MESSAGE_CREATE", dm);
    const reply = await h.waitForRequest(replyTo(dm.id), "raw-path DM reply");
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("answers a mention in a channel discord.js has not cached, exactly once", async () => {
    const m = messageCreate({
      user: ALICE,
      channelId: "888888888888888888",
      guildId: GUILD_ID,
      content: `<@${BOT.id}> ${IN_SCOPE}`,
      mentions: [BOT],
    });
    h.fake.dispatch("MESSAGE_CREATE", m);
    await h.waitForRequest(replyTo(m.id), "reply in an uncached channel");
    const sentinel = h.mention(`<@${BOT.id}> ${IN_SCOPE}`);
    await h.waitForRequest(replyTo(sentinel.id), "reply to the sentinel");
    expect(h.fake.requests.filter(replyTo(m.id))).toHaveLength(1);
  });
});
