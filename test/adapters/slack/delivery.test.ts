/**
 * Issue 12 in Slack, end to end through the real Bolt app and the loopback fake: replays of
 * commands are answered once, and a reply Slack took too long to accept is never posted twice.
 */
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../../helpers/slack-fake.js";
import { type Harness, SECRETS, startHarness } from "../../helpers/slack-harness.js";
import { command, mention } from "../../helpers/slack-payloads.js";
import { sendCommand, sendEvent } from "../../helpers/slack-signed.js";

const signed = { secret: SECRETS.signing };
const IN_SCOPE = "Where did Alibaba open offices in Europe?";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe("Slack delivery", () => {
  it("answers a signed /roadmap replayed within five minutes once (same trigger_id)", async () => {
    h = await startHarness("http");
    const hh = h;
    const once = command(IN_SCOPE, `${h.fake.responseBase}replayed`);
    for (let i = 0; i < 3; i++) expect((await sendCommand(h.events, once, signed)).status).toBe(200);
    // A different command after the replays, answered: so the replays had their chance first.
    await sendCommand(h.events, command(IN_SCOPE, `${h.fake.responseBase}sentinel`), signed);
    await waitFor(() => hh.fake.responses.some((r) => r.id === "sentinel"), "the sentinel's answer");
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.responses.filter((r) => r.id === "replayed")).toHaveLength(1);
    expect(h.lines.filter((l) => l.includes('"outcome":"duplicate"'))).toHaveLength(2);
  });

  it("never posts a reply twice when Slack accepts it only after our deadline, and does not apologise for it", async () => {
    h = await startHarness("http", {}, undefined, { webApiTimeoutMs: 400 });
    const hh = h;
    h.fake.delayNext("chat.postMessage", 1200);
    await sendEvent(h.events, mention({ text: IN_SCOPE, channel: "C0SLOW" }), signed);
    await waitFor(() => hh.lines.some((l) => l.includes("may not have arrived")), "the unknown delivery to be logged");
    // Slack took the slow post in the end; wait past it and past any retry the client could make.
    await new Promise((r) => setTimeout(r, 2500));
    const posts = h.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === "C0SLOW");
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts)).not.toMatch(/went wrong/);
  });
});
