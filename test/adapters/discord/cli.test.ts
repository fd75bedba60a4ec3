/**
 * The compiled `roadmap-bot discord` (built by `npm test` before vitest runs) against the loopback
 * fake, given only the three variables a user sets: what an operator actually runs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { IN_SCOPE, realEngine } from "../../helpers/discord-engine.js";
import { FakeDiscord, waitFor } from "../../helpers/discord-fake.js";
import { ALICE, APP_ID, BOT, CHANNEL_ID, FAKE_TOKEN, GUILD_ID, isCallbackFor } from "../../helpers/discord-harness.js";
import { slashCommand } from "../../helpers/discord-payloads.js";
import { type Run, runCli, stopCli } from "../../helpers/run-cli.js";

let fake: FakeDiscord | undefined;
let running: Run | undefined;
afterEach(async () => {
  await stopCli(running);
  await fake?.close();
  fake = undefined;
  running = undefined;
});

async function startFake() {
  fake = await new FakeDiscord({ token: FAKE_TOKEN, applicationId: APP_ID, bot: BOT, guildId: GUILD_ID, channelId: CHANNEL_ID }).start();
  return fake;
}

describe("roadmap-bot discord (the compiled binary)", () => {
  it("serves /ask with only DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_API_URL, and stops on SIGTERM", async () => {
    const f = await startFake();
    running = runCli(["discord"], { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: f.apiUrl });
    await waitFor(() => f.identified, "the CLI to identify on the gateway", 30_000);
    const interaction = slashCommand({ applicationId: APP_ID, user: ALICE, channelId: CHANNEL_ID, guildId: GUILD_ID }, "ask", [
      { name: "question", type: 3, value: IN_SCOPE },
    ]);
    f.dispatch("INTERACTION_CREATE", interaction);
    const callback = await waitFor(() => f.requests.find(isCallbackFor(interaction.id)), "the /ask callback", 30_000);
    expect(callback.body.data.embeds[0].description).toBe(realEngine().answer(IN_SCOPE).answer.text);
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    expect(running.output()).not.toContain(FAKE_TOKEN);
  }, 60_000);

  it("`discord deploy` registers the commands and prints them with the invite URL", async () => {
    const f = await startFake();
    running = runCli(["discord", "deploy"], {
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: f.apiUrl,
      DISCORD_GUILD_ID: GUILD_ID,
    });
    expect(await running.exited).toBe(0);
    expect(f.requests.filter((r) => r.method === "PUT").map((r) => r.path)).toEqual([
      `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`,
    ]);
    expect(running.output()).toContain("/ask, /topics, /about");
    expect(running.output()).toContain(`https://discord.com/oauth2/authorize?client_id=${APP_ID}`);
    expect(running.output()).not.toContain(FAKE_TOKEN);
  }, 30_000);

  it("exits non-zero listing what is missing, before connecting", async () => {
    const f = await startFake();
    running = runCli(["discord"], { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: f.apiUrl });
    // Bounded, so a CLI that reports the error but lingers (an open handle) fails clearly, not by timeout.
    const code = await Promise.race([running.exited, new Promise((r) => setTimeout(() => r("still running after 10 s"), 10_000))]);
    expect(code).not.toBe("still running after 10 s");
    expect(code).not.toBe(0);
    expect(running.output()).toContain("DISCORD_APPLICATION_ID is missing");
    expect(running.output()).not.toContain(FAKE_TOKEN);
    expect(f.requests).toEqual([]);
  }, 30_000);
});
