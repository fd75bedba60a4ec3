import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import type { Answer } from "../../src/index.js";
import { COMMAND, OPTION } from "./commands.js";
import { conversationId, type HandlerContext, since } from "./context.js";
import { logRateLimited, rateVerdict } from "./rate-gate.js";
import { CUSTOM_ID, type DiscordReply, renderAbout, renderAnswer, renderText, renderTopics, truncate } from "./render.js";
import { apologise, respond } from "./respond.js";
import { TEXT } from "./wording.js";

/** Routes one interaction; errors are caught, logged (scrubbed) and answered with an apology. */
export async function handleInteraction(ctx: HandlerContext, interaction: Interaction): Promise<void> {
  const start = performance.now();
  try {
    // Autocomplete is not limited: it costs little, and refusing it would only break typing.
    if (interaction.isAutocomplete()) return await autocomplete(ctx, interaction, start);
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    const verdict = await rateVerdict(ctx.limiter, interaction.user.id, ctx.logger);
    if (verdict !== "serve") return await refuse(ctx, interaction, verdict, start);
    if (interaction.isChatInputCommand()) return await command(ctx, interaction, start);
    return await button(ctx, interaction, start);
  } catch (err) {
    ctx.logger.error("discord interaction failed", {
      platform: "discord",
      latencyMs: since(start),
      outcome: "error",
      error: ctx.logger.scrub(err instanceof Error ? err.message : String(err)),
    });
    if (interaction.isChatInputCommand() || interaction.isButton()) await apologise(interaction, ctx.logger);
    else if (interaction.isAutocomplete() && !interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

// Autocomplete cannot be deferred: answer at once with at most 25 choices of at most 100 chars.
async function autocomplete(ctx: HandlerContext, interaction: AutocompleteInteraction, start: number) {
  const typed = String(interaction.options.getFocused() ?? "");
  const seen = new Set<string>();
  const choices: { name: string; value: string }[] = [];
  for (const question of ctx.engine.complete(typed, 25)) {
    const value = truncate(question.trim(), 100);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: value, value });
    if (choices.length === 25) break;
  }
  await interaction.respond(choices);
  ctx.logger.debug("discord autocomplete", { platform: "discord", typed, choices: choices.length, latencyMs: since(start) });
}

async function command(ctx: HandlerContext, interaction: ChatInputCommandInteraction, start: number) {
  const conversation = conversationId(interaction.channelId, interaction.user.id);
  switch (interaction.commandName) {
    case COMMAND.ask: {
      const question = interaction.options.getString(OPTION.question) ?? "";
      const ephemeral = interaction.options.getBoolean(OPTION.private) ?? false;
      return ask(ctx, interaction, question, { ephemeral, conversation, start, source: "slash" });
    }
    case COMMAND.topics:
      return logReply(
        ctx,
        "topics",
        start,
        await respond(interaction, opts(ctx, false), () => remembered(ctx, renderTopics(ctx.engine.topics()))),
      );
    case COMMAND.about:
      return logReply(ctx, "about", start, await respond(interaction, opts(ctx, false), () => renderAbout(ctx.engine.about())));
    default:
      await respond(interaction, opts(ctx, true), () => renderText(TEXT.unknownCommand));
  }
}

async function button(ctx: HandlerContext, interaction: ButtonInteraction, start: number) {
  const id = interaction.customId;
  // A button on a private (ephemeral) reply answers privately too.
  const ephemeral = Boolean(interaction.message?.flags?.has(MessageFlags.Ephemeral));
  if (id.startsWith(CUSTOM_ID.question)) {
    const key = id.slice(CUSTOM_ID.question.length);
    const label = interaction.component && "label" in interaction.component ? interaction.component.label : undefined;
    // The label is the question (cut to 80 chars): good enough when the key was forgotten.
    const question = ctx.questions.resolve(key) ?? label?.replace(/…$/, "") ?? undefined;
    if (!question) return void (await respond(interaction, opts(ctx, true), () => renderText(TEXT.expired)));
    const conversation = conversationId(interaction.channelId, interaction.user.id);
    return ask(ctx, interaction, question, { ephemeral, conversation, start, source: "button" });
  }
  if (id.startsWith(CUSTOM_ID.helpful) || id.startsWith(CUSTOM_ID.notHelpful)) {
    const helpful = id.startsWith(CUSTOM_ID.helpful);
    if (helpful) ctx.feedback.helpful++;
    else ctx.feedback.notHelpful++;
    const factIds = id
      .slice((helpful ? CUSTOM_ID.helpful : CUSTOM_ID.notHelpful).length)
      .split(",")
      .filter(Boolean);
    // Shaped like the Slack adapter's line; only what identifies the answer (no user, no question).
    ctx.logger.info("discord feedback", {
      platform: "discord",
      outcome: helpful ? "helpful" : "not-helpful",
      factIds,
      totals: { ...ctx.feedback },
    });
    await respond(interaction, opts(ctx, true), () => renderText(TEXT.thanks));
    return;
  }
  await respond(interaction, opts(ctx, true), () => renderText(TEXT.expired));
}

async function ask(
  ctx: HandlerContext,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  question: string,
  how: { ephemeral: boolean; conversation: string; start: number; source: string },
) {
  let answer: Answer | undefined;
  await respond(interaction, opts(ctx, how.ephemeral), () => {
    answer = ctx.engine.answer(question, { conversationId: how.conversation, platform: "discord" });
    return remembered(ctx, renderAnswer(answer));
  });
  ctx.logger.info("discord answer", {
    platform: "discord",
    source: how.source,
    kind: answer?.kind,
    answered: answer?.answered,
    private: how.ephemeral,
    latencyMs: since(how.start),
    outcome: "replied",
  });
  ctx.logger.debug("discord question", { platform: "discord", question, conversationId: how.conversation });
}

// An interaction must still be answered, or Discord shows "This interaction failed": the first
// refusal says why, later ones only a short note; both privately, so the channel sees nothing.
async function refuse(
  ctx: HandlerContext,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  verdict: "tell" | "hush",
  start: number,
) {
  await respond(interaction, opts(ctx, true), () => renderText(verdict === "tell" ? TEXT.rateLimited : TEXT.stillRateLimited));
  logRateLimited(ctx.logger, interaction.isButton() ? "button" : interaction.commandName, verdict, since(start));
}

function remembered(ctx: HandlerContext, reply: DiscordReply): DiscordReply {
  ctx.questions.remember(reply.questions);
  return reply;
}

function opts(ctx: HandlerContext, ephemeral: boolean) {
  return { ephemeral, deferAfterMs: ctx.deferAfterMs };
}

function logReply(ctx: HandlerContext, what: string, start: number, _reply: DiscordReply): void {
  ctx.logger.info("discord reply", { platform: "discord", source: what, latencyMs: since(start), outcome: "replied" });
}
