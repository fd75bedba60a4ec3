import type { Message } from "discord.js";
import { type HandlerContext, conversationId, since } from "./context.js";
import { messageOptions, renderAnswer, renderText } from "./render.js";
import { mentionsBot, toQuestion } from "./to-question.js";
import { TEXT } from "./wording.js";

/**
 * Answers a message that mentions the bot (or any message in a DM) as a reply to it. Guild
 * messages that do not mention the bot arrive with empty content (no Message Content intent) and
 * are ignored, as are bots (no reply loops) and the bot itself.
 */
export async function handleMessage(ctx: HandlerContext, message: Message, botId: string): Promise<void> {
  if (message.author.bot || message.author.id === botId || message.webhookId || message.system) return;
  const inDm = !message.guildId;
  const mentioned = message.mentions.users.has(botId) || mentionsBot(message.content, botId);
  if (!inDm && !mentioned) return;

  const start = performance.now();
  const question = toQuestion(message.content, botId);
  // A bare mention gets the engine's help reply (kind "help"): what the bot can answer.
  const answer = ctx.engine.answer(question.text, {
    conversationId: conversationId(message.channelId, message.author.id),
    platform: "discord",
  });
  const reply = renderAnswer(answer);
  ctx.questions.remember(reply.questions);
  try {
    await message.reply({
      ...messageOptions(reply),
      ...(reply.flags ? { flags: reply.flags } : {}),
      // The question may have been deleted meanwhile: post the answer anyway, unthreaded.
      failIfNotExists: false,
    });
    ctx.logger.info("discord answer", {
      platform: "discord",
      source: inDm ? "dm" : "mention",
      kind: answer.kind,
      answered: answer.answered,
      latencyMs: since(start),
      outcome: "replied",
    });
    ctx.logger.debug("discord question", { platform: "discord", question: question.text });
  } catch (err) {
    ctx.logger.error("discord reply failed", {
      platform: "discord",
      latencyMs: since(start),
      outcome: "error",
      error: ctx.logger.scrub(err instanceof Error ? err.message : String(err)),
    });
    // One short apology; if the channel itself refuses messages this fails too, and that is logged.
    if (!("send" in message.channel)) return;
    const sorry = renderText(TEXT.apology);
    await message.channel
      .send({ ...messageOptions(sorry), flags: sorry.flags })
      .catch((e: unknown) => ctx.logger.warn("discord apology failed", { error: ctx.logger.scrub(String(e)) }));
  }
}
