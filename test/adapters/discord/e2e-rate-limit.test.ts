/**
 * Per-user rate limiting through the real discord.js client: a limited user is told once (privately
 * for interactions), then gets only a short private note (interactions) or nothing (mentions), while
 * others keep being served and autocomplete is never limited.
 */
import { afterEach, describe, expect, it } from "vitest";
import { RATE_LIMIT_DEFAULTS, type RateDecision, type RateLimiter, say } from "../../../chat/index.js";
import { IN_SCOPE, realEngine } from "../../helpers/discord-engine.js";
import type { RecordedRequest } from "../../helpers/discord-fake.js";
import { answerTo, BOT, type Harness, isCallbackFor, startHarness } from "../../helpers/discord-harness.js";
import { autocomplete, buttonPress, fakeMessage, fakeUser, nextId, slashCommand } from "../../helpers/discord-payloads.js";

const EPHEMERAL = 64;
const NO_MENTIONS = { parse: [], replied_user: false };
// Two questions in a burst, then (practically) no refill during a test.
const TIGHT = { RATE_LIMIT_BURST: "2", RATE_LIMIT_PER_SECOND: "0.001" };

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const someone = (name: string) => fakeUser(nextId(), name);

async function ask(harness: Harness, user: ReturnType<typeof someone>, text = IN_SCOPE) {
  const interaction = slashCommand({ ...harness.inGuild, user }, "ask", [{ name: "question", type: 3, value: text }]);
  harness.fake.dispatch("INTERACTION_CREATE", interaction);
  const callback = await harness.waitForRequest(isCallbackFor(interaction.id), `callback for ${user.username}`);
  return { id: interaction.id, data: callback.body.data };
}

const replyTo = (messageId: string) => (r: RecordedRequest) => r.method === "POST" && r.body?.message_reference?.message_id === messageId;

