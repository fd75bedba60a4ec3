/**
 * Slack mrkdwn, the one place that knows its rules. Slack reads `&`, `<` and `>` as control
 * characters (`<@U…>` mentions, `<!channel>` pings, `<url|label>` links), so every piece of text,
 * ours, the knowledge file's or a user's, is escaped before it becomes mrkdwn. `Mrkdwn` marks a
 * string that has been through here; the block helpers in render.ts accept nothing else.
 */
declare const escaped: unique symbol;
export type Mrkdwn = string & { readonly [escaped]: true };

/** Escapes the three characters Slack treats as markup, so no text can mention, link or ping. */
export function escapeText(text: string): Mrkdwn {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") as Mrkdwn;
}

/** Makes a URL safe inside `<url|label>`: `|` and `>` would end it early. */
export function escapeUrl(url: string): string {
  return url.replace(/&/g, "&amp;").replace(/</g, "%3C").replace(/>/g, "%3E").replace(/\|/g, "%7C");
}

/** A link whose label is shown as text. */
export function link(url: string, label: string): Mrkdwn {
  return `<${escapeUrl(url)}|${escapeText(label)}>` as Mrkdwn;
}

// Slack user ids: U… or W… (Enterprise Grid), upper-case letters and digits.
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** `<@U123>`, which Slack shows as the person's name; undefined for anything that is not a user id. */
export function userMention(userId: string | undefined): Mrkdwn | undefined {
  return userId && USER_ID.test(userId) ? (`<@${userId}>` as Mrkdwn) : undefined;
}

/**
 * Fills the `{name}` slots of our own wording (which may use `*bold*` and `` `code` ``, untouched
 * by escaping) with mrkdwn built here; the wording itself is escaped, so `/roadmap <question>`
 * shows as typed.
 *
 * @example
 * fill("I answer questions about *{title}*.", { title: link(url, "Our plans") })
 */
export function fill(template: string, slots: Record<string, Mrkdwn> = {}): Mrkdwn {
  return template
    .split(/(\{\w+\})/)
    .map((part) => {
      const slot = /^\{(\w+)\}$/.exec(part)?.[1];
      return slot !== undefined && slot in slots ? slots[slot] : escapeText(part);
    })
    .join("") as Mrkdwn;
}

/** Cuts escaped text to `max` characters without leaving half an entity (`&am`) or half a link. */
export function fit(text: Mrkdwn, max: number): Mrkdwn {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  return `${cut.replace(/&[a-z]*$/, "").replace(/<[^>]*$/, "")}…` as Mrkdwn;
}

/**
 * Escapes, then fits `max` characters without cutting an entity in half. For plain text that
 * Slack still decodes (button labels and values), as well as mrkdwn.
 */
export function escapeWithin(text: string, max: number): Mrkdwn {
  return fit(escapeText(text), max);
}
