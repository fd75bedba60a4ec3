/** Gateway and REST payloads shaped like Discord's v10 JSON, for the loopback fake. */

export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

// Snowflakes: a realistic 2024 timestamp part keeps discord.js's date maths sensible.
let counter = 0n;
export function nextId(): string {
  counter += 1n;
  return ((1_700_000_000_000n - 1_420_070_400_000n) * 4_194_304n + counter).toString();
}

export function fakeUser(id: string, username: string, bot = false): FakeUser {
  return { id, username, discriminator: "0", global_name: username, avatar: null, ...(bot ? { bot: true } : {}) };
}

export function fakeGuild(guildId: string, channelId: string, ownerId: string) {
  return {
    id: guildId,
    name: "Roadmap Test Server",
    icon: null,
    owner_id: ownerId,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: guildId,
        name: "@everyone",
        permissions: "3072",
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: "en-US",
    nsfw_level: 0,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    members: [],
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    channels: [{ id: channelId, type: 0, name: "general", position: 0, permission_overwrites: [], parent_id: null, nsfw: false }],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: mirrors whatever the bot sent.
export function fakeMessage(options: { channelId: string; author: FakeUser; body: any }) {
  const body = options.body ?? {};
  return {
    id: nextId(),
    channel_id: options.channelId,
    author: options.author,
    content: body.content ?? "",
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body.flags ?? 0,
    type: body.message_reference ? 19 : 0,
    ...(body.message_reference ? { message_reference: body.message_reference } : {}),
  };
}

interface Where {
  applicationId: string;
  user: FakeUser;
  channelId: string;
  /** Absent for a DM. */
  guildId?: string;
}

function interactionBase(where: Where, type: number) {
  const id = nextId();
  const inGuild = where.guildId !== undefined;
  return {
    id,
    application_id: where.applicationId,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    locale: "en-US",
    app_permissions: "0",
    entitlements: [],
    authorizing_integration_owners: inGuild ? { "0": where.guildId } : { "0": "0" },
    context: inGuild ? 0 : 1,
    channel_id: where.channelId,
    channel: inGuild
      ? { id: where.channelId, type: 0, guild_id: where.guildId, name: "general" }
      : { id: where.channelId, type: 1, recipients: [where.user] },
    ...(inGuild
      ? {
          guild_id: where.guildId,
          guild_locale: "en-US",
          member: {
            user: where.user,
            roles: [],
            joined_at: new Date().toISOString(),
            deaf: false,
            mute: false,
            flags: 0,
            permissions: "3072",
          },
        }
      : { user: where.user }),
  };
}

type Option = { name: string; type: number; value: string | boolean; focused?: boolean };

/** A chat-input command (type 2). String options are type 3, booleans type 5. */
export function slashCommand(where: Where, name: string, options: Option[] = []) {
  return { ...interactionBase(where, 2), data: { id: nextId(), name, type: 1, options } };
}

/** An autocomplete request (type 4) for /ask's question option. */
export function autocomplete(where: Where, typed: string) {
  return {
    ...interactionBase(where, 4),
    data: { id: nextId(), name: "ask", type: 1, options: [{ name: "question", type: 3, value: typed, focused: true }] },
  };
}

/** A button press (type 3) on `message` (a message object the bot sent). */
// biome-ignore lint/suspicious/noExplicitAny: the message is whatever the fake recorded.
export function buttonPress(where: Where, customId: string, message: any) {
  return { ...interactionBase(where, 3), message, data: { custom_id: customId, component_type: 2 } };
}

/** A MESSAGE_CREATE; `mentions` lists the users the content mentions. */
export function messageCreate(where: Omit<Where, "applicationId"> & { content: string; mentions?: FakeUser[] }) {
  return {
    id: nextId(),
    channel_id: where.channelId,
    ...(where.guildId ? { guild_id: where.guildId } : { channel_type: 1 }),
    author: where.user,
    ...(where.guildId ? { member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } } : {}),
    content: where.content,
    mentions: where.mentions ?? [],
    mention_roles: [],
    mention_everyone: false,
    embeds: [],
    attachments: [],
    components: [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    pinned: false,
    type: 0,
    flags: 0,
  };
}
