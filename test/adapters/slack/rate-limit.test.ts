/**
 * Issue 6 in Slack, end to end over HTTP through the real Bolt and engine: per-user rate limiting
 * (told once, then silence until the bucket refills; others keep being served), over-long
 * messages, and user text that must never ping or link.
 */

import { afterEach, describe, expect, it } from "vitest";
import { createTokenBucket } from "../../../chat/index.js";
import { ask } from "../../helpers/knowledge.js";
import { type ApiCall, waitFor } from "../../helpers/slack-fake.js";
import { type Harness, realEngine, SECRETS, startHarness } from "../../helpers/slack-harness.js";
import { command, mention, message } from "../../helpers/slack-payloads.js";
import { sendCommand, sendEvent } from "../../helpers/slack-signed.js";

const IN_SCOPE = "Where did Alibaba open offices in Europe?";
const SLOW_DOWN = /faster than I can answer/;
const signed = { secret: SECRETS.signing };

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const posts = (hh: Harness) => hh.fake.callsTo("chat.postMessage");
const replyLines = (hh: Harness) => hh.lines.filter((l) => l.includes('"msg":"question","platform":"slack"'));
const isSlowDown = (c: ApiCall) => SLOW_DOWN.test(String(c.args.text));

/** Sends `count` mentions from `user`, each in its own channel, and waits until each is handled. */
async function burst(hh: Harness, user: string, count: number, prefix: string) {
  const before = replyLines(hh).length;
  for (let i = 0; i < count; i++) {
    const r = await sendEvent(hh.events, mention({ text: IN_SCOPE, user, channel: `${prefix}${i}` }), signed);
    expect(r.status).toBe(200);
  }
  await waitFor(() => replyLines(hh).length >= before + count, `${count} handled messages from ${user}`);
}

describe("Slack per-user rate limiting", () => {
  it("tells a limited user once, then stays silent, while others keep being served (RATE_LIMIT_* from the environment)", async () => {
    h = await startHarness("http", { RATE_LIMIT_BURST: "2", RATE_LIMIT_PER_SECOND: "0.001" });
    await burst(h, "UFLOOD01", 6, "C0FLOOD");
    const flood = posts(h).filter((c) => String(c.args.channel).startsWith("C0FLOOD"));
    expect(flood.filter((c) => !isSlowDown(c))).toHaveLength(2);
    expect(flood.filter(isSlowDown)).toHaveLength(1);
    expect(flood).toHaveLength(3);
    // The "slow down" reply goes where the question was, in its thread, and pings no one.
    const told = flood.find(isSlowDown);
    expect(told?.args.thread_ts).toBeTruthy();

    await burst(h, "UCALM001", 2, "C0CALM");
    const calm = posts(h).filter((c) => String(c.args.channel).startsWith("C0CALM"));
    expect(calm).toHaveLength(2);
    expect(calm.some(isSlowDown)).toBe(false);
    expect(replyLines(h).filter((l) => l.includes('"outcome":"rate-limited"'))).toHaveLength(4);
  });

  it("serves the user again once the bucket refills, and tells them again on the next run of refusals", async () => {
    let now = 1_000_000;
    const limiter = createTokenBucket({ capacity: 1, refillPerSecond: 1, now: () => now });
    h = await startHarness("http", {}, realEngine(), { rateLimiter: limiter });
    const dm = (text: string) => message({ text, user: "UREFILL1", channel: "D0REFILL" });
    const handled = async (n: number) => waitFor(() => replyLines(h as Harness).length >= n, `${n} handled`);
    const inDm = () => posts(h as Harness).filter((c) => c.args.channel === "D0REFILL");

    await sendEvent(h.events, dm(IN_SCOPE), signed);
    await handled(1);
    await sendEvent(h.events, dm(IN_SCOPE), signed);
    await handled(2);
    await sendEvent(h.events, dm(IN_SCOPE), signed);
    await handled(3);
    expect(inDm().map(isSlowDown)).toEqual([false, true]);

    now += 1000;
    await sendEvent(h.events, dm(IN_SCOPE), signed);
    await handled(4);
    await sendEvent(h.events, dm(IN_SCOPE), signed);
    await handled(5);
    expect(inDm().map(isSlowDown)).toEqual([false, true, false, true]);
  });

  it("answers in Chinese when a Chinese speaker is limited", async () => {
    const limiter = createTokenBucket({ capacity: 1, refillPerSecond: 0.001 });
    h = await startHarness("http", {}, realEngine(), { rateLimiter: limiter });
    const q = "阿里巴巴在欧洲开了哪些办公室？";
    await sendEvent(h.events, mention({ text: q, user: "UZH00001", channel: "C0ZHA" }), signed);
    await sendEvent(h.events, mention({ text: q, user: "UZH00001", channel: "C0ZHB" }), signed);
    const hh = h;
    await waitFor(() => replyLines(hh).length >= 2, "two handled");
    expect(posts(h)).toHaveLength(2);
    expect(posts(h).filter((c) => String(c.args.text).startsWith(ask(realEngine(), q).answer))).toHaveLength(1);
    expect(posts(h).filter((c) => /太快/.test(String(c.args.text)))).toHaveLength(1);
  });

  it("serves (and logs) when the limiter hangs or fails, instead of going silent", async () => {
    let calls = 0;
    const limiter = {
      take: () => {
        calls += 1;
        return calls === 1 ? new Promise<never>(() => undefined) : Promise.reject(new Error("limiter down"));
      },
    };
    h = await startHarness("http", {}, realEngine(), { rateLimiter: limiter });
    await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0HANG" }), signed);
    await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0BROKEN" }), signed);
    const hh = h;
    await waitFor(() => posts(hh).length === 2, "both answered despite the limiter", 10_000);
    expect(posts(h).some(isSlowDown)).toBe(false);
    expect(h.lines.some((l) => l.includes("did not answer in time"))).toBe(true);
    expect(h.lines.some((l) => l.includes("rate limit failed"))).toBe(true);
  });

  it("does not limit anyone with RATE_LIMIT_BURST=off", async () => {
    h = await startHarness("http", { RATE_LIMIT_BURST: "off" });
    await burst(h, "UFREE001", 12, "C0FREE");
    expect(posts(h)).toHaveLength(12);
    expect(posts(h).some(isSlowDown)).toBe(false);
  });

  it("rejects a malformed RATE_LIMIT_BURST before connecting, naming the variable", async () => {
    await expect(startHarness("http", { RATE_LIMIT_BURST: "lots" })).rejects.toThrow(/RATE_LIMIT_BURST/);
  });
});

