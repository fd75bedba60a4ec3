import { createHash } from "node:crypto";
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from "discord.js";
import { type About, type Answer, type Citation, type FactAnswer, isFactAnswer, type Topic } from "../../src/index.js";
import { FRAME, type Frame, TEXT } from "./wording.js";

/** A reply in discord.js's message-option shape, plus what the buttons in it stand for. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /** Always `{ parse: [] }`: nothing the bot sends may ping anyone. */
  allowedMentions: { parse: []; repliedUser: false };
  /** `SuppressEmbeds` on text-only replies, so no link in them unfurls. */
  flags?: MessageFlags.SuppressEmbeds;
  /** custom_id key → question, so a button press can be resolved back to its question. */
  questions: Map<string, string>;
}

/** custom_id prefixes; a custom_id is at most 100 characters. */
export const CUSTOM_ID = { question: "rb:q:", helpful: "rb:fb:y:", notHelpful: "rb:fb:n:" } as const;
const COLOR = 0xff6a00;
const MAX_BUTTONS_PER_ROW = 5;

/** A short stable key for a question (12 chars), so custom_ids stay far below 100 characters. */
export function questionKey(question: string): string {
  return createHash("sha256").update(question).digest("base64url").slice(0, 12);
}

/** Cuts text to Discord's field limits without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function citationEmbed(citation: Citation, frame: Frame, description?: string): APIEmbed {
  // Each part of the source shows once: the title (linked) heads the embed, the source field
  // says who published and wrote it, and when; no footer repeats them.
  const embed: APIEmbed = {
    color: COLOR,
    title: truncate(citation.title, 256),
    // Already carries `#:~:text=…`, so the link opens on the quoted passage itself.
    url: citation.url,
    fields: [],
  };
  // `>>>` quotes everything after it, so a quote stays verbatim even if it spans lines.
  const quote = `>>> ${citation.quote}`;
  if (quote.length <= 1024) {
    embed.fields?.push({ name: frame.quoteHeading, value: quote });
    if (description) embed.description = truncate(description, 4096);
  } else {
    embed.description = truncate(description ? `${description}\n\n${quote}` : quote, 4096);
  }
  embed.fields?.push({
    name: frame.sourceHeading,
    value: truncate([citation.publisher, citation.author, citation.date].filter(Boolean).join(" · ") || "—", 1024),
  });
  return embed;
}

function questionButtons(questions: string[], style: ButtonStyle.Primary | ButtonStyle.Secondary, into: Map<string, string>) {
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  const seen = new Set<string>();
  for (const question of questions) {
    const key = questionKey(question);
    if (seen.has(key) || !question.trim()) continue;
    seen.add(key);
    into.set(key, question);
    if (rows.length === 0 || (rows.at(-1)?.components.length ?? 0) >= MAX_BUTTONS_PER_ROW) {
      rows.push({ type: ComponentType.ActionRow, components: [] });
    }
    rows
      .at(-1)
      ?.components.push({ type: ComponentType.Button, style, custom_id: `${CUSTOM_ID.question}${key}`, label: truncate(question, 80) });
  }
  return rows;
}

function feedbackRow(answer: FactAnswer, frame: Frame): APIActionRowComponent<APIButtonComponentWithCustomId> {
  // The fact ids ride along so the feedback log says which facts were judged; cut to fit 100 chars.
  const ids = answer.factIds.join(",");
  const id = (prefix: string) => truncate(`${prefix}${ids}`, 100).replace(/…$/, "");
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: id(CUSTOM_ID.helpful),
        label: frame.helpful,
        emoji: { name: "👍" },
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: id(CUSTOM_ID.notHelpful),
        label: frame.notHelpful,
        emoji: { name: "👎" },
      },
    ],
  };
}

function base(questions = new Map<string, string>()): DiscordReply {
  return { embeds: [], components: [], allowedMentions: { parse: [], repliedUser: false }, questions };
}

/**
 * Renders an engine `Answer` for Discord: answers become embeds (answer, verbatim quote, source
 * linked to the passage); anything else is short text with buttons that ask a question.
 *
 * @example
 * const reply = renderAnswer(engine.answer("Where did Alibaba open offices in Europe?"));
 * await interaction.reply(reply); // embeds + feedback buttons, allowed mentions none
 */
export function renderAnswer(answer: Answer): DiscordReply {
  const reply = base();
  if (isFactAnswer(answer) && answer.citations.length > 0) {
    // A Chinese answer gets a Chinese frame; the quote itself stays the English source text.
    const frame = FRAME[answer.language] ?? FRAME.en;
    const [first, ...rest] = answer.citations.slice(0, 10);
    if (first) reply.embeds.push(citationEmbed(first, frame, answer.text));
    for (const citation of rest) reply.embeds.push(citationEmbed(citation, frame));
    // Related questions (if any) fit in three rows; the feedback row comes last (five rows at most).
    reply.components.push(...questionButtons(answer.related.slice(0, 5), ButtonStyle.Secondary, reply.questions));
    reply.components.push(feedbackRow(answer, frame));
    return reply;
  }
  reply.content = truncate(answer.text || TEXT.fallback, 2000);
  reply.flags = MessageFlags.SuppressEmbeds;
  const asks = answer.kind === "clarify" ? answer.choices.map((c) => c.question) : "suggestions" in answer ? answer.suggestions : [];
  reply.components.push(...questionButtons(asks.slice(0, answer.kind === "clarify" ? 10 : 5), ButtonStyle.Primary, reply.questions));
  return reply;
}

/** `/topics`: the battlefields with example questions; the first examples are buttons. */
export function renderTopics(topics: Topic[]): DiscordReply {
  const reply = base();
  reply.embeds.push({
    color: COLOR,
    title: TEXT.topicsTitle,
    description: TEXT.topicsIntro,
    fields: topics.slice(0, 25).map((t) => ({
      name: truncate(t.title, 256),
      value: truncate(t.examples.map((q) => `• ${q}`).join("\n") || "—", 1024),
    })),
  });
  const firstExamples = topics.map((t) => t.examples[0]).filter((q): q is string => Boolean(q));
  reply.components.push(...questionButtons(firstExamples.slice(0, 5), ButtonStyle.Secondary, reply.questions));
  return reply;
}

/** `/about`: the source and what the bot can and cannot do. */
export function renderAbout(about: About): DiscordReply {
  const reply = base();
  const bullets = (lines: string[]) => truncate(lines.map((l) => `• ${l}`).join("\n") || "—", 1024);
  reply.embeds.push({
    color: COLOR,
    title: truncate(about.title, 256),
    url: about.url,
    description: truncate(`${TEXT.aboutIntro}\n${[about.publisher, about.author, about.date].filter(Boolean).join(" · ")}`, 4096),
    fields: [
      { name: TEXT.canHeading, value: bullets(about.can) },
      { name: TEXT.cannotHeading, value: bullets(about.cannot) },
    ],
  });
  return reply;
}

/** The discord.js message options for a reply (without flags, which differ per send method). */
export function messageOptions(reply: DiscordReply) {
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    embeds: reply.embeds,
    components: reply.components,
    // Set on every reply even though the client default is the same: a reply must never ping.
    allowedMentions: reply.allowedMentions,
  };
}

/** A short text reply (thanks, apologies), also with no mentions and no unfurling. */
export function renderText(text: string): DiscordReply {
  return { ...base(), content: truncate(text, 2000), flags: MessageFlags.SuppressEmbeds };
}
