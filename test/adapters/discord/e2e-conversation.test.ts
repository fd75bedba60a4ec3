/**
 * Issue 5 in Discord, through the real discord.js client and a real engine: follow-ups keep context
 * per channel and user, clarifying choices are buttons that answer when pressed, Chinese questions
 * are answered in Chinese with the English quote, and unanswered questions reach the curator's log
 * with platform "discord".
 */

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeFile } from "../../../app/knowledge-file.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../../../app/knowledge-path.js";
import { createEngine } from "../../../src/index.js";
import type { RecordedRequest } from "../../helpers/discord-fake.js";
import { ALICE, BOB, BOT, type Harness, isCallbackFor, startHarness } from "../../helpers/discord-harness.js";
import { autocomplete, buttonPress, fakeMessage, fakeUser, nextId, slashCommand } from "../../helpers/discord-payloads.js";
import { ask as askOf } from "../../helpers/knowledge.js";

type Unanswered = { question: string; platform: string; kind: string };
const unanswered: Unanswered[] = [];
const knowledge = loadKnowledgeFile(DEFAULT_KNOWLEDGE_PATH);
// What the bot should say is computed by a second engine, never hard-coded (except the one name
// the issue itself names: "who leads it?" after the first battlefield is Michael Evans).
const expected = () => createEngine({ knowledge });
let h: Harness;

beforeAll(async () => {
  h = await startHarness(createEngine({ knowledge }), {}, { onUnanswered: (e) => unanswered.push(e) });
});
afterAll(async () => {
  await h?.stop();
});

/** Someone who has not talked to the bot yet: a fresh conversation in the channel. */
const newcomer = () => fakeUser(nextId(), "newcomer");
const question = (value: string) => ({ name: "question", type: 3, value });

async function ask(text: string, user = ALICE) {
  const interaction = slashCommand({ ...h.inGuild, user }, "ask", [question(text)]);
  h.fake.dispatch("INTERACTION_CREATE", interaction);
  return (await h.waitForRequest(isCallbackFor(interaction.id), `callback for "${text}"`)).body.data;
}

async function mention(text: string, user = ALICE) {
  const sent = h.mention(`<@${BOT.id}> ${text}`, user);
  const isReply = (r: RecordedRequest) => r.method === "POST" && r.body?.message_reference?.message_id === sent.id;
  return (await h.waitForRequest(isReply, `reply to "${text}"`)).body;
}

async function press(customId: string, onMessage: unknown, user = ALICE) {
  const message = fakeMessage({ channelId: h.inGuild.channelId, author: BOT, body: onMessage });
  const interaction = buttonPress({ ...h.inGuild, user }, customId, message);
  h.fake.dispatch("INTERACTION_CREATE", interaction);
  return (await h.waitForRequest(isCallbackFor(interaction.id), "button callback")).body.data;
}

const buttonsOf = (data: { components: { components: { label: string; custom_id: string }[] }[] }) =>
  data.components.flatMap((row) => row.components);

describe("follow-ups keep context per channel and user", () => {
  it('/ask then /ask "who leads it?" answers about the first battlefield\'s leader', async () => {
    const first = await ask("What is the first battlefield?");
    expect(first.embeds[0].description).toBe(askOf(expected(), "What is the first battlefield?").answer);
    const followUp = await ask("who leads it?");
    expect(followUp.embeds[0].description).toContain("Michael Evans");
  });

  it("a mention follows up on an /ask by the same user in the same channel", async () => {
    await ask("What is the first battlefield?");
    const reply = await mention("who leads it?");
    expect(reply.embeds[0].description).toContain("Michael Evans");
  });

  it("another user in the same channel does not share the context", async () => {
    await ask("What is the first battlefield?", ALICE);
    const bobs = await ask("who leads it?", BOB);
    expect(JSON.stringify(bobs)).not.toContain("Michael Evans");
    // What Bob gets is what a fresh conversation gets.
    const fresh = askOf(expected(), "who leads it?");
    expect(bobs.embeds[0]?.description ?? bobs.content).toBe(fresh.answer);
    // And Alice's context is still hers.
    const alices = await mention("who leads it?", ALICE);
    expect(alices.embeds[0].description).toContain("Michael Evans");
  });
});

/**
 * An ambiguous question: the first of the core's labelled "pick a number" conversations (plus a
 * few phrasings of our own) that the engine, as tuned today, answers with a clarify. Taken from the
 * labelled set so these adapter tests follow the core's tuning instead of pinning one phrase.
 */
