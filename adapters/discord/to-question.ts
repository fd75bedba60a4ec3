import type { Question } from "../../chat/index.js";

/** What a Discord message asks, once the bot's own mention is removed. */
export interface DiscordQuestion {
  /** The question text, trimmed; "" when the message only mentioned the bot. */
  text: string;
  /** True when nothing is left to ask (a bare mention): reply with help. */
  empty: boolean;
}

/**
 * Turns a message's content into a question: strips mentions of the bot (`<@id>` and the legacy
 * nickname form `<@!id>`) wherever they are, and collapses the whitespace they leave behind.
 *
 * @example
 * toQuestion("<@123> who leads it?", "123"); // { text: "who leads it?", empty: false }
 */
export function toQuestion(content: string, botId: string): DiscordQuestion {
  // Ids are snowflakes (digits), but escape anyway: a malformed id must not become a pattern.
  const mention = new RegExp(`<@!?${botId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}>`, "g");
  const text = content.replace(mention, " ").replace(/\s+/g, " ").trim();
  return { text, empty: text.length === 0 };
}

/** True when the content mentions the bot (used alongside the gateway's `mentions` list). */
export function mentionsBot(content: string, botId: string): boolean {
  return content.includes(`<@${botId}>`) || content.includes(`<@!${botId}>`);
}

/**
 * A Discord message or command as the pipeline's Question: each user has their own conversation
 * in a channel (as with slash commands, whose replies only the asker may see). Pure.
 *
 * @example
 * discordQuestion({ source: "mention", text: "who leads it?", user: "42", channel: "7", deliveries: ["msg:99"] })
 */
export function discordQuestion(o: {
  source: string;
  text: string;
  user: string;
  channel: string | null;
  deliveries?: string[];
  mustReply?: boolean;
}): Question {
  return {
    platform: "discord",
    source: o.source,
    text: o.text,
    user: o.user,
    where: { space: o.channel ?? "unknown", user: o.user },
    ...(o.deliveries ? { deliveries: o.deliveries } : {}),
    ...(o.mustReply ? { mustReply: true } : {}),
  };
}
