/** Builders for the payloads Slack sends, shaped like the real ones (only the fields that matter). */
import { BOT_USER_ID, TEAM_ID } from "./slack-fake.js";

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};
export const newTs = () => `${1700000000 + next()}.${String(next()).padStart(6, "0")}`;
export const newEventId = () => `Ev${String(next()).padStart(8, "0")}`;
/** Slack gives every command and button press its own trigger_id; a replay repeats it. */
export const newTriggerId = () => `${next()}.1000.${"f".repeat(8)}`;

export interface MessageFields {
  text: string;
  channel?: string;
  user?: string;
  ts?: string;
  thread_ts?: string;
  event_id?: string;
  bot_id?: string;
  subtype?: string;
}

function callback<E extends object>(event: E, event_id: string) {
  return {
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    api_app_id: "A0FAKE",
    event,
    type: "event_callback",
    event_id,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** An `app_mention` event callback: "<@BOT> text" in a channel. */
export function mention(f: MessageFields) {
  const ts = f.ts ?? newTs();
  const event = {
    type: "app_mention",
    user: f.user ?? "UHUMAN01",
    text: `<@${BOT_USER_ID}> ${f.text}`,
    ts,
    channel: f.channel ?? "C0GENERAL",
    event_ts: ts,
    team: TEAM_ID,
    ...(f.thread_ts ? { thread_ts: f.thread_ts } : {}),
  };
  return callback(event, f.event_id ?? newEventId());
}

/** A `message` event callback; channel_type "im" for a DM, "channel" otherwise. */
export function message(f: MessageFields & { channel_type?: string }) {
  const ts = f.ts ?? newTs();
  const event: { type: string; user: string; text: string; ts: string; channel: string; [k: string]: string } = {
    type: "message",
    user: f.user ?? "UHUMAN01",
    text: f.text,
    ts,
    event_ts: ts,
    channel: f.channel ?? "D0DIRECT1",
    channel_type: f.channel_type ?? "im",
    team: TEAM_ID,
  };
  if (f.thread_ts) event.thread_ts = f.thread_ts;
  if (f.bot_id) event.bot_id = f.bot_id;
  if (f.subtype) event.subtype = f.subtype;
  return callback(event, f.event_id ?? newEventId());
}

export function homeOpened(user = "UHUMAN01") {
  return callback({ type: "app_home_opened", user, channel: "D0DIRECT1", tab: "home", event_ts: newTs() }, newEventId());
}

/** Slash command fields, as Slack form-encodes them. */
export function command(text: string, responseUrl: string, channel = "C0GENERAL") {
  return {
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    team_domain: "fake",
    channel_id: channel,
    channel_name: "general",
    user_id: "UHUMAN01",
    user_name: "asker",
    command: "/roadmap",
    text,
    api_app_id: "A0FAKE",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: newTriggerId(),
  };
}

export interface ButtonPress {
  action_id: string;
  value: string;
  responseUrl: string;
  channel?: string;
  /** The message the button was on; absent for ephemeral messages. */
  message?: { ts: string; thread_ts?: string; text?: string; blocks?: unknown[] };
}

/** A `block_actions` interaction for one button press. */
export function buttonPress(p: ButtonPress) {
  const channel = p.channel ?? "C0GENERAL";
  return {
    type: "block_actions",
    user: { id: "UHUMAN01", username: "asker", name: "asker", team_id: TEAM_ID },
    api_app_id: "A0FAKE",
    token: "legacy-verification-token",
    container: p.message
      ? { type: "message", message_ts: p.message.ts, channel_id: channel, is_ephemeral: false }
      : { type: "message", message_ts: newTs(), channel_id: channel, is_ephemeral: true },
    trigger_id: newTriggerId(),
    team: { id: TEAM_ID, domain: "fake" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: "general" },
    ...(p.message ? { message: { type: "message", user: BOT_USER_ID, bot_id: "BBOT0001", ...p.message } } : {}),
    response_url: p.responseUrl,
    actions: [
      {
        action_id: p.action_id,
        block_id: "blk",
        text: { type: "plain_text", text: p.value.slice(0, 75), emoji: false },
        value: p.value,
        type: "button",
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}
