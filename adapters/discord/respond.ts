import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { Logger } from "../../chat/index.js";
import { type DiscordReply, messageOptions } from "./render.js";

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

/**
 * How to answer one interaction: call `send` with the reply when it is ready. If it is not ready
 * after `deferAfterMs`, the interaction is deferred first (Discord forgets interactions not
 * acknowledged within 3 s: "Unknown interaction") and the reply becomes an edit of the deferred
 * message. Call `done` when finished, sent or not, to stop the timer.
 */
export function interactionSender(interaction: Repliable, options: { ephemeral: boolean; deferAfterMs: number }) {
  const ephemeralFlag = options.ephemeral ? MessageFlags.Ephemeral : 0;
  let deferral: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferral = interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    // Observed here so a failed defer is not an unhandled rejection if nothing is sent.
    deferral.catch(() => undefined);
  }, options.deferAfterMs);
  return {
    async send(reply: DiscordReply): Promise<void> {
      clearTimeout(timer);
      if (deferral) {
        await deferral;
        await interaction.editReply({ ...messageOptions(reply), ...(reply.flags ? { flags: reply.flags } : {}) });
      } else if (interaction.replied || interaction.deferred) {
        await interaction.followUp({ ...messageOptions(reply), flags: ephemeralFlag | (reply.flags ?? 0) });
      } else {
        await interaction.reply({ ...messageOptions(reply), flags: ephemeralFlag | (reply.flags ?? 0) });
      }
    },
    done(): void {
      clearTimeout(timer);
    },
  };
}

/** Answers an interaction at once with `reply` (commands that need no engine work). */
export async function respondNow(interaction: Repliable, ephemeral: boolean, reply: DiscordReply): Promise<void> {
  await interaction.reply({ ...messageOptions(reply), flags: (ephemeral ? MessageFlags.Ephemeral : 0) | (reply.flags ?? 0) });
}

/** Tells the user, privately, that their interaction failed; never throws. */
export async function apologise(interaction: Repliable, sorry: DiscordReply, logger: Logger): Promise<void> {
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