describe("Slack and hostile text", () => {
  it("gives a message over the engine's limit the engine's short too-long reply", async () => {
    h = await startHarness("http");
    const long = `${IN_SCOPE} ${"and more ".repeat(200)}`;
    const expected = ask(realEngine(), long);
    expect(expected.kind).toBe("too-long");
    await sendEvent(h.events, mention({ text: long, channel: "C0LONG" }), signed);
    const hh = h;
    const reply = await waitFor(() => posts(hh).find((c) => c.args.channel === "C0LONG"), "too-long reply");
    expect(String(reply.args.text)).toBe(expected.answer);
    expect(JSON.stringify(reply.args).length).toBeLessThan(2000);
    expect(h.lines.some((l) => l.includes('"outcome":"too-long"'))).toBe(true);
  });

  it("never echoes user text as a ping or a link: <!channel>, <!here>, <!everyone>, <@U…>, <#C…>, links", async () => {
    h = await startHarness("http");
    // What Slack sends when people type these literally (escaped), and as real mentions (markup).
    const hostile =
      "&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U0VICTIM&gt; &lt;#C0SECRET&gt; &lt;https://evil.test|click&gt; " +
      "<!channel> <!here> <@U0VICTIM> <!subteam^S0TEAM> Where did Alibaba open offices in Europe? &amp;";
    await sendCommand(h.events, command(hostile, `${h.fake.responseBase}hostile`), signed);
    await sendEvent(h.events, mention({ text: hostile, channel: "C0HOSTILE" }), signed);
    await sendEvent(h.events, message({ text: `${hostile} who is the chairman?`, channel: "D0HOSTILE" }), signed);
    const hh = h;
    await waitFor(() => hh.fake.responses.length >= 1 && posts(hh).length >= 2, "three replies");
    const echoed = JSON.stringify(h.fake.responses[0]?.body);
    // The slash command echoes the question: the literal text shows, escaped, and pings no one.
    expect(echoed).toContain("&lt;!here&gt;");
    expect(echoed).toContain("&lt;@U0VICTIM&gt;");
    const everything = [...h.fake.responses.map((r) => JSON.stringify(r.body)), ...posts(h).map((c) => JSON.stringify(c.args))];
    for (const reply of everything) {
      expect(reply).not.toMatch(/<!|<@|<#|<https:\/\/evil/);
    }
  });
});
