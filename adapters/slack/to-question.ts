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
