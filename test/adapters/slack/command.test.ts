/**
 * /roadmap and the buttons on its answers, end to end over HTTP through the real Bolt and engine.
 * Feedback buttons: feedback.test.ts; what "Post to channel" shows: post-to-channel.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ask } from "../../helpers/knowledge.js";
import { type ResponseUrlPost, waitFor } from "../../helpers/slack-fake.js";
import { type Harness, realEngine, SECRETS, startHarness } from "../../helpers/slack-harness.js";
import { buttonPress, command } from "../../helpers/slack-payloads.js";
import { sendCommand, sendInteraction } from "../../helpers/slack-signed.js";

const IN_SCOPE = "Where did Alibaba open offices in Europe?";
const signed = { secret: SECRETS.signing };

let h: Harness;
beforeEach(async () => {
  h = await startHarness("http");
});
afterEach(async () => {
  await h.stop();
});

type Element = { action_id?: string; value?: string };
const buttonsIn = (r: ResponseUrlPost): Element[] =>
  ((r.body.blocks ?? []) as { elements?: Element[] }[]).flatMap((b) => b.elements ?? []).filter((e) => e.action_id);

describe("/roadmap", () => {
  it("answers ephemerally with the quote, then posts to the channel when asked", async () => {
    const expected = ask(realEngine(), IN_SCOPE);
    const res = await sendCommand(h.events, command(IN_SCOPE, `${h.fake.responseBase}cmd1`), signed);
    expect(res.status).toBe(200);
    const eph = await waitFor(() => h.fake.responses.find((r) => r.id === "cmd1"), "ephemeral answer");
    expect(eph.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(eph.body.blocks)).toContain(expected.citations[0]?.quote ?? "missing quote");
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);

    const post = buttonsIn(eph).find((b) => b.action_id === "roadmap_post");
    expect(post?.value).toBe(IN_SCOPE);
    const press = buttonPress({ action_id: "roadmap_post", value: post?.value ?? "", responseUrl: `${h.fake.responseBase}press1` });
    expect((await sendInteraction(h.events, press, signed)).status).toBe(200);
    const shared = await waitFor(() => h.fake.callsTo("chat.postMessage")[0], "answer posted to the channel");
    expect(shared.args.channel).toBe("C0GENERAL");
    expect(JSON.stringify(shared.args.blocks)).toContain(expected.citations[0]?.quote ?? "missing quote");
    expect(JSON.stringify(shared.args.blocks)).not.toContain("roadmap_post");
    // The ephemeral copy is then removed.
    await waitFor(() => h.fake.responses.find((r) => r.id === "press1" && r.body.delete_original === true), "delete_original");
  });

  it("falls back to an in_channel response when the bot is not in the channel", async () => {
    const press = buttonPress({ action_id: "roadmap_post", value: IN_SCOPE, responseUrl: `${h.fake.responseBase}p2`, channel: "C0NOTIN" });
    // Slack's answer when the bot was never invited: a platform error, not an HTTP one.
    h.fake.failNext("chat.postMessage", { status: 200, error: "not_in_channel" });
    await sendInteraction(h.events, press, signed);
    const shared = await waitFor(
      () => h.fake.responses.find((r) => r.id === "p2" && r.body.response_type === "in_channel"),
      "in_channel post",
    );
    expect(JSON.stringify(shared.body.blocks)).toContain(ask(realEngine(), IN_SCOPE).citations[0]?.quote ?? "missing");
  });

  it("falls back to chat.postEphemeral when the response_url fails", async () => {
    // Port 9 on loopback: nothing listens, so the POST fails at once.
    await sendCommand(h.events, command(IN_SCOPE, "http://127.0.0.1:9/closed"), signed);
    const eph = await waitFor(() => h.fake.callsTo("chat.postEphemeral")[0], "chat.postEphemeral");
    expect(eph.args.channel).toBe("C0GENERAL");
    expect(eph.args.user).toBe("UHUMAN01");
    expect(JSON.stringify(eph.args.blocks)).toContain("roadmap_post");
  });

  it.each(["", "help", "  HELP  "])("shows help for %j", async (text) => {
    await sendCommand(h.events, command(text, `${h.fake.responseBase}help`), signed);
    const eph = await waitFor(() => h.fake.responses.find((r) => r.id === "help"), "help");
    expect(eph.body.response_type).toBe("ephemeral");
    const examples = realEngine()
      .topics()
      .flatMap((t) => t.examples);
    const values = buttonsIn(eph).map((b) => b.value);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(examples).toContain(v);
  });

  it("answers a suggestion pressed on an ephemeral message ephemerally", async () => {
    const question = realEngine().topics()[0]?.examples[0] ?? "What is the first battlefield?";
    const press = buttonPress({ action_id: "roadmap_suggest_0", value: question, responseUrl: `${h.fake.responseBase}eph` });
    await sendInteraction(h.events, press, signed);
    const eph = await waitFor(() => h.fake.responses.find((r) => r.id === "eph"), "ephemeral answer");
    expect(eph.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(eph.body)).toContain(ask(realEngine(), question).answer.slice(0, 30));
  });
});
