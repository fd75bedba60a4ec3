import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from "discord.js";
import { DISCORD_WORDING } from "../../chat/index.js";

/** Command and option names, shared by the definitions and the interaction handler. */
export const COMMAND = { ask: "ask", topics: "topics", about: "about" } as const;
export const OPTION = { question: "question", private: "private" } as const;

/** Discord allows 6000; a question longer than this is not a question about one article. */
export const QUESTION_MAX_LENGTH = 300;

// Guild installs only: a user-install integration type is refused for apps not set up for it in
// the Developer Portal. BotDM keeps the commands usable in a DM with the bot.
function withContexts(builder: SlashCommandBuilder): SlashCommandBuilder {
  return builder
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
}

/**
 * The slash commands, as the JSON Discord's "bulk overwrite" endpoint takes.
 *
 * @example
 * await rest.put(Routes.applicationCommands(appId), { body: commandDefinitions() });
 */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const ask = withContexts(new SlashCommandBuilder())
    .setName(COMMAND.ask)
    .setDescription(DISCORD_WORDING.askCommand)
    .addStringOption((o) =>
      o
        .setName(OPTION.question)
        .setDescription(DISCORD_WORDING.questionOption)
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(QUESTION_MAX_LENGTH),
    )
    .addBooleanOption((o) => o.setName(OPTION.private).setDescription(DISCORD_WORDING.privateOption));
  const topics = withContexts(new SlashCommandBuilder()).setName(COMMAND.topics).setDescription(DISCORD_WORDING.topicsCommand);
  const about = withContexts(new SlashCommandBuilder()).setName(COMMAND.about).setDescription(DISCORD_WORDING.aboutCommand);
  return [ask, topics, about].map((b) => b.toJSON());
}
