/** `deployDiscord` against the loopback REST fake, and the invite URL. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commandDefinitions } from "../../../adapters/discord/commands.js";
import { deployDiscord, inviteUrl } from "../../../adapters/discord/index.js";
import { createLogger } from "../../../chat/logger.js";
import { RoadmapBotError } from "../../../src/index.js";
import { FakeDiscord } from "../../helpers/discord-fake.js";
import { APP_ID, BOT, CHANNEL_ID, FAKE_TOKEN, GUILD_ID } from "../../helpers/discord-harness.js";

let fake: FakeDiscord;
let logs: string[];
let printed: string[];
beforeEach(async () => {
  fake = await new FakeDiscord({ token: FAKE_TOKEN, applicationId: APP_ID, bot: BOT, guildId: GUILD_ID, channelId: CHANNEL_ID }).start();
  logs = [];
  printed = [];
});
afterEach(async () => {
  await fake.close();
});

const deploy = (env: Record<string, string>) =>
  deployDiscord({
    env: { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ...env },
    logger: createLogger({ level: "debug", write: (l) => logs.push(l) }),
    print: (line) => printed.push(line),
  });

describe("deployDiscord", () => {
  it("registers the commands to one guild when DISCORD_GUILD_ID is set", async () => {
    await deploy({ DISCORD_GUILD_ID: GUILD_ID });
    const puts = fake.requests.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]?.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(puts[0]?.authorization).toBe(`Bot ${FAKE_TOKEN}`);
    expect(puts[0]?.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions())));
    expect(printed[0]).toContain(`guild ${GUILD_ID}`);
    expect(printed[0]).toContain("/ask, /topics, /about");
    expect(printed[1]).toBe(`Invite the bot: ${inviteUrl(APP_ID)}`);
  });

  it("registers globally otherwise", async () => {
    await deploy({});
    const puts = fake.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.path)).toEqual([`/applications/${APP_ID}/commands`]);
    expect(printed[0]).toContain("globally");
    expect(`${printed.join("")}${logs.join("")}`).not.toContain(FAKE_TOKEN);
  });

  it("fails clearly, without the token, when Discord refuses", async () => {
    const error = await deploy({ DISCORD_TOKEN: "Bot WRONG.TOKEN-SECRET-2" }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Discord: registering commands failed/);
    expect(`${(error as Error).message}${logs.join("")}`).not.toContain("WRONG.TOKEN-SECRET-2");
  });

  it("lists configuration problems before any request", async () => {
    const error = await deploy({ DISCORD_TOKEN: "", DISCORD_APPLICATION_ID: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RoadmapBotError);
    expect((error as RoadmapBotError).problems.map((p) => p.path)).toEqual(["DISCORD_TOKEN", "DISCORD_APPLICATION_ID"]);
    expect(fake.requests).toEqual([]);
  });
});

describe("inviteUrl", () => {
  it("asks for bot + applications.commands and only the permissions the bot uses", () => {
    const url = new URL(inviteUrl(APP_ID));
    expect(url.origin + url.pathname).toBe("https://discord.com/oauth2/authorize");
    expect(url.searchParams.get("client_id")).toBe(APP_ID);
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    // View Channel 1<<10, Send Messages 1<<11, Embed Links 1<<14, Read Message History 1<<16.
    expect(BigInt(url.searchParams.get("permissions") ?? "0")).toBe((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n));
  });
});
