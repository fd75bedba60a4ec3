import { describe, expect, it } from "vitest";
import { parseDiscordConfig } from "../../../adapters/discord/config.js";
import { formatProblem, RoadmapBotError } from "../../../src/index.js";

const TOKEN = "FAKE.DISCORD.TOKEN-SECRET";

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseDiscordConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(RoadmapBotError);
    expect((err as Error).message).not.toContain(TOKEN);
    return (err as RoadmapBotError).problems.map(formatProblem);
  }
  throw new Error("expected a RoadmapBotError");
}

describe("parseDiscordConfig", () => {
  it("names every missing variable", () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DISCORD_TOKEN is missing/);
    expect(problems[1]).toMatch(/^DISCORD_APPLICATION_ID is missing/);
  });

  it("treats blank values as missing", () => {
    const problems = problemsOf({ DISCORD_TOKEN: "  ", DISCORD_APPLICATION_ID: "" });
    expect(problems.join("\n")).toMatch(/DISCORD_TOKEN is missing[\s\S]*DISCORD_APPLICATION_ID is missing/);
  });

  it("names malformed variables without echoing their values", () => {
    const env = {
      DISCORD_TOKEN: "has space SECRETVALUE",
      DISCORD_APPLICATION_ID: "12ab",
      DISCORD_GUILD_ID: "guild",
      DISCORD_API_URL: "not a url",
    };
    const problems = problemsOf(env);
    expect(problems.map((p) => p.split(" ")[0])).toEqual([
      "DISCORD_TOKEN",
      "DISCORD_APPLICATION_ID",
      "DISCORD_GUILD_ID",
      "DISCORD_API_URL",
    ]);
    const text = problems.join("\n");
    for (const value of ["SECRETVALUE", "12ab", "guild", "not a url"]) expect(text).not.toContain(value);
  });

  it("parses a good environment, dropping a pasted Bot prefix and /v10 suffix", () => {
    const config = parseDiscordConfig({
      DISCORD_TOKEN: `Bot ${TOKEN}`,
      DISCORD_APPLICATION_ID: "123456789012345678",
      DISCORD_API_URL: "http://127.0.0.1:3000/api/v10/",
      UNRELATED: "x",
    });
    expect(config).toEqual({ token: TOKEN, applicationId: "123456789012345678", apiUrl: "http://127.0.0.1:3000/api" });
  });

  it("keeps an optional guild id and omits blank optionals", () => {
    const config = parseDiscordConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: "1",
      DISCORD_GUILD_ID: "987654321098765432",
      DISCORD_API_URL: "",
    });
    expect(config).toEqual({ token: TOKEN, applicationId: "1", guildId: "987654321098765432" });
  });
});
