/**
 * Hostile text through the real discord.js client: nothing the bot sends can ping (every reply
 * carries allowed_mentions that parse nothing, and user text is never echoed), and messages over
 * the engine's length limit get the engine's short "too long" reply.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeFile } from "../../../app/knowledge-file.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../../../app/knowledge-path.js";
import { createEngine, DEFAULTS } from "../../../src/index.js";
import { IN_SCOPE } from "../../helpers/discord-engine.js";
import type { RecordedRequest } from "../../helpers/discord-fake.js";
import { BOT, type Harness, isCallbackFor, startHarness } from "../../helpers/discord-harness.js";
import { buttonPress, fakeMessage, slashCommand } from "../../helpers/discord-payloads.js";
import { ask } from "../../helpers/knowledge.js";

const knowledge = loadKnowledgeFile(DEFAULT_KNOWLEDGE_PATH);
const expected = createEngine({ knowledge });
const NO_MENTIONS = { parse: [], replied_user: false };
const PINGS = ["@everyone", "@here", "<@123456789012345678>", "<@!123456789012345678>", "<@&456456456456456456>"];
const HOSTILE = `${PINGS.join(" ")} https://evil.example/unfurl-me`;
let h: Harness;

beforeAll(async () => {
  // Rate limiting on, as in production, so the rate-limit notes are covered by the invariant below.
  h = await startHarness(createEngine({ knowledge }), { RATE_LIMIT_BURST: "1000", RATE_LIMIT_PER_SECOND: "100" });
});
afterAll(async () => {
  await h?.stop();
});

// Callbacks of type 5/6 (deferrals) carry no message and 8 (autocomplete) no mentions to parse.
const isBotMessage = (r: RecordedRequest) =>
  (r.method === "POST" && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(r.path) && ![5, 6, 8].includes(r.body?.type)) ||
  (r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path)) ||
  (/^(PATCH|POST)$/.test(r.method) && r.path.startsWith("/webhooks/"));

function messageBody(r: RecordedRequest) {
  return r.path.startsWith("/interactions/") ? r.body?.data : r.body;
}

async function slash(text: string) {
  const interaction = slashCommand(h.inGuild, "ask", [{ name: "question", type: 3, value: text }]);
  h.fake.dispatch("INTERACTION_CREATE", interaction);
  return (await h.waitForRequest(isCallbackFor(interaction.id), "callback")).body.data;
}

async function mention(text: string) {
  const sent = h.mention(`<@${BOT.id}> ${text}`);
  return (await h.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === sent.id, "reply")).body;
}

describe("nothing the bot sends can ping", () => {
  it("an out-of-scope /ask full of mentions is answered without echoing them", async () => {
    const data = await slash(`${HOSTILE} who is the chairman?`);
    expect(data.allowed_mentions).toEqual(NO_MENTIONS);
    for (const ping of [...PINGS, "evil.example"]) expect(JSON.stringify(data)).not.toContain(ping);
  });

  it("an in-scope /ask with mentions around it is answered, without echoing them", async () => {
    const data = await slash(`${IN_SCOPE} ${HOSTILE}`);
    expect(data.allowed_mentions).toEqual(NO_MENTIONS);
    for (const ping of [...PINGS, "evil.example"]) expect(JSON.stringify(data)).not.toContain(ping);
  });

  it("a mention full of mentions gets a reply that pings no one, not even the asker", async () => {
    const body = await mention(HOSTILE);
    expect(body.allowed_mentions).toEqual(NO_MENTIONS);
    for (const ping of PINGS) expect(JSON.stringify(body)).not.toContain(ping);
  });

  it("a button press is answered without pings", async () => {
    const data = await slash(`${HOSTILE} who is the chairman?`);
    const first = data.components[0].components[0];
    const press = buttonPress(h.inGuild, first.custom_id, fakeMessage({ channelId: h.inGuild.channelId, author: BOT, body: data }));
    h.fake.dispatch("INTERACTION_CREATE", press);
    const answered = (await h.waitForRequest(isCallbackFor(press.id), "button callback")).body.data;
    expect(answered.allowed_mentions).toEqual(NO_MENTIONS);
  });
});

describe("messages over the engine's length limit", () => {
  const tooLong = `${IN_SCOPE} ${"@everyone ".repeat(Math.ceil(DEFAULTS.maxQuestionLength / 10) + 5)}`;

  it("a long mention gets the engine's too-long reply", async () => {
    const want = ask(expected, tooLong);
    expect(want.kind).toBe("too-long");
    const body = await mention(tooLong);
    expect(body.content).toBe(want.answer);
    expect(body.allowed_mentions).toEqual(NO_MENTIONS);
  });

  it("a long /ask (Discord caps the option, but a client may not) gets the same reply", async () => {
    const data = await slash(tooLong);
    expect(data.content).toBe(ask(expected, tooLong).answer);
    expect(data.allowed_mentions).toEqual(NO_MENTIONS);
  });
});

describe("the invariant, over everything this file made the bot send", () => {
  it("every message, reply, callback and edit parses no mentions", () => {
    const sent = h.fake.requests.filter(isBotMessage);
    expect(sent.length).toBeGreaterThanOrEqual(7);
    for (const r of sent)
      expect({ path: r.path, allowed: messageBody(r)?.allowed_mentions }).toEqual({ path: r.path, allowed: NO_MENTIONS });
  });
});
