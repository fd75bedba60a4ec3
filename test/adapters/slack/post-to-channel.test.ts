/**
 * "Post to channel" under a /roadmap answer, end to end over HTTP through the real Bolt app and
 * engine against the loopback fake Slack (issue 13, item 3): the shared answer credits whoever
 * asked, shows their question as plain quoted text (no live links, mentions or formatting), and
 * the button exists under answers only.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QUESTION_SHOWN_MAX } from "../../../adapters/slack/render.js";
import { toQuestion } from "../../../adapters/slack/to-question.js";
import { flat } from "../../helpers/knowledge.js";
import { type ResponseUrlPost, waitFor } from "../../helpers/slack-fake.js";
import { type Harness, realEngine, SECRETS, startHarness } from "../../helpers/slack-harness.js";
import { buttonPress, command } from "../../helpers/slack-payloads.js";
import { sendCommand, sendInteraction } from "../../helpers/slack-signed.js";

const signed = { secret: SECRETS.signing };
const ASKER = "UHUMAN01"; // the user the payload builders send as
// A phishing attempt wrapped around a question the knowledge answers.
const HOSTILE =
  "*URGENT* where did Alibaba open offices in _Europe_? <https://evil.example/login|slack.com> <https://evil.example/sso> <!channel> <@U999> ~ok~ `x`";
const OUT_OF_SCOPE = "Who is Alibaba's chairman?";

type Element = { type: string; text?: string | { text: string }; action_id?: string; value?: string };
type Block = { type: string; text?: { type: string; text: string }; elements?: Element[] };
const blocksOf = (m: { blocks?: unknown }) => (m.blocks ?? []) as Block[];
const buttonsIn = (r: ResponseUrlPost) =>
  blocksOf(r.body)
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.action_id);
/** Every mrkdwn string in a message: the only places Slack would format, link or mention. */
const mrkdwnIn = (m: { blocks?: unknown; text?: unknown }) => [
  String(m.text ?? ""),
  ...blocksOf(m).flatMap((b) => [
    ...(b.text?.type === "mrkdwn" ? [b.text.text] : []),
    ...(b.elements ?? []).filter((e) => e.type === "mrkdwn").map((e) => String(e.text)),
  ]),
];

let h: Harness;
beforeEach(async () => {
  h = await startHarness("http");
});
afterEach(async () => {
  await h.stop();
});

async function ask(text: string, id: string): Promise<ResponseUrlPost> {
  expect((await sendCommand(h.events, command(text, `${h.fake.responseBase}${id}`), signed)).status).toBe(200);
  return waitFor(() => h.fake.responses.find((r) => r.id === id), `ephemeral reply ${id}`);
}

describe("Post to channel", () => {
  it("credits the asker and shows their question as plain quoted text, with no live link or mention", async () => {
    const question = toQuestion(HOSTILE).text;
    // Pressing the button asks again, on its own (without the conversation's context).
    const second = realEngine().answer(question).answer;
    if (second.kind !== "fact") throw new Error(`the engine no longer answers ${JSON.stringify(question)}: pick another`);

    const eph = await ask(HOSTILE, "hostile");
    const post = buttonsIn(eph).find((b) => b.action_id === "roadmap_post");
    expect(post).toBeDefined();
    await sendInteraction(
      h.events,
      buttonPress({ action_id: "roadmap_post", value: post?.value ?? "", responseUrl: `${h.fake.responseBase}p` }),
      signed,
    );
    const shared = (await waitFor(() => h.fake.callsTo("chat.postMessage")[0], "answer posted to the channel")).args;

    const [header] = blocksOf(shared);
    expect(header?.type).toBe("context");
    expect(header?.elements?.[0]).toEqual({ type: "mrkdwn", text: `<@${ASKER}> asked:` });
    // plain_text: Slack shows *, _, ~ and ` as typed; the question is quoted and escaped.
    expect(header?.elements?.[1]?.type).toBe("plain_text");
    expect(header?.elements?.[1]?.text).toContain("*URGENT* where did Alibaba open offices in _Europe_?");
    expect(header?.elements?.[1]?.text).toMatch(/^“.*”$/);
    // The link the asker wrapped is gone as markup; its label never reaches the channel as a link.
    const all = JSON.stringify(shared);
    expect(all).not.toMatch(/<https?:\/\/evil|<!channel>|<@(?!UHUMAN01>)/);
    for (const text of mrkdwnIn(shared)) expect(text).not.toContain("evil.example");
    // The bot's own answer follows, with its quote.
    expect(all).toContain(second.citations[0]?.quote.slice(0, 40) ?? "missing quote");
    expect(all).not.toContain("roadmap_post");
  });

  it("offers no button under a refusal, and a refusal can still be read privately", async () => {
    const want = flat(realEngine().answer(OUT_OF_SCOPE).answer);
    expect(want.answered).toBe(false);
    const eph = await ask(OUT_OF_SCOPE, "refusal");
    expect(eph.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(eph.body)).toContain(want.answer.slice(0, 30));
    expect(buttonsIn(eph).map((b) => b.action_id)).not.toContain("roadmap_post");
  });

  it("never echoes a too-long message, and offers no button under 'too long'", async () => {
    const long = `${"Where did Alibaba open offices ".repeat(100)}?`;
    expect(realEngine().answer(toQuestion(long).text).answer.kind).toBe("too-long");
    const eph = await ask(long, "long");
    expect(JSON.stringify(eph.body)).not.toContain("Where did Alibaba open offices Where");
    expect(buttonsIn(eph).map((b) => b.action_id)).not.toContain("roadmap_post");
  });

  it("shows a long answered question cut to a readable length", async () => {
    const question = `Where did Alibaba open offices in Europe? ${"Please answer. ".repeat(30)}`.trim();
    const kind = realEngine().answer(question).answer.kind;
    if (kind !== "fact") throw new Error(`the engine no longer answers the padded question (${kind}): pick another`);
    const eph = await ask(question, "padded");
    const shown = blocksOf(eph.body)[0]?.elements?.[1]?.text;
    expect(typeof shown).toBe("string");
    expect(Array.from(String(shown)).length).toBeLessThanOrEqual(QUESTION_SHOWN_MAX + 2);
    expect(String(shown)).toMatch(/…”$/);
  });
});