describe("interactions", () => {
  it("answers a user's burst, tells them once privately, then only notes it briefly; others are served", async () => {
    h = await startHarness(realEngine(), TIGHT);
    const alice = someone("alice");
    const bob = someone("bob");
    const served = [await ask(h, alice), await ask(h, alice)];
    for (const s of served) {
      expect(s.data.embeds).toHaveLength(1);
      expect(s.data.flags & EPHEMERAL).toBe(0);
    }
    const told = await ask(h, alice);
    expect(told.data.content).toBe(say("rateLimited"));
    expect(told.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(told.data.embeds).toEqual([]);
    expect(told.data.allowed_mentions).toEqual(NO_MENTIONS);

    const later = [await ask(h, alice), await ask(h, alice)];
    for (const l of later) {
      expect(l.data.content).toBe(say("stillRateLimited"));
      expect(l.data.content.length).toBeLessThan(say("rateLimited").length);
      expect(l.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(l.data.allowed_mentions).toEqual(NO_MENTIONS);
    }
    // Every interaction, limited or not, got exactly one callback (none "failed").
    for (const i of [...served, told, ...later]) expect(h.fake.requests.filter(isCallbackFor(i.id))).toHaveLength(1);

    const bobs = await ask(h, bob);
    expect(bobs.data.embeds).toHaveLength(1);
    expect(bobs.data.flags & EPHEMERAL).toBe(0);
    const logged = h.logs.filter((l) => l.includes('"outcome":"rate-limited"')).map((l) => JSON.parse(l));
    expect(logged.map((l) => l.told)).toEqual([true, false, false]);
    expect(logged.every((l) => l.outcome === "rate-limited" && l.platform === "discord")).toBe(true);
  });

  it("limits button presses like /ask, but never autocomplete", async () => {
    h = await startHarness(realEngine(), TIGHT);
    const carol = someone("carol");
    const first = await ask(h, carol, "Who is Alibaba's chairman?");
    const suggestion = first.data.components[0].components[0];
    await ask(h, carol);
    const press = buttonPress(
      { ...h.inGuild, user: carol },
      suggestion.custom_id,
      fakeMessage({ channelId: h.inGuild.channelId, author: BOT, body: first.data }),
    );
    h.fake.dispatch("INTERACTION_CREATE", press);
    const pressed = (await h.waitForRequest(isCallbackFor(press.id), "limited button callback")).body.data;
    expect(pressed.content).toBe(say("rateLimited"));
    expect(pressed.flags & EPHEMERAL).toBe(EPHEMERAL);

    for (let n = 0; n < 5; n++) {
      const typing = autocomplete({ ...h.inGuild, user: carol }, "offices europe");
      h.fake.dispatch("INTERACTION_CREATE", typing);
      const body = (await h.waitForRequest(isCallbackFor(typing.id), "autocomplete callback")).body;
      expect(body.type).toBe(8);
      expect(body.data.choices.length).toBeGreaterThan(0);
    }
  });

  it("limits by default (RATE_LIMIT_DEFAULTS.burst at once) when RATE_LIMIT_* are unset, as in production", async () => {
    h = await startHarness(realEngine(), { RATE_LIMIT_BURST: undefined, RATE_LIMIT_PER_SECOND: undefined });
    const harness = h;
    const kim = someone("kim");
    // All at once, so the default refill cannot add a token in between.
    const sent = Array.from({ length: RATE_LIMIT_DEFAULTS.burst + 1 }, () =>
      slashCommand({ ...harness.inGuild, user: kim }, "ask", [{ name: "question", type: 3, value: IN_SCOPE }]),
    );
    for (const i of sent) harness.fake.dispatch("INTERACTION_CREATE", i);
    // A burst this size is deferred once questions wait: the answer is then the deferred message's edit.
    const replies = await Promise.all(sent.map((i) => answerTo(harness, i)));
    const contents = replies.map((data) => (data.embeds?.length ? "answer" : data.content));
    expect(contents).toEqual([...Array(RATE_LIMIT_DEFAULTS.burst).fill("answer"), say("rateLimited")]);
  });

  it("RATE_LIMIT_BURST=off serves every question", async () => {
    h = await startHarness(realEngine(), { RATE_LIMIT_BURST: "off" });
    const dave = someone("dave");
    for (let n = 0; n < 8; n++) expect((await ask(h, dave)).data.embeds).toHaveLength(1);
  });

  it("uses an injected limiter (keyed by platform and user) instead of the environment", async () => {
    const keys: string[] = [];
    const erin = someone("erin");
    const limiter: RateLimiter = {
      async take(key): Promise<RateDecision> {
        keys.push(key);
        return key.endsWith(erin.id) ? { allowed: false, firstDenial: keys.length === 1 } : { allowed: true, firstDenial: false };
      },
    };
    h = await startHarness(realEngine(), { RATE_LIMIT_BURST: "off" }, { rateLimiter: limiter });
    expect((await ask(h, erin)).data.content).toBe(say("rateLimited"));
    expect(keys).toEqual([`discord:${erin.id}`]);
    expect((await ask(h, someone("frank"))).data.embeds).toHaveLength(1);
  });

  it("serves when the limiter fails (a limiter outage must not silence the bot)", async () => {
    const broken: RateLimiter = { take: () => Promise.reject(new Error("limiter store unreachable")) };
    h = await startHarness(realEngine(), {}, { rateLimiter: broken });
    expect((await ask(h, someone("gina"))).data.embeds).toHaveLength(1);
    expect(h.logs.some((l) => l.includes('"rate limit failed; going on without it"'))).toBe(true);
  });
  it("serves when the limiter hangs, after a bounded wait (well within Discord's 3 s)", async () => {
    const hanging: RateLimiter = { take: () => new Promise<RateDecision>(() => undefined) };
    h = await startHarness(realEngine(), {}, { rateLimiter: hanging });
    const started = performance.now();
    expect((await ask(h, someone("lou"))).data.embeds).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2_900);
    expect(h.logs.some((l) => l.includes('"rate limit did not answer in time; going on without it"'))).toBe(true);
  });
});

describe("mentions", () => {
  it("tells a limited user once as a reply, then answers nothing, while others are served", async () => {
    h = await startHarness(realEngine(), TIGHT);
    const harness = h;
    const hana = someone("hana");
    const ivan = someone("ivan");
    const mention = (user: typeof hana) => harness.mention(`<@${BOT.id}> ${IN_SCOPE} @everyone`, user);
    for (let n = 0; n < 2; n++) {
      const sent = mention(hana);
      expect((await harness.waitForRequest(replyTo(sent.id), `answer ${n}`)).body.embeds).toHaveLength(1);
    }
    const third = mention(hana);
    const told = await harness.waitForRequest(replyTo(third.id), "the rate-limit reply");
    expect(told.body.content).toBe(say("rateLimited"));
    expect(told.body.allowed_mentions).toEqual(NO_MENTIONS);
    const fourth = mention(hana);
    const fifth = mention(hana);
    // Replies leave in order through one REST queue: once Ivan's answer is out, none can follow.
    const sentinel = mention(ivan);
    expect((await harness.waitForRequest(replyTo(sentinel.id), "Ivan's answer")).body.embeds).toHaveLength(1);
    expect(harness.fake.requests.some(replyTo(fourth.id))).toBe(false);
    expect(harness.fake.requests.some(replyTo(fifth.id))).toBe(false);
  });

  it("shares one budget between /ask and mentions", async () => {
    h = await startHarness(realEngine(), TIGHT);
    const harness = h;
    const jo = someone("jo");
    await ask(harness, jo);
    await ask(harness, jo);
    const sent = harness.mention(`<@${BOT.id}> ${IN_SCOPE}`, jo);
    expect((await harness.waitForRequest(replyTo(sent.id), "the rate-limit reply")).body.content).toBe(say("rateLimited"));
  });
});
