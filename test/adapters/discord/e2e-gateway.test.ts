/**
 * A dropped gateway connection, through the real discord.js client: it resumes (or identifies anew
 * when Discord refuses the resume) and keeps answering, including what was sent while it was away.
 */
import { afterEach, describe, expect, it } from "vitest";
import { IN_SCOPE, realEngine } from "../../helpers/discord-engine.js";
import { waitFor } from "../../helpers/discord-fake.js";
import { type Harness, isCallbackFor, startHarness } from "../../helpers/discord-harness.js";
import { slashCommand } from "../../helpers/discord-payloads.js";

const expected = realEngine();
let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function askAndWait(harness: Harness, what: string) {
  const interaction = slashCommand(harness.inGuild, "ask", [{ name: "question", type: 3, value: IN_SCOPE }]);
  harness.fake.dispatch("INTERACTION_CREATE", interaction);
  return (await harness.waitForRequest(isCallbackFor(interaction.id), what)).body.data;
}

describe("gateway disconnects", () => {
  it("resumes after a resumable close (4000) and still answers, replaying what was missed", async () => {
    h = await startHarness(realEngine());
    const harness = h;
    await askAndWait(harness, "an answer before the drop");
    harness.fake.closeGateway(4000);
    // Sent while disconnected: Discord replays it on RESUME.
    const missed = slashCommand(harness.inGuild, "ask", [{ name: "question", type: 3, value: IN_SCOPE }]);
    harness.fake.dispatch("INTERACTION_CREATE", missed);
    await waitFor(() => harness.fake.identified, "discord.js to resume", 15_000);
    expect(harness.fake.resumes).toHaveLength(1);
    expect(harness.fake.identifies).toHaveLength(1);
    const replayed = await harness.waitForRequest(isCallbackFor(missed.id), "the replayed interaction's callback");
    expect(replayed.body.data.embeds[0].description).toBe(expected.answer(IN_SCOPE).answer.text);
    const after = await askAndWait(harness, "an answer after resuming");
    expect(after.embeds[0].description).toBe(expected.answer(IN_SCOPE).answer.text);
    await waitFor(() => harness.logs.some((l) => l.includes('"discord gateway resumed"')), "the resume to be logged");
    // The token goes in the RESUME payload (as it must), and nowhere in the logs.
    expect(harness.logs.join("")).not.toContain("TOKEN-SECRET");
  });

  it("identifies anew when the resume is refused (INVALID_SESSION), and still answers", async () => {
    h = await startHarness(realEngine());
    const harness = h;
    harness.fake.refuseNextResume = true;
    harness.fake.closeGateway(4000);
    await waitFor(() => harness.fake.identifies.length === 2 && harness.fake.identified, "a fresh identify", 20_000);
    expect(harness.fake.resumes).toHaveLength(1);
    const after = await askAndWait(harness, "an answer after re-identifying");
    expect(after.embeds[0].description).toBe(expected.answer(IN_SCOPE).answer.text);
  }, 30_000);

  it("reconnects after a normal close (1000) and still answers", async () => {
    h = await startHarness(realEngine());
    const harness = h;
    harness.fake.closeGateway(1000);
    await waitFor(() => harness.fake.identifies.length === 2 && harness.fake.identified, "a fresh identify", 20_000);
    const after = await askAndWait(harness, "an answer after reconnecting");
    expect(after.embeds[0].description).toBe(expected.answer(IN_SCOPE).answer.text);
  }, 30_000);
});
