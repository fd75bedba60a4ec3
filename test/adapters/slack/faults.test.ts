/** Platform errors while replying, and secrets that must never show up anywhere. */

import { afterEach, describe, expect, it } from "vitest";
import { startSlack } from "../../../adapters/slack/index.js";
import { RoadmapBotError } from "../../../src/index.js";
import { botParts } from "../../helpers/bot.js";
import { startFakeSlack, waitFor } from "../../helpers/slack-fake.js";
import { captureLogger, type Harness, realEngine, SECRETS, startHarness } from "../../helpers/slack-harness.js";
import { buttonPress, command, mention, message } from "../../helpers/slack-payloads.js";
import { sendCommand, sendEvent, sendInteraction } from "../../helpers/slack-signed.js";

const IN_SCOPE = "Where did Alibaba open offices in Europe?";
const signed = { secret: SECRETS.signing };

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const postsTo = (hh: Harness, channel: string) => hh.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === channel);

describe("Web API faults while replying", () => {
  it("retries chat.postMessage after an HTTP 500 and replies once", async () => {
    h = await startHarness("http");
    h.fake.failNext("chat.postMessage", { status: 500 });
    await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0FIVE" }), signed);
    const hh = h;
    await waitFor(
      () => postsTo(hh, "C0FIVE").length === 2 && hh.lines.some((l) => l.includes('"msg":"question","platform":"slack"')),
      "retry",
    );
    expect(h.lines.find((l) => l.includes('"msg":"question","platform":"slack"'))).toContain('"outcome":"fact"');
    expect(h.lines.some((l) => l.includes("question failed"))).toBe(false);
  });

  it("waits for Retry-After on a 429 before trying again", async () => {
    h = await startHarness("http");
    h.fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0LIMIT" }), signed);
    const hh = h;
    const [first, second] = await waitFor(() => {
      const c = postsTo(hh, "C0LIMIT");
      return c.length === 2 ? c : undefined;
    }, "the retried call");
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("gives up after a few attempts, apologises, and keeps serving others", async () => {
    h = await startHarness("http");
    h.fake.failNext("chat.postMessage", { status: 500, channel: "C0DOWN" }, 5);
    await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0DOWN" }), signed);
    await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0FINE" }), signed);
    const hh = h;
    await waitFor(() => postsTo(hh, "C0FINE").length === 1, "the other question's answer");
    const apology = await waitFor(() => postsTo(hh, "C0DOWN")[5], "the apology after five failures", 20_000);
    expect(String(apology.args.text)).toMatch(/sorry/i);
    expect(h.lines.some((l) => l.includes("question failed"))).toBe(true);
  }, 30_000);
});

describe("acknowledging within Slack's 3 seconds", () => {
  it("acks events and commands at once, and replies after, even when Slack's API is slow", async () => {
    h = await startHarness("http");
    h.fake.delayNext("chat.postMessage", 2500);
    h.fake.delayNext("response", 2500);
    const started = Date.now();
    const ev = await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0SLOW" }), signed);
    const cmd = await sendCommand(h.events, command(IN_SCOPE, `${h.fake.responseBase}slow`), signed);
    const acked = Date.now() - started;
    expect([ev.status, cmd.status]).toEqual([200, 200]);
    expect(acked).toBeLessThan(2000);
    const hh = h;
    await waitFor(() => postsTo(hh, "C0SLOW")[0], "the slow reply");
    await waitFor(() => hh.fake.responses.find((r) => r.id === "slow"), "the slow ephemeral answer");
    expect(Date.now() - started).toBeGreaterThanOrEqual(2400);
  });
});

describe("secrets", () => {
  it("never appear in any log line or reply", async () => {
    h = await startHarness("http");
    h.fake.failNext("chat.postMessage", { status: 500, channel: "C0SECRET" });
    await sendEvent(h.events, mention({ text: `${IN_SCOPE} ${SECRETS.bot}`, channel: "C0SECRET" }), signed);
    await sendEvent(h.events, message({ text: "Who is Alibaba's chairman?" }), signed);
    await sendEvent(h.events, mention({ text: "x" }), { ...signed, signWith: "forged" });
    await sendCommand(h.events, command(IN_SCOPE, `${h.fake.responseBase}c`), signed);
    await sendInteraction(
      h.events,
      buttonPress({ action_id: "roadmap_post", value: IN_SCOPE, responseUrl: `${h.fake.responseBase}p` }),
      signed,
    );
    const hh = h;
    await waitFor(() => hh.lines.filter((l) => l.includes('"msg":"question","platform":"slack"')).length >= 4, "four replies");
    const everything = [
      ...h.lines,
      // Every reply; auth.test is left out: Bolt sends it the token as a form field, as Slack expects.
      ...h.fake.calls.filter((c) => c.method !== "auth.test").map((c) => JSON.stringify(c.args)),
      ...h.fake.responses.map((r) => JSON.stringify(r.body)),
    ].join("\n");
    expect(h.lines.length).toBeGreaterThan(10);
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret);
  });

  it("are not in the error when Slack rejects the bot token", async () => {
    const fake = await startFakeSlack();
    const { logger, lines } = captureLogger();
    fake.failNext("auth.test", { status: 200, error: "invalid_auth" });
    try {
      const env = { SLACK_BOT_TOKEN: SECRETS.bot, SLACK_SIGNING_SECRET: SECRETS.signing, SLACK_PORT: "0", SLACK_API_URL: fake.apiUrl };
      const started = startSlack({ ...botParts(realEngine()), env, logger, host: "127.0.0.1" });
      await expect(started).rejects.toThrow(/invalid_auth/);
      const error = await started.catch((e: Error) => e.message);
      for (const secret of Object.values(SECRETS)) {
        expect(String(error)).not.toContain(secret);
        expect(lines.join("\n")).not.toContain(secret);
      }
    } finally {
      await fake.close();
    }
  });

  it("are not in the configuration error, which names every bad variable", async () => {
    const { logger, lines } = captureLogger();
    const env = { SLACK_BOT_TOKEN: "xapp-WRONG-KIND-SECRET-42", SLACK_PORT: "http", SLACK_API_URL: "not a url" };
    const thrown = await startSlack({ ...botParts(realEngine()), env, logger }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(RoadmapBotError);
    expect((thrown as RoadmapBotError).code).toBe("CONFIG_INVALID");
    const error = (thrown as Error).message;
    expect(error).toMatch(/SLACK_BOT_TOKEN/);
    expect(error).toMatch(/SLACK_SIGNING_SECRET/);
    expect(error).toMatch(/SLACK_PORT/);
    expect(error).toMatch(/SLACK_API_URL/);
    expect(error).not.toContain("WRONG-KIND-SECRET");
    expect(error).not.toContain("not a url");
    expect(lines.join("\n")).not.toContain("WRONG-KIND-SECRET");
  });
});
