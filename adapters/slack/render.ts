import type { types } from "@slack/bolt";
import type { Answer, AnswerKind, Citation, FactAnswer } from "../../src/index.js";
import { inQuotationMarks, isFactAnswer } from "../../src/index.js";
import { IDS, MESSAGES } from "./messages.js";
import { escapeText, escapeWithin, fill, fit, link, type Mrkdwn, userMention } from "./mrkdwn.js";

export { escapeText, escapeUrl, escapeWithin } from "./mrkdwn.js";

/** A message ready for chat.postMessage / chat.postEphemeral / response_url (spread it in). */
export interface SlackMessage {
  /** Plain fallback for notifications and clients without Block Kit (escaped like the blocks). */
  text: string;
  blocks: types.KnownBlock[];
  // Never unfurl: a link in an answer must not turn into a preview card of someone's choosing.
  unfurl_links: false;
  unfurl_media: false;
}

export interface RenderOptions {
  /** Echo the question above the answer (for ephemeral and shared answers, which have no thread). */
  question?: string;
  /** Who asked (a Slack user id): a shared answer credits them, `<@U…> asked:`. */
  asker?: string;
  /** Add a "Post to channel" button carrying the question (slash command answers). */
  postButton?: boolean;
}

// Block Kit limits: section/context text 3000 chars, button text 75, button value 2000.
const TEXT_MAX = 2900;
const BUTTON_TEXT_MAX = 75;
const VALUE_MAX = 2000;
const MAX_BUTTONS = 5;
const MAX_CITATIONS = 3;
/** A question shown above its answer: enough to recognise it, never a wall of someone's text. */
export const QUESTION_SHOWN_MAX = 300;
/** Only answers can be posted for everyone: never a refusal, help, a clarify or "too long". */
const POSTABLE: ReadonlySet<AnswerKind> = new Set(["fact", "overview"]);

export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

const mrkdwn = (text: Mrkdwn): types.MrkdwnElement => ({ type: "mrkdwn", text: fit(text, TEXT_MAX) });

/** "“quote” — <link|Title>, Publisher, Date": the verbatim quote with its source. */
export function citationBlock(c: Citation): types.ContextBlock {
  const source = [link(c.url, c.title), escapeText(c.publisher), ...(c.date ? [escapeText(c.date)] : [])].join(", ");
  const text = `${inQuotationMarks(escapeText(c.quote))}\n${escapeText(MESSAGES.sourcePrefix)} ${source}` as Mrkdwn;
  return { type: "context", elements: [mrkdwn(text)] };
}

/**
 * Who asked and what, above the answer. The question is someone's raw text, so it goes in a
 * plain_text element, which Slack does not format: no `*bold*`, `_italic_`, `~strike~` or
 * `` `code` ``, no mentions, no links of its own; escaped too, as Slack decodes entities there.
 */
export function askedBlock(question: string, asker?: string): types.ContextBlock {
  const who = userMention(asker);
  const heading = who ? fill(MESSAGES.askedBy, { user: who }) : escapeText(MESSAGES.youAsked);
  const shown = escapeWithin(question.replace(/\s+/g, " ").trim(), QUESTION_SHOWN_MAX);
  return {
    type: "context",
    elements: [mrkdwn(heading), { type: "plain_text", text: `“${shown}”`, emoji: false }],
  };
}

/** A row of buttons that each ask a question (suggestions, choices, examples). */
export function questionButtons(actionPrefix: string, questions: string[], blockId?: string): types.ActionsBlock {
  const elements: types.Button[] = questions.slice(0, MAX_BUTTONS).map((q, i) => ({
    type: "button",
    action_id: `${actionPrefix}_${i}`,
    // Escaped too: toQuestion decodes the value when the button is pressed.
    text: { type: "plain_text", text: escapeWithin(q, BUTTON_TEXT_MAX), emoji: false },
    value: escapeWithin(q, VALUE_MAX),
  }));
  return { type: "actions", ...(blockId ? { block_id: blockId } : {}), elements };
}

function feedbackBlock(answer: FactAnswer): types.ActionsBlock {
  const value = truncate(answer.factIds.join(",") || "none", VALUE_MAX);
  const button = (action_id: string, text: string): types.Button => ({
    type: "button",
    action_id,
    text: { type: "plain_text", text, emoji: true },
    value,
  });
  return {
    type: "actions",
    block_id: IDS.feedbackBlock,
    elements: [button(IDS.helpful, MESSAGES.helpful), button(IDS.notHelpful, MESSAGES.notHelpful)],
  };
}

function postBlock(question: string): types.ActionsBlock {
  return {
    type: "actions",
    block_id: IDS.post,
    elements: [
      {
        type: "button",
        action_id: IDS.post,
        style: "primary",
        text: { type: "plain_text", text: MESSAGES.postToChannel, emoji: false },
        value: escapeWithin(question, VALUE_MAX),
      },
    ],
  };
}

/**
 * Renders an engine answer as a Slack message: the answer in a section, each quote with its source
 * in a context block, buttons for suggestions/choices and feedback. Pure: no I/O.
 *
 * @example
 * await client.chat.postMessage({ channel, thread_ts, ...render(engine.answer(q)) });
 */
export function render(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const blocks: types.KnownBlock[] = [];
  // "That message is too long" needs no copy of the message above it.
  const question = answer.kind === "too-long" ? undefined : options.question;
  if (question) blocks.push(askedBlock(question, options.asker));
  blocks.push({ type: "section", text: mrkdwn(escapeText(answer.text)) });
  const citations = isFactAnswer(answer) ? answer.citations.slice(0, MAX_CITATIONS) : [];
  const asks = isFactAnswer(answer) ? answer.related : "suggestions" in answer ? answer.suggestions : [];
  for (const c of citations) blocks.push(citationBlock(c));

  if (answer.kind === "clarify" && answer.choices.length > 0) {
    // The answer already asks "Which did you mean?": a label would say it twice.
    blocks.push(
      questionButtons(
        IDS.choice,
        answer.choices.map((c) => c.question),
        IDS.choice,
      ),
    );
  } else if (asks.length > 0) {
    const label = isFactAnswer(answer) ? MESSAGES.relatedLabel : MESSAGES.suggestionsLabel;
    blocks.push({ type: "context", elements: [mrkdwn(escapeText(label))] });
    blocks.push(questionButtons(IDS.suggest, asks, IDS.suggest));
  }
  if (isFactAnswer(answer)) blocks.push(feedbackBlock(answer));
  if (options.postButton && question && POSTABLE.has(answer.kind)) blocks.push(postBlock(question));

  return { text: fallbackText(answer), blocks, unfurl_links: false, unfurl_media: false };
}

/** The notification text: the answer and its first quote with source, escaped the same way. */
export function fallbackText(answer: Answer): string {
  const c = isFactAnswer(answer) ? answer.citations[0] : undefined;
  const cite = c ? `\n${inQuotationMarks(c.quote)} (${[c.title, c.publisher, c.date].filter(Boolean).join(", ")}) ${c.url}` : "";
  return escapeWithin(`${answer.text}${cite}`, TEXT_MAX);
}

/** A plain one-line message (apologies, acknowledgements). */
export function plainMessage(text: string): SlackMessage {
  const safe = escapeWithin(text, TEXT_MAX);
  return { text: safe, blocks: [{ type: "section", text: mrkdwn(safe) }], unfurl_links: false, unfurl_media: false };
}
