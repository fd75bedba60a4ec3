import { describe, expect, it } from "vitest";
import { parseSlackConfig, slackSecrets } from "../../../adapters/slack/config.js";

const problems = (env: Record<string, string | undefined>) => {
  const r = parseSlackConfig(env);
  return r.ok ? [] : r.problems;
};

describe("parseSlackConfig", () => {
  it("chooses HTTP with a signing secret, default port 3000", () => {
    const r = parseSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1-2", SLACK_SIGNING_SECRET: "abcdef123456" });
    expect(r).toEqual({ ok: true, config: { botToken: "xoxb-1-2", signingSecret: "abcdef123456", port: 3000, mode: "http" } });
  });

  it("chooses Socket Mode when an app token is set, and normalises the API URL", () => {
    const r = parseSlackConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_PORT: "0",
      SLACK_API_URL: "http://127.0.0.1:9/api",
    });
    expect(r.ok && r.config).toMatchObject({ mode: "socket", appToken: "xapp-1", port: 0, apiUrl: "http://127.0.0.1:9/api/" });
  });

  it("lists every missing variable by name", () => {
    const p = problems({});
    expect(p.join("\n")).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(p.join("\n")).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(p).toHaveLength(2);
  });

  it("treats empty values as missing", () => {
    expect(problems({ SLACK_BOT_TOKEN: "  ", SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "" })).toHaveLength(2);
  });

  it("names malformed variables without echoing their values", () => {
    const env = {
      SLACK_BOT_TOKEN: "xapp-NOT-A-BOT-TOKEN-SECRET",
      SLACK_APP_TOKEN: "xoxb-NOT-AN-APP-TOKEN-SECRET",
      SLACK_PORT: "99999",
      SLACK_API_URL: "ftp://nope-secret",
    };
    const p = problems(env).join("\n");
    for (const name of ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_PORT", "SLACK_API_URL"]) expect(p).toContain(name);
    expect(p).toMatch(/xoxb-/);
    expect(p).toMatch(/xapp-/);
    for (const value of Object.values(env)) expect(p).not.toContain(value);
    expect(problems({ ...env, SLACK_PORT: "abc" }).join("\n")).toMatch(/SLACK_PORT must be a port number/);
  });

  it("reports the secrets to redact", () => {
    expect(slackSecrets({ SLACK_BOT_TOKEN: "xoxb-a", SLACK_SIGNING_SECRET: "s3cret", OTHER: "x" })).toEqual(["xoxb-a", "s3cret"]);
  });
});
