import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from "discord.js";

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
    .setDescription("Ask about Alibaba's 2016 roadmap; the answer quotes its source.")
    .addStringOption((o) =>
      o
        .setName(OPTION.question)
        .setDescription("Your question, e.g. Where did Alibaba open offices in Europe?")
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(QUESTION_MAX_LENGTH),
    )
    .addBooleanOption((o) => o.setName(OPTION.private).setDescription("Only you see the answer (default: off)."));
  const topics = withContexts(new SlashCommandBuilder())
    .setName(COMMAND.topics)
    .setDescription("The three battlefields of Alibaba's 2016 roadmap, with example questions.");
  const about = withContexts(new SlashCommandBuilder())
    .setName(COMMAND.about)
    .setDescription("The source this bot quotes, and what it can and cannot do.");
  return [ask, topics, about].map((b) => b.toJSON());
}
