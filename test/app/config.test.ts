import { describe, expect, it } from "vitest";
import { parseConfig, parseCoreConfig, secretsIn } from "../../app/config.js";
import { createTokenBucket } from "../../chat/rate-limit.js";

describe("core configuration", () => {
  it("accepts an empty environment and the empty values of a copied .env.example", () => {
    expect(parseCoreConfig({}).ok).toBe(true);
    expect(parseCoreConfig({ LOG_LEVEL: "", MAX_QUESTION_LENGTH: "", RATE_LIMIT_BURST: "" }).ok).toBe(true);
  });

  it("names every malformed variable, never its value", () => {
    const r = parseCoreConfig({ LOG_LEVEL: "loud", MAX_QUESTION_LENGTH: "lots", RATE_LIMIT_BURST: "many-secret-value" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.split(" ")[0]).sort()).toEqual(["LOG_LEVEL", "MAX_QUESTION_LENGTH", "RATE_LIMIT_BURST"]);
    expect(r.problems.join(" ")).not.toContain("many-secret-value");
  });
});

describe("the whole configuration, parsed once", () => {
  it("lists every problem of every part together: core, limits, Redis, Slack and Discord", () => {
    const r = parseConfig(
      {
        LOG_LEVEL: "loud",
        RATE_LIMIT_PER_SECOND: "0",
        REDIS_URL: "http://user:pa55word@cache:6379",
        SLACK_BOT_TOKEN: "xoxp-secret-value",
        DISCORD_TOKEN: "dq7.discord.secret",
        DISCORD_APPLICATION_ID: "not-a-snowflake",
      },
      { slack: true, discord: true },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const named = r.problems.map((p) => p.split(" ")[0]);
    for (const v of [
      "LOG_LEVEL",
      "RATE_LIMIT_PER_SECOND",
      "REDIS_URL",
      "SLACK_BOT_TOKEN",
      "SLACK_SIGNING_SECRET",
      "DISCORD_APPLICATION_ID",
    ])
      expect(named).toContain(v);
    const all = r.problems.join("\n");
    for (const secret of ["secret-value", "dq7.discord", "pa55word"]) expect(all).not.toContain(secret);
    // Every secret is known to the logger before anything is logged, the password in a URL too.
    expect(r.secrets).toEqual(expect.arrayContaining(["xoxp-secret-value", "dq7.discord.secret", "pa55word"]));
  });

  it("turns the settings into the store's limits", () => {
    const r = parseConfig({ RATE_LIMIT_BURST: "5", RATE_LIMIT_PER_SECOND: "0.5", CONVERSATION_IDLE_MS: "60000" });
    expect(r.ok && r.config.limits).toMatchObject({ rate: { burst: 5, perSecond: 0.5 }, conversationIdleMs: 60_000 });
    const off = parseConfig({ RATE_LIMIT_BURST: "off" });
    expect(off.ok && off.config.limits.rate).toBeUndefined();
  });

  it("finds the password in any URL setting", () => {
    expect(secretsIn({ SLACK_API_URL: "https://proxy:s3cr%40t@api.example/" })).toEqual(expect.arrayContaining(["s3cr%40t", "s3cr@t"]));
  });
});

describe("token bucket", () => {
  it("allows a burst, refuses after it, tells once, and refills", async () => {
    let now = 0;
    const bucket = createTokenBucket({ capacity: 2, refillPerSecond: 1, now: () => now });
    expect((await bucket.take("u")).allowed).toBe(true);
    expect((await bucket.take("u")).allowed).toBe(true);
    expect(await bucket.take("u")).toEqual({ allowed: false, firstDenial: true });
    expect(await bucket.take("u")).toEqual({ allowed: false, firstDenial: false });
    expect((await bucket.take("other")).allowed).toBe(true);
    now = 1000;
    expect((await bucket.take("u")).allowed).toBe(true);
  });

  it("is bounded in memory", async () => {
    const bucket = createTokenBucket({ maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) await bucket.take(`u${i}`);
    expect(bucket.size()).toBe(100);
  });
});
