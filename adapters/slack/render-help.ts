import type { types } from "@slack/bolt";
import type { About, Topic } from "../../src/index.js";
import { IDS, MESSAGES } from "./messages.js";
import { escapeText, escapeUrl, questionButtons, type SlackMessage, truncate } from "./render.js";

const bullets = (lines: string[]) => lines.map((l) => `• ${escapeText(l)}`).join("\n");

function aboutBlocks(about: About): types.KnownBlock[] {
  const title = `<${escapeUrl(about.url)}|${escapeText(about.title)}>`;
  const source = [about.publisher, about.author, about.date].filter(Boolean).map(escapeText).join(", ");
  const blocks: types.KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `${MESSAGES.helpIntro(title)}\n${source}` } }];
  if (about.can.length > 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `${MESSAGES.helpCan}\n${bullets(about.can)}` } });
  }
  if (about.cannot.length > 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `${MESSAGES.helpCannot}\n${bullets(about.cannot)}` } });
  }
  return blocks;
}

/** One example question per topic first, so the buttons cover all three battlefields. */
export function exampleQuestions(topics: Topic[], max = 5): string[] {
  const out: string[] = [];
  const depth = Math.max(0, ...topics.map((t) => t.examples.length));
  for (let i = 0; i < depth && out.length < max; i++) {
    for (const t of topics) {
      const q = t.examples[i];
      if (q && !out.includes(q) && out.length < max) out.push(q);
    }
  }
  return out;
}

/**
 * The reply to `/roadmap`, `/roadmap help` and an empty mention: what the bot knows, with example
 * questions as buttons. Pure.
 */
export function renderHelp(about: About, topics: Topic[]): SlackMessage {
  const examples = exampleQuestions(topics);
  const blocks: types.KnownBlock[] = [...aboutBlocks(about)];
  if (examples.length > 0) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: MESSAGES.helpTry }] });
    blocks.push(questionButtons(IDS.suggest, examples, IDS.suggest));
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: MESSAGES.helpHowTo }] });
  const text = escapeText(`${MESSAGES.helpIntro(about.title).replace(/\*/g, "")} ${MESSAGES.helpHowTo}`);
  return { text, blocks, unfurl_links: false, unfurl_media: false };
}

/** The App Home tab: the source, the topics (the three battlefields) and example questions. Pure. */
export function renderHome(about: About, topics: Topic[]): types.HomeView {
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: MESSAGES.homeTitle, emoji: false } },
    ...aboutBlocks(about),
    { type: "divider" },
    { type: "section", text: { type: "mrkdwn", text: MESSAGES.homeTopics } },
  ];
  // Home tabs hold at most 100 blocks; topics are few, but stay well inside the limit.
  for (const t of topics.slice(0, 20)) {
    const examples = t.examples
      .slice(0, 4)
      .map((q) => `• ${escapeText(q)}`)
      .join("\n");
    const text = truncate(`*${escapeText(t.title)}*${examples ? `\n${examples}` : ""}`, 2900);
    blocks.push({ type: "section", text: { type: "mrkdwn", text } });
  }
  blocks.push({ type: "divider" });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: MESSAGES.helpHowTo }] });
  return { type: "home", blocks };
}
