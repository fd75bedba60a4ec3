/** Issue 12 in Discord: an autocomplete flood is bounded per user and never starves others' commands. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { IN_SCOPE, realEngine } from "../../helpers/discord-engine.js";
import { waitFor } from "../../helpers/discord-fake.js";
import { BOB, type Harness, isCallbackFor, startHarness } from "../../helpers/discord-harness.js";
import { autocomplete, slashCommand } from "../../helpers/discord-payloads.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness(realEngine());
});
afterAll(async () => {
  await h?.stop();
});

it("answers a flood of one user's long autocomplete requests, the excess with empty lists, and another user's /ask meanwhile", async () => {
  const FLOOD = 300;
  const flood = Array.from({ length: FLOOD }, (_, i) => autocomplete(h.inGuild, `where did alibaba ${"open offices ".repeat(200)}${i}`));
  for (const a of flood) h.fake.dispatch("INTERACTION_CREATE", a);
  const ask = slashCommand({ ...h.inGuild, user: BOB }, "ask", [{ name: "question", type: 3, value: IN_SCOPE }]);
  h.fake.dispatch("INTERACTION_CREATE", ask);
  const answer = await h.waitForRequest(isCallbackFor(ask.id), "Bob's /ask");
  expect(answer.body.data.embeds).toHaveLength(1);
  const done = () => flood.filter((a) => h.fake.requests.some(isCallbackFor(a.id)));
  await waitFor(() => done().length === FLOOD, "every autocomplete answered", 30_000);
  const lists = flood.map((a) => (h.fake.requests.find(isCallbackFor(a.id))?.body.data.choices ?? []).length);
  // A burst's worth got suggestions; the rest got an empty list at once (each answered, none dropped).
  expect(lists.filter((n) => n > 0).length).toBeGreaterThan(0);
  expect(lists.filter((n) => n > 0).length).toBeLessThan(FLOOD / 2);
}, 60_000);
