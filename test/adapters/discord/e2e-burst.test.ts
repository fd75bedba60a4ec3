/** A burst of interactions through the loopback gateway: every one answered exactly once. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { IN_SCOPE, OUT_OF_SCOPE, realEngine } from "../../helpers/discord-engine.js";
import { waitFor } from "../../helpers/discord-fake.js";
import { type Harness, startHarness } from "../../helpers/discord-harness.js";
import { slashCommand } from "../../helpers/discord-payloads.js";

const BURST = 200;
let h: Harness;
beforeAll(async () => {
  h = await startHarness(realEngine());
});
afterAll(async () => {
  await h?.stop();
});

it(`answers a burst of ${BURST} /ask interactions, each exactly once`, async () => {
  const ids: string[] = [];
  const started = performance.now();
  for (let n = 0; n < BURST; n++) {
    const interaction = slashCommand(h.inGuild, "ask", [{ name: "question", type: 3, value: n % 2 ? IN_SCOPE : OUT_OF_SCOPE }]);
    ids.push(interaction.id);
    h.fake.dispatch("INTERACTION_CREATE", interaction);
  }
  const callbacks = () => h.fake.requests.filter((r) => r.path.startsWith("/interactions/"));
  await waitFor(() => callbacks().length >= BURST, `${BURST} callbacks`, 30_000);
  const elapsed = performance.now() - started;
  const perInteraction = new Map<string, number>();
  for (const r of callbacks()) {
    const id = r.path.split("/")[2] ?? "";
    perInteraction.set(id, (perInteraction.get(id) ?? 0) + 1);
  }
  expect([...perInteraction.keys()].sort()).toEqual([...ids].sort());
  expect([...perInteraction.values()].every((count) => count === 1)).toBe(true);
  console.log(`discord burst: ${BURST} interactions answered in ${Math.round(elapsed)} ms (${Math.round((BURST / elapsed) * 1000)}/s)`);
}, 60_000);
