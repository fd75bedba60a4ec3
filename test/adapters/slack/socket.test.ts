/**
 * Socket Mode end to end: the real Bolt asks the fake's apps.connections.open (through
 * SLACK_API_URL) for a WebSocket URL on 127.0.0.1, receives envelopes there and acknowledges them.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ask } from "../../helpers/knowledge.js";
import { BOT_USER_ID, waitFor } from "../../helpers/slack-fake.js";
import { type Harness, realEngine, SECRETS, startHarness } from "../../helpers/slack-harness.js";
import { buttonPress, command, mention, message, newTs } from "../../helpers/slack-payloads.js";

const IN_SCOPE = "Where did Alibaba open offices in Europe?";

let h: Harness;
beforeEach(async () => {
  h = await startHarness("socket");
});
afterEach(async () => {
  await h.stop();
});

describe("Slack over Socket Mode", () => {
  it("connects through SLACK_API_URL with the app token and opens no HTTP port", async () => {
    const open = h.fake.callsTo("apps.connections.open");
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(SECRETS.app);
    expect(h.fake.callsTo("auth.test")[0]?.token).toBe(SECRETS.bot);
    expect(h.base).toBeUndefined();
    expect(h.fake.socketCount()).toBe(1);
  });

  it("answers a mention in its thread and acknowledges the envelope", async () => {
    const ev = mention({ text: IN_SCOPE });
    const envelope = h.fake.sendEnvelope("events_api", ev);
    await waitFor(() => h.fake.acks.has(envelope), "ack of the envelope");
    const reply = await waitFor(() => h.fake.callsTo("chat.postMessage")[0], "threaded reply");
    expect(reply.args.thread_ts).toBe(ev.event.ts);
    expect(reply.token).toBe(SECRETS.bot);
    expect(JSON.stringify(reply.args.blocks)).toContain(ask(realEngine(), IN_SCOPE).citations[0]?.quote ?? "missing");
  });

  it("answers a redelivered envelope and a message+mention pair once", async () => {
    const ts = newTs();
    const ev = mention({ text: IN_SCOPE, channel: "D0DIRECT1", ts });
    const first = h.fake.sendEnvelope("events_api", ev);
    const again = h.fake.sendEnvelope("events_api", ev);
    const asMessage = h.fake.sendEnvelope("events_api", message({ text: ev.event.text, channel: "D0DIRECT1", ts }));
    await waitFor(() => [first, again, asMessage].every((id) => h.fake.acks.has(id)), "all three acks");
    h.fake.sendEnvelope("events_api", mention({ text: IN_SCOPE, channel: "C0SENTINEL" }));
    await waitFor(() => h.fake.callsTo("chat.postMessage").find((c) => c.args.channel === "C0SENTINEL"), "sentinel");
    expect(h.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === "D0DIRECT1")).toHaveLength(1);
  });

  it("acknowledges a slash command and answers it ephemerally, then posts it on request", async () => {
    const id = h.fake.sendEnvelope("slash_commands", command(IN_SCOPE, `${h.fake.responseBase}sock1`));
    await waitFor(() => h.fake.acks.has(id), "command ack");
    const eph = await waitFor(() => h.fake.responses.find((r) => r.id === "sock1"), "ephemeral answer");
    expect(eph.body.response_type).toBe("ephemeral");
    const pressId = h.fake.sendEnvelope(
      "interactive",
      buttonPress({ action_id: "roadmap_post", value: IN_SCOPE, responseUrl: `${h.fake.responseBase}sock2` }),
    );
    await waitFor(() => h.fake.acks.has(pressId), "button ack");
    const shared = await waitFor(() => h.fake.callsTo("chat.postMessage")[0], "shared answer");
    expect(shared.args.channel).toBe("C0GENERAL");
  });

  it("ignores its own messages", async () => {
    const own = h.fake.sendEnvelope("events_api", message({ text: IN_SCOPE, user: BOT_USER_ID }));
    await waitFor(() => h.fake.acks.has(own), "ack");
    h.fake.sendEnvelope("events_api", mention({ text: IN_SCOPE, channel: "C0SENTINEL" }));
    await waitFor(() => h.fake.callsTo("chat.postMessage")[0], "sentinel");
    expect(h.fake.callsTo("chat.postMessage").map((c) => c.args.channel)).toEqual(["C0SENTINEL"]);
  });

  it("closes the socket on stop (and stop is idempotent)", async () => {
    expect(h.fake.socketCount()).toBe(1);
    await h.bot.stop();
    await waitFor(() => h.fake.socketCount() === 0, "socket closed", 5000);
    await h.bot.stop();
  });
});
