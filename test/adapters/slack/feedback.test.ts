/**
 * 👍 / 👎 under an answer, end to end over HTTP through the real Bolt app against the loopback fake
 * Slack (issue 13, item 5): the presser alone is thanked, ephemerally through the response_url;
 * the message everyone sees, and its buttons, stay as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "../../helpers/slack-fake.js";
import { type Harness, SECRETS, startHarness } from "../../helpers/slack-harness.js";
import { buttonPress } from "../../helpers/slack-payloads.js";
import { sendInteraction } from "../../helpers/slack-signed.js";

const signed = { secret: SECRETS.signing };

let h: Harness;
beforeEach(async () => {
  h = await startHarness("http");
});
afterEach(async () => {
  await h.stop();
});

// The posted answer the button sits on, as Slack sends it back with the press.
const blocks = [
  { type: "section", block_id: "a", text: { type: "mrkdwn", text: "answer" } },
  {
    type: "actions",
    block_id: "roadmap_feedback",
    elements: [
      { type: "button", action_id: "roadmap_feedback_helpful", value: "europe-offices", text: { type: "plain_text", text: "👍 Helpful" } },
    ],
  },
];

const press = (action_id: string, id: string) =>
  buttonPress({
    action_id,
    value: "europe-offices",
    responseUrl: `${h.fake.responseBase}${id}`,
    message: { ts: "1700000001.000100", text: "answer", blocks },
  });

describe("feedback buttons", () => {
  it.each([
    ["roadmap_feedback_helpful", "helpful"],
    ["roadmap_feedback_not_helpful", "not-helpful"],
  ])("%s thanks the presser alone and leaves the message as everyone sees it", async (action, outcome) => {
    expect((await sendInteraction(h.events, press(action, "fb"), signed)).status).toBe(200);
    const thanks = await waitFor(() => h.fake.responses.find((r) => r.id === "fb"), "ephemeral thanks");
    expect(thanks.body.response_type).toBe("ephemeral");
    expect(thanks.body.replace_original).toBe(false);
    expect(JSON.stringify(thanks.body)).toContain("Thanks for the feedback.");

    // Logged (fact ids, no user), counted, and nothing in the channel changed.
    const line = await waitFor(() => h.lines.find((l) => l.includes('"msg":"feedback","platform":"slack"')), "feedback log line");
    expect(line).toContain(`"outcome":"${outcome}"`);
    expect(line).toContain("europe-offices");
    expect(line).not.toContain("UHUMAN01");
    const health = (await (await fetch(`${h.base}/healthz`)).json()) as { helpful: number; notHelpful: number };
    expect(outcome === "helpful" ? health.helpful : health.notHelpful).toBe(1);
    expect(h.fake.callsTo("chat.update")).toHaveLength(0);
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);
    expect(h.fake.responses.filter((r) => r.body.replace_original === true || r.body.response_type === "in_channel")).toHaveLength(0);
  });

  it("thanks again on a second press (the buttons are still there for everyone else)", async () => {
    await sendInteraction(h.events, press("roadmap_feedback_helpful", "one"), signed);
    await sendInteraction(h.events, press("roadmap_feedback_helpful", "two"), signed);
    await waitFor(() => h.fake.responses.find((r) => r.id === "two"), "second thanks");
    expect(h.fake.responses.filter((r) => r.body.response_type === "ephemeral")).toHaveLength(2);
    expect(h.fake.callsTo("chat.update")).toHaveLength(0);
  });
});
