import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import { describe, say } from "../../chat/index.js";
import { COMMAND, OPTION } from "./commands.js";
import { type HandlerContext, since, toDiscord } from "./context.js";
import { CUSTOM_ID, renderAbout, renderText, renderTopics, truncate } from "./render.js";
import { apologise, interactionSender, respondNow } from "./respond.js";
import { discordQuestion } from "./to-question.js";

/** Routes one interaction; errors are caught, logged (scrubbed) and answered with an apology. */
export async function handleInteraction(ctx: HandlerContext, interaction: Interaction): Promise<void> {
  const start = performance.now();
  try {
    // Autocomplete is not limited: it costs little, and refusing it would only break typing.
    if (interaction.isAutocomplete()) return await autocomplete(ctx, interaction, start);
    if (interaction.isChatInputCommand()) return await command(ctx, interaction);
    if (interaction.isButton()) return await button(ctx, interaction);
  } catch (err) {
    ctx.logger.error("discord interaction failed", {
      platform: "discord",
      latencyMs: since(start),
      outcome: "error",
      error: describe(err, ctx.logger),
    });
    if (interaction.isChatInputCommand() || interaction.isButton()) await apologise(interaction, renderText(say("apology")), ctx.logger);
    else if (interaction.isAutocomplete() && !interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

/** Questions in flight past which a new interaction is deferred at once rather than after `deferAfterMs`. */
const BACKLOG_DEFER = 32;

// Autocomplete cannot be deferred: answer at once with at most 25 choices of at most 100 chars.
async function autocomplete(ctx: HandlerContext, interaction: AutocompleteInteraction, start: number) {
  const typed = String(interaction.options.getFocused() ?? "");
  // The pipeline bounds each user's autocomplete: past the budget the list is empty, at once.
  const suggestions = await ctx.pipeline.suggest("discord", interaction.user.id, typed, 25);
  const seen = new Set<string>();
  const choices: { name: string; value: string }[] = [];
  for (const question of suggestions) {
    const value = truncate(question.trim(), 100);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: value, value });
    if (choices.length === 25) break;
  }
  await interaction.respond(choices);
  ctx.logger.debug("discord autocomplete", { platform: "discord", choices: choices.length, latencyMs: since(start) });
}

async function command(ctx: HandlerContext, interaction: ChatInputCommandInteraction) {
  switch (interaction.commandName) {
    case COMMAND.ask: {
      const question = interaction.options.getString(OPTION.question) ?? "";
      const ephemeral = interaction.options.getBoolean(OPTION.private) ?? false;
      return ask(ctx, interaction, question, ephemeral, "slash");
    }
    case COMMAND.topics: {
      const reply = renderTopics(ctx.engine().topics());
      ctx.questions.remember(reply.questions);
      return respondNow(interaction, false, reply);
    }
    case COMMAND.about:
      return respondNow(interaction, false, renderAbout(ctx.engine().about()));
    default:
      return respondNow(interaction, true, renderText(say("unknownCommand")));
  }
}

async function button(ctx: HandlerContext, interaction: ButtonInteraction) {
  const id = interaction.customId;
  // A button on a private (ephemeral) reply answers privately too.
  const ephemeral = Boolean(interaction.message?.flags?.has(MessageFlags.Ephemeral));
  if (id.startsWith(CUSTOM_ID.question)) {
    const key = id.slice(CUSTOM_ID.question.length);
    const label = interaction.component && "label" in interaction.component ? interaction.component.label : undefined;
    // The label is the question (cut to 80 chars): good enough when the key was forgotten.
    const question = ctx.questions.resolve(key) ?? label?.replace(/…$/, "") ?? undefined;
    if (!question) return respondNow(interaction, true, renderText(say("expired")));
    return ask(ctx, interaction, question, ephemeral, "button");
  }
  if (id.startsWith(CUSTOM_ID.helpful) || id.startsWith(CUSTOM_ID.notHelpful)) {
    const helpful = id.startsWith(CUSTOM_ID.helpful);
    const factIds = id
      .slice((helpful ? CUSTOM_ID.helpful : CUSTOM_ID.notHelpful).length)
      .split(",")
      .filter(Boolean);
    const thanks = ctx.pipeline.feedback({ platform: "discord", helpful, factIds });
    return respondNow(interaction, true, renderText(thanks));
  }
  return respondNow(interaction, true, renderText(say("expired")));
}

/** A question from /ask or a button, through the pipeline; an interaction always gets a reply. */
async function ask(
  ctx: HandlerContext,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  text: string,
  ephemeral: boolean,
  source: string,
) {
  // With questions already waiting, this one will not be answered within Discord's 3 s: defer at once.
  const busy = ctx.pipeline.inFlight >= BACKLOG_DEFER;
  const sender = interactionSender(interaction, { ephemeral, deferAfterMs: busy ? 0 : ctx.deferAfterMs });
  const question = discordQuestion({
    source,
    text,
    user: interaction.user.id,
    channel: interaction.channelId,
    deliveries: [`discord:interaction:${interaction.id}`],
    mustReply: true,
  });
  try {
    await ctx.pipeline.ask(question, async (reply) => {
      const rendered = toDiscord(ctx, reply);
      // Refusals for going too fast are private, whatever the question asked for.
      if (reply.type === "notice") rendered.flags = (rendered.flags ?? 0) | MessageFlags.Ephemeral;
      await sender.send(rendered);
    });
  } finally {
    sender.done();
  }
}
