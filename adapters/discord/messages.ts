import { type Client, type GatewayMessageCreateDispatchData, type Message, MessageType, Routes } from "discord.js";
import { type HandlerContext, toDiscord } from "./context.js";
import { type DiscordReply, messageOptions } from "./render.js";
import { discordQuestion, mentionsBot, toQuestion } from "./to-question.js";

/** The parts of a message that decide whether and what the bot answers. */
export interface IncomingMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  /** Bots, webhooks and system messages never get an answer (no reply loops). */
  fromBot: boolean;
  content: string;
  /** The gateway's `mentions` list includes the bot. */
  mentioned: boolean;
}

/**
 * Answers a message that mentions the bot (or any message in a DM) as a reply to it, through the
 * pipeline. Guild messages that do not mention the bot arrive with empty content (no Message
 * Content intent) and are ignored, as are bots and the bot itself. Returns false when the message
 * was not for the bot.
 */
export async function answerMessage(
  ctx: HandlerContext,
  message: IncomingMessage,
  botId: string,
  send: (reply: DiscordReply) => Promise<unknown>,
): Promise<boolean> {
  if (message.fromBot || message.authorId === botId) return false;
  const inDm = message.guildId === null;
  if (!inDm && !message.mentioned && !mentionsBot(message.content, botId)) return false;
  const question = discordQuestion({
    source: inDm ? "dm" : "mention",
    text: toQuestion(message.content, botId).text,
    user: message.authorId,
    channel: message.channelId,
    deliveries: [`discord:message:${message.id}`],
  });
  await ctx.pipeline.ask(question, (reply) => send(toDiscord(ctx, reply)));
  return true;
}

const CHAT_TYPES: readonly MessageType[] = [MessageType.Default, MessageType.Reply];

/** From a discord.js Message (the usual path). */
export function fromMessage(message: Message, botId: string): IncomingMessage {
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId,
    authorId: message.author.id,
    fromBot: message.author.bot || Boolean(message.webhookId) || !CHAT_TYPES.includes(message.type),
    content: message.content,
    mentioned: message.mentions.users.has(botId),
  };
}

/** From a raw MESSAGE_CREATE, for messages discord.js drops (channels it has not cached). */
export function fromRaw(d: GatewayMessageCreateDispatchData, botId: string): IncomingMessage {
  return {
    id: d.id,
    channelId: d.channel_id,
    guildId: d.guild_id ?? null,
    authorId: d.author.id,
    fromBot: Boolean(d.author.bot) || Boolean(d.webhook_id) || !CHAT_TYPES.includes(d.type),
    content: d.content ?? "",
    mentioned: (d.mentions ?? []).some((u) => u.id === botId),
  };
}

/** Replies through discord.js's Message (threading via message_reference, mentions none). */
export function replyTo(message: Message) {
  return (reply: DiscordReply) =>
    // The question may have been deleted meanwhile: post the answer anyway, unthreaded.
    message.reply({ ...messageOptions(reply), ...(reply.flags ? { flags: reply.flags } : {}), failIfNotExists: false });
}

/** Replies over plain REST, for a message known only from its raw dispatch. */
export function replyToRaw(client: Client, m: IncomingMessage) {
  return (reply: DiscordReply) =>
    client.rest.post(Routes.channelMessages(m.channelId), {
      body: {
        ...(reply.content !== undefined ? { content: reply.content } : {}),
        embeds: reply.embeds,
        components: reply.components,
        allowed_mentions: { parse: [], replied_user: false },
        ...(reply.flags ? { flags: reply.flags } : {}),
        message_reference: {
          message_id: m.id,
          channel_id: m.channelId,
          ...(m.guildId ? { guild_id: m.guildId } : {}),
          fail_if_not_exists: false,
        },
      },
    });
}
