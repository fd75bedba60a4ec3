/** REDIS_URL and RATE_LIMIT_* checks: every problem named by variable, never by value. */
import { describe, expect, it } from "vitest";
import { parseSlackConfig, slackSecrets } from "../../adapters/slack/config.js";
import { RATE_LIMIT_DEFAULTS } from "../../chat/index.js";
import { rateSettingsFromEnv, redisSecrets, sharedConfigProblems } from "../../chat/stores.js";

describe("shared configuration", () => {
  it("accepts good values and nothing at all", () => {
    expect(sharedConfigProblems({})).toEqual([]);
    expect(
      sharedConfigProblems({ REDIS_URL: "redis://:pw@127.0.0.1:6379/0", RATE_LIMIT_BURST: "10", RATE_LIMIT_PER_SECOND: "0.25" }),
    ).toEqual([]);
    expect(sharedConfigProblems({ REDIS_URL: "rediss://cache.internal:6380", RATE_LIMIT_BURST: "off" })).toEqual([]);
  });

  it("names each malformed variable without echoing its value", () => {
    const problems = sharedConfigProblems({
      REDIS_URL: "http://user:HUNTER2@host",
      RATE_LIMIT_BURST: "lots",
      RATE_LIMIT_PER_SECOND: "-1",
    });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/REDIS_URL[\s\S]*RATE_LIMIT_BURST[\s\S]*RATE_LIMIT_PER_SECOND/);
    expect(problems.join("\n")).not.toContain("HUNTER2");
    expect(problems.join("\n")).not.toContain("lots");
  });

  it("is part of the Slack configuration check, and the Redis password is redacted", () => {
    const env = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret-secret", REDIS_URL: "nonsense" };
    const r = parseSlackConfig(env);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join("\n")).toMatch(/REDIS_URL/);
    expect(slackSecrets({ ...env, REDIS_URL: "redis://:p%40ss-WORD@127.0.0.1:6379" })).toEqual(
      expect.arrayContaining(["p%40ss-WORD", "p@ss-WORD"]),
    );
    expect(redisSecrets({ REDIS_URL: "redis://127.0.0.1:6379" })).toEqual([]);
  });

  it("reads the token bucket settings with the core's defaults", () => {
    expect(rateSettingsFromEnv({})).toEqual({ capacity: RATE_LIMIT_DEFAULTS.burst, refillPerSecond: RATE_LIMIT_DEFAULTS.perSecond });
    expect(rateSettingsFromEnv({ RATE_LIMIT_BURST: "3", RATE_LIMIT_PER_SECOND: "2" })).toEqual({ capacity: 3, refillPerSecond: 2 });
    expect(rateSettingsFromEnv({ RATE_LIMIT_BURST: "off" })).toBeUndefined();
  });
});