function ambiguousQuestion(): string {
  const file = readFileSync(new URL("../../conversations/conversations.jsonl", import.meta.url), "utf8");
  const labelled = file
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { turns: { q: string }[] })
    .filter((c) => /^\d$/.test(c.turns[1]?.q ?? ""))
    .map((c) => c.turns[0]?.q ?? "");
  const candidates = [...new Set([...labelled, "headquarters and offices", "europe or beijing", "offices or headquarters?"])];
  const found = candidates.find((q) => askOf(expected(), q).kind === "clarify");
  if (!found) throw new Error(`no question among ${JSON.stringify(candidates)} gets a clarify from the engine any more`);
  return found;
}

describe("clarifying questions", () => {
  let AMBIGUOUS = "";
  beforeAll(() => {
    AMBIGUOUS = ambiguousQuestion();
  });

  it("renders the choices as buttons, and pressing one answers it", async () => {
    const want = askOf(expected(), AMBIGUOUS);
    expect(want.kind).toBe("clarify");
    const carol = newcomer();
    const data = await ask(AMBIGUOUS, carol);
    expect(data.content).toBe(want.answer);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const buttons = buttonsOf(data);
    expect(buttons.map((b) => b.label)).toEqual(want.choices?.map((c) => c.question));

    const second = buttons[1];
    const chosen = want.choices?.[1];
    expect(second && chosen).toBeTruthy();
    const answered = await press(second?.custom_id ?? "", data, carol);
    const direct = askOf(expected(), chosen?.question ?? "");
    expect(direct.factIds).toEqual([chosen?.factId]);
    expect(answered.embeds[0].description).toBe(direct.answer);
  });

  it("typing the option's number in the same channel picks it", async () => {
    const want = askOf(expected(), AMBIGUOUS);
    const dave = newcomer();
    await ask(AMBIGUOUS, dave);
    const reply = await mention("1", dave);
    const chosen = want.choices?.[0];
    expect(reply.embeds[0].description).toBe(askOf(expected(), chosen?.question ?? "").answer);
  });
});

describe("Chinese", () => {
  const ZH = "阿里巴巴在欧洲开了哪些办公室？";

  it("answers a Chinese question in Chinese, citing the English quote", async () => {
    const want = askOf(expected(), ZH);
    expect(want.language).toBe("zh");
    expect(want.answered).toBe(true);
    const data = await ask(ZH);
    const [embed] = data.embeds;
    expect(embed.description).toBe(want.answer);
    const quote = want.citations[0]?.quote ?? "";
    expect(quote).toMatch(/^[\x20-\x7e’‘“”–—…]+$/); // the citation stays the English source text
    expect(JSON.stringify(embed.fields)).toContain(JSON.stringify(quote).slice(1, -1));
    expect(embed.url).toBe(want.citations[0]?.url);
    // The frame around the answer is Chinese too.
    expect(embed.fields.map((f: { name: string }) => f.name)).toEqual(["引文", "来源"]);
  });

  it("answers a Chinese mention in Chinese", async () => {
    const reply = await mention("生鲜进口");
    expect(reply.embeds[0].description).toBe(askOf(expected(), "生鲜进口").answer);
  });

  it("autocompletes a Chinese partial question", async () => {
    const typed = "欧洲";
    const interaction = autocomplete(h.inGuild, typed);
    h.fake.dispatch("INTERACTION_CREATE", interaction);
    const body = (await h.waitForRequest(isCallbackFor(interaction.id), "autocomplete callback")).body;
    const values = body.data.choices.map((c: { value: string }) => c.value);
    expect(values.length).toBeGreaterThan(0);
    expect(values).toEqual(expected().complete(typed, 25));
    expect(values.every((v: string) => /[\u4e00-\u9fff]/.test(v))).toBe(true);
  });
});

describe("the curator's loop", () => {
  it("questions the bot cannot answer reach the engine with platform discord, from /ask, mentions and buttons", async () => {
    const OUT = "Who is Alibaba's chairman?";
    const before = unanswered.length;
    await ask(OUT);
    await mention("What colour is Jack Ma's car?");
    const ambiguous = ambiguousQuestion();
    await ask(ambiguous, newcomer());
    const logged = unanswered.slice(before);
    expect(logged.map((e) => e.question)).toEqual([OUT, "What colour is Jack Ma's car?", ambiguous]);
    expect(logged.every((e) => e.platform === "discord")).toBe(true);
    expect(logged.map((e) => e.kind)).toEqual(["out-of-scope", "out-of-scope", "clarify"]);
  });
});
