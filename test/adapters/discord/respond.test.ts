/** The defer-if-slow logic of respond(), with a stand-in interaction (no network needed). */
import type { ChatInputCommandInteraction } from "discord.js";
import { describe, expect, it } from "vitest";
import { renderText } from "../../../adapters/discord/render.js";
import { respond } from "../../../adapters/discord/respond.js";

function fakeInteraction() {
  const calls: { method: string; options: Record<string, unknown> }[] = [];
  const record =
    (method: string) =>
    async (options: Record<string, unknown> = {}) => {
      calls.push({ method, options });
    };
  const interaction = { deferReply: record("deferReply"), reply: record("reply"), editReply: record("editReply") };
  return { calls, interaction: interaction as unknown as ChatInputCommandInteraction };
}

describe("respond", () => {
  it("replies directly when the answer is ready in time", async () => {
    const { calls, interaction } = fakeInteraction();
    await respond(interaction, { ephemeral: true, deferAfterMs: 1_000 }, () => renderText("hi"));
    expect(calls.map((c) => c.method)).toEqual(["reply"]);
    expect(calls[0]?.options.flags).toBe(64 | 4);
    expect(calls[0]?.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it("defers (keeping the ephemeral choice) when the answer is slow, then edits the reply", async () => {
    const { calls, interaction } = fakeInteraction();
    const slow = () => new Promise<ReturnType<typeof renderText>>((resolve) => setTimeout(() => resolve(renderText("late")), 200));
    await respond(interaction, { ephemeral: true, deferAfterMs: 20 }, slow);
    expect(calls.map((c) => c.method)).toEqual(["deferReply", "editReply"]);
    expect(calls[0]?.options.flags).toBe(64);
    expect(calls[1]?.options.content).toBe("late");
  });
});
