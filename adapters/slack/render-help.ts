import type { types } from "@slack/bolt";
import type { About, Topic } from "../../src/index.js";
import { IDS, MESSAGES } from "./messages.js";
import { escapeText, fill, fit, link, type Mrkdwn } from "./mrkdwn.js";
import { questionButtons, type SlackMessage } from "./render.js";

// Block Kit: section and context text at most 3000 characters.
const TEXT_MAX = 2900;
const mrkdwn = (text: Mrkdwn): types.MrkdwnElement => ({ type: "mrkdwn", text: fit(text, TEXT_MAX) });
const section = (text: Mrkdwn): types.SectionBlock => ({ type: "section", text: mrkdwn(text) });
const context = (text: Mrkdwn): types.ContextBlock => ({ type: "context", elements: [mrkdwn(text)] });
const lines = (...parts: Mrkdwn[]) => parts.join("\n") as Mrkdwn;
const bullets = (items: string[]) => lines(...items.map((l) => escapeText(`• ${l}`)));

function aboutBlocks(about: About): types.KnownBlock[] {
  const intro = fill(MESSAGES.helpIntro, { title: link(about.url, about.title) });
  const source = escapeText([about.publisher, about.author, about.date].filter(Boolean).join(", "));
  const blocks: types.KnownBlock[] = [section(lines(intro, source))];
  if (about.can.length > 0) blocks.push(section(lines(escapeText(MESSAGES.helpCan), bullets(about.can))));
  if (about.cannot.length > 0) blocks.push(section(lines(escapeText(MESSAGES.helpCannot), bullets(about.cannot))));
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
    blocks.push(context(escapeText(MESSAGES.helpTry)));
    blocks.push(questionButtons(IDS.suggest, examples, IDS.suggest));
  }
  blocks.push(context(escapeText(MESSAGES.helpHowTo)));
  // Notifications show the text as typed: no bold, and the title without its link.
  const intro = fill(MESSAGES.helpIntro.replace(/\*/g, ""), { title: escapeText(about.title) });
  const text = fit(`${intro} ${escapeText(MESSAGES.helpHowTo)}` as Mrkdwn, TEXT_MAX);
  return { text, blocks, unfurl_links: false, unfurl_media: false };
}

/** The App Home tab: the source, the topics (the three battlefields) and example questions. Pure. */
export function renderHome(about: About, topics: Topic[]): types.HomeView {
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: MESSAGES.homeTitle, emoji: false } },
    ...aboutBlocks(about),
    { type: "divider" },
    section(escapeText(MESSAGES.homeTopics)),
  ];
  // Home tabs hold at most 100 blocks; topics are few, but stay well inside the limit.
  for (const t of topics.slice(0, 20)) {
    const title = escapeText(`*${t.title}*`);
    blocks.push(section(t.examples.length > 0 ? lines(title, bullets(t.examples.slice(0, 4))) : title));
  }
  blocks.push({ type: "divider" });
  blocks.push(context(escapeText(MESSAGES.helpHowTo)));
  return { type: "home", blocks };
}
