/** /ask, autocomplete, buttons, /topics and /about through the real discord.js client and engine. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CUSTOM_ID } from "../../../adapters/discord/render.js";
import { IN_SCOPE, OUT_OF_SCOPE, realEngine } from "../../helpers/discord-engine.js";
import { BOT, FAKE_TOKEN, type Harness, isCallbackFor, startHarness } from "../../helpers/discord-harness.js";
import { autocomplete, buttonPress, fakeMessage, slashCommand } from "../../helpers/discord-payloads.js";
import { ask, knowledge } from "../../helpers/knowledge.js";

const EPHEMERAL = 64;
const expected = realEngine(); // a second engine: what the bot should say, computed, not hard-coded
let h: Harness;

beforeAll(async () => {
  h = await startHarness(realEngine());
});
afterAll(async () => {
  await h?.stop();
});

async function slash(
  name: string,
  options: Parameters<typeof slashCommand>[2] = [],
  where: Parameters<typeof slashCommand>[0] = h.inGuild,
) {
  const interaction = slashCommand(where, name, options);
  h.fake.dispatch("INTERACTION_CREATE", interaction);
  return (await h.waitForRequest(isCallbackFor(interaction.id), `/${name} callback`)).body;
}

const question = (value: string) => ({ name: "question", type: 3, value });

describe("/ask", () => {
  it("answers with an embed: answer, verbatim quote, source linked to the passage, no mentions", async () => {
    const want = ask(expected, IN_SCOPE);
    expect(want.answered).toBe(true);
    const body = await slash("ask", [question(IN_SCOPE)]);
    expect(body.type).toBe(4);
    const [embed] = body.data.embeds;
    expect(embed.description).toBe(want.answer);
    const citation = want.citations[0];
    expect(JSON.stringify(embed.fields)).toContain(JSON.stringify(citation?.quote).slice(1, -1));
    expect(embed.url).toBe(citation?.url);
    expect(embed.url).toContain("#:~:text=");
    expect(embed.title).toBe(citation?.title);
    const source = embed.fields.at(-1).value;
    expect(source).toContain(citation?.publisher);
    expect(source).toContain(citation?.date);
    // The title and the date each show once in the embed.
    expect(JSON.stringify(embed).split(citation?.title ?? "missing title")).toHaveLength(2);
    expect(JSON.stringify(embed).split(citation?.date ?? "missing date")).toHaveLength(2);
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.data.flags & EPHEMERAL).toBe(0);
  });

  it("replies privately (ephemeral) when private is set", async () => {
    const body = await slash("ask", [question(IN_SCOPE), { name: "private", type: 5, value: true }]);
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.embeds).toHaveLength(1);
  });

  it("works in a DM with the bot", async () => {
    const body = await slash("ask", [question(IN_SCOPE)], h.inDm);
    expect(body.data.embeds[0].description).toBe(ask(expected, IN_SCOPE).answer);
  });

  it("autocompletes with at most 25 choices the knowledge answers", async () => {
    const typed = "offices europe";
    const interaction = autocomplete(h.inGuild, typed);
    h.fake.dispatch("INTERACTION_CREATE", interaction);
    const body = (await h.waitForRequest(isCallbackFor(interaction.id), "autocomplete callback")).body;
    expect(body.type).toBe(8);
    const choices: { name: string; value: string }[] = body.data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toEqual(expected.complete(typed, 25).map((q) => q.slice(0, 100)));
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  // Issue 13: typing 阿里 showed 3–4 wordings of each of 8 facts; "where" offered three wordings of
  // "who edited it?". Each suggestion must stand for a different fact.
  it.each(["阿里", "where", "who edited"])("autocompletes %j with one suggestion per fact", async (typed) => {
    const interaction = autocomplete(h.inGuild, typed);
    h.fake.dispatch("INTERACTION_CREATE", interaction);
    const body = (await h.waitForRequest(isCallbackFor(interaction.id), `autocomplete ${typed}`)).body;
    const values = (body.data.choices as { value: string }[]).map((c) => c.value);
    expect(values.length).toBeGreaterThan(1);
    const factOf = new Map(knowledge().facts.flatMap((f) => [...f.questions, ...(f.questions_zh ?? [])].map((q) => [q, f.id] as const)));
    const facts = values.map((v) => factOf.get(v));
    expect(facts.every((f) => f !== undefined)).toBe(true);
    expect(new Set(facts).size).toBe(facts.length);
  });

  it("says out-of-scope briefly with suggestion buttons, and a press answers the suggestion", async () => {
    const want = ask(expected, OUT_OF_SCOPE);
    expect(want.kind).toBe("out-of-scope");
    const body = await slash("ask", [question(OUT_OF_SCOPE)]);
    expect(body.data.content).toBe(want.answer);
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const buttons = body.data.components.flatMap((row: { components: unknown[] }) => row.components);
    expect(buttons.map((b: { label: string }) => b.label)).toEqual(want.suggestions.slice(0, 5));
    for (const b of buttons) expect(b.custom_id.length).toBeLessThanOrEqual(100);

    const [first] = buttons;
    const message = fakeMessage({ channelId: h.inGuild.channelId, author: BOT, body: body.data });
    const press = buttonPress(h.inGuild, first.custom_id, message);
    h.fake.dispatch("INTERACTION_CREATE", press);
    const answered = (await h.waitForRequest(isCallbackFor(press.id), "button callback")).body;
    const suggested = ask(expected, first.label);
    expect(suggested.answered).toBe(true);
    expect(answered.data.embeds[0].description).toBe(suggested.answer);
    expect(answered.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("answers a suggestion press even when the payload lacks its message (and keeps running)", async () => {
    const body = await slash("ask", [question(OUT_OF_SCOPE)]);
    const first = body.data.components[0].components[0];
    const { message: _omitted, ...press } = buttonPress(h.inGuild, first.custom_id, undefined);
    h.fake.dispatch("INTERACTION_CREATE", press);
    const answered = (await h.waitForRequest(isCallbackFor(press.id), "callback without message")).body;
    expect(answered.data.embeds[0].description).toBe(ask(expected, first.label).answer);
  });

  it("tells the presser privately when a button's question is unknown", async () => {
    const press = buttonPress(
      h.inGuild,
      `${CUSTOM_ID.question}unknown-key`,
      fakeMessage({ channelId: h.inGuild.channelId, author: BOT, body: {} }),
    );
    h.fake.dispatch("INTERACTION_CREATE", press);
    const reply = (await h.waitForRequest(isCallbackFor(press.id), "expired-button callback")).body;
    expect(reply.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.data.embeds).toEqual([]);
  });

  it("records helpful / not-helpful presses", async () => {
    const body = await slash("ask", [question(IN_SCOPE)]);
    const ids: string[] = body.data.components.flatMap((row: { components: { custom_id: string }[] }) =>
      row.components.map((c) => c.custom_id),
    );
    const helpful = ids.find((id) => id.startsWith(CUSTOM_ID.helpful));
    expect(helpful).toBeDefined();
    const press = buttonPress(h.inGuild, helpful ?? "", fakeMessage({ channelId: h.inGuild.channelId, author: BOT, body: body.data }));
    h.fake.dispatch("INTERACTION_CREATE", press);
    const thanks = (await h.waitForRequest(isCallbackFor(press.id), "feedback callback")).body;
    expect(thanks.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const line = h.logs.find((l) => l.includes('"msg":"feedback","platform":"discord"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      outcome: "helpful",
      factIds: ask(expected, IN_SCOPE).factIds,
    });
  });
});

describe("/topics and /about", () => {
  it("/topics lists the battlefields with example questions", async () => {
    const body = await slash("topics");
    const names = body.data.embeds[0].fields.map((f: { name: string }) => f.name);
    expect(names).toEqual(expected.topics().map((t) => t.title));
    expect(body.data.allowed_mentions.parse).toEqual([]);
  });

  it("/about names the source and what the bot can and cannot do", async () => {
    const about = expected.about();
    const body = await slash("about");
    const text = JSON.stringify(body.data.embeds);
    expect(body.data.embeds[0].url).toBe(about.url);
    for (const part of [about.title, about.publisher, about.date, ...about.can, ...about.cannot]) {
      expect(text).toContain(JSON.stringify(part).slice(1, -1));
    }
  });
});

describe("secrets", () => {
  it("sends the token only as the Authorization header, never in logs or replies", () => {
    expect(h.fake.requests.some((r) => r.authorization === `Bot ${FAKE_TOKEN}`)).toBe(true);
    const bodies = JSON.stringify(h.fake.requests.map((r) => r.body));
    expect(bodies).not.toContain(FAKE_TOKEN);
    expect(h.logs.join("")).not.toContain(FAKE_TOKEN);
    expect(h.logs.join("")).not.toContain("TOKEN-SECRET");
  });
});
