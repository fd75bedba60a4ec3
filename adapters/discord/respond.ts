import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { Logger } from "../../chat/index.js";
import { type DiscordReply, messageOptions, renderText } from "./render.js";
import { TEXT } from "./wording.js";

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Answers an interaction with whatever `work` produces. If `work` is still running after
 * `deferAfterMs`, the interaction is deferred first (Discord forgets interactions not acknowledged
 * within 3 s: "Unknown interaction") and the reply becomes an edit of the deferred message.
 */
export async function respond(
  interaction: Repliable,
  options: { ephemeral: boolean; deferAfterMs: number },
  work: () => DiscordReply | Promise<DiscordReply>,
): Promise<DiscordReply> {
  const ephemeralFlag = options.ephemeral ? MessageFlags.Ephemeral : 0;
  let deferral: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferral = interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    // Observed here so a failed defer is not an unhandled rejection if `work` throws first.
    deferral.catch(() => undefined);
  }, options.deferAfterMs);
  let reply: DiscordReply;
  try {
    reply = await work();
  } finally {
    clearTimeout(timer);
  }
  if (deferral) {
    await deferral;
    await interaction.editReply({ ...messageOptions(reply), ...(reply.flags ? { flags: reply.flags } : {}) });
  } else {
    await interaction.reply({ ...messageOptions(reply), flags: ephemeralFlag | (reply.flags ?? 0) });
  }
  return reply;
}

/** Tells the user, privately, that their interaction failed; never throws. */
export async function apologise(interaction: Repliable, logger: Logger): Promise<void> {
  const sorry = renderText(TEXT.apology);
  try {
    if (interaction.deferred && !interaction.replied) {
      await interaction.editReply(messageOptions(sorry));
    } else if (interaction.replied) {
      await interaction.followUp({ ...messageOptions(sorry), flags: MessageFlags.Ephemeral });
    } else {
      await interaction.reply({ ...messageOptions(sorry), flags: MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds });
    }
  } catch (err) {
    logger.warn("discord apology failed", { error: logger.scrub(err instanceof Error ? err.message : String(err)) });
  }
}
