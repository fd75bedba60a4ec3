import type { Question } from "../../chat/index.js";

/** A Slack message turned into the question text the engine sees. */
export interface SlackQuestion {
  /** Plain text: mentions and Slack markup removed, entities decoded, whitespace collapsed. */
  text: string;
  /** Nothing left after removing the mention: the reply is help. */
  isEmpty: boolean;
  /** Empty, or just "help" / "?": the reply is help. */
  isHelp: boolean;
}

// Slack wraps everything special in <…>: user mentions <@U123|name>, specials <!here>, channels
// <#C123|name>, links <https://x|label>. None of it is question text, but a label is.
const USER_MENTION = /<@[UWB][A-Z0-9]+(?:\|[^>]*)?>/g;
const SPECIAL = /<![^>]*>/g;
const CHANNEL = /<#[A-Z0-9]+(?:\|([^>]*))?>/g;
const LINK = /<((?:https?|mailto):[^>|]*)(?:\|([^>]*))?>/g;

/**
 * Extracts the question from a Slack message text (an `app_mention`, a DM, or a slash command's
 * text). Pure: no I/O.
 *
 * @example
 * toQuestion("<@U0BOT> where did Alibaba open offices in Europe?").text
 * // "where did Alibaba open offices in Europe?"
 */
export function toQuestion(raw: string | undefined | null): SlackQuestion {
  const text = decodeEntities(
    String(raw ?? "")
      .replace(USER_MENTION, " ")
      .replace(SPECIAL, " ")
      .replace(CHANNEL, (_m, name: string | undefined) => (name ? `#${name}` : " "))
      .replace(LINK, (_m, url: string, label: string | undefined) => label ?? url),
  )
    .replace(/[\s\u200b]+/g, " ")
    .trim();
  const isEmpty = text === "";
  return { text, isEmpty, isHelp: isEmpty || /^(help|\?+|usage)[.!?]*$/i.test(text) };
}

/** Slack escapes exactly these three in message text; &amp; last so "&amp;lt;" stays "&lt;". */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Where a Slack message or press came from: enough to tell its conversation and its asker apart. */
export interface SlackOrigin {
  source: string;
  /** Raw Slack text, or a button's question. */
  text: string;
  team: string;
  user: string;
  channel: string;
  /** The thread the reply goes to (a DM's replies share one conversation, threaded or not). */
  threadTs?: string | undefined;
  /** Each user has a conversation of their own here (slash commands and their buttons). */
  perUser?: boolean;
  /** Ids of this delivery (event id, channel+ts). */
  deliveries?: string[];
  /** Answer without the conversation's context ("Post to channel" republishes an answer, as it stands alone). */
  standalone?: boolean;
}

/**
 * A Slack event as the pipeline's Question: the text without mentions or markup, the asker's budget
 * key (user ids are per workspace), and the place its conversation lives. Pure.
 *
 * @example
 * slackQuestion({ source: "mention", text: "<@U0BOT> who leads it?", team: "T1", user: "U1", channel: "C1", threadTs: "1.2" })
 * // { platform: "slack", text: "who leads it?", user: "T1:U1", where: { space: "T1:C1", thread: "1.2" }, … }
 */
export function slackQuestion(o: SlackOrigin): Question {
  const dm = o.channel.startsWith("D");
  return {
    platform: "slack",
    source: o.source,
    text: toQuestion(o.text).text,
    user: `${o.team}:${o.user}`,
    where: {
      space: `${o.team}:${o.channel}`,
      ...(!dm && o.threadTs ? { thread: o.threadTs } : {}),
      ...(o.perUser ? { user: o.user } : {}),
    },
    ...(o.deliveries ? { deliveries: o.deliveries } : {}),
    ...(o.standalone ? { standalone: true } : {}),
  };
}
