import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { EventDedup, Logger } from "../../chat/index.js";
import type { Engine } from "../../src/index.js";
import { IDS, MESSAGES } from "./messages.js";
import { plainMessage, type SlackMessage } from "./render.js";
import { renderHome } from "./render-help.js";
import { createReplier, describe, type QuestionJob, type ReplierStores, type SlackStats } from "./reply.js";

export interface WiringDeps {
  engine: Engine;
  logger: Logger;
  /** In memory, or shared between processes (Redis). */
  dedup: EventDedup;
  /** Rate limiter and shared conversation context, when configured. */
  stores?: ReplierStores;
  stats: SlackStats;
  /** Runs listener work so that stop() can wait for replies in flight. */
  track: <T>(work: Promise<T>) => Promise<T>;
}

// DM channel ids start with D; a DM is one conversation, a channel thread is one conversation.
const isDm = (channel: string) => channel.startsWith("D");
const conversation = (team: string, channel: string, threadTs?: string) =>
  isDm(channel) || !threadTs ? `slack:${team}:${channel}` : `slack:${team}:${channel}:${threadTs}`;

interface ActionContainer {
  is_ephemeral?: boolean;
  message_ts?: string;
  thread_ts?: string;
}

/**
 * Registers every listener on a Bolt app: mentions, DMs, /roadmap, button presses and App Home.
 * Events are acknowledged by Bolt before these run; commands and actions call ack() first.
 */
export function wireSlackApp(app: App, deps: WiringDeps): void {
  const { engine, logger, dedup, stats, track } = deps;
  const reply = createReplier(engine, logger, stats, deps.stores);
  const userKey = (team: string, user: string) => `${team}:${user}`;

  app.event("app_mention", async ({ event, body, client, context }) => {
    // Bots (ourselves included) never get an answer: that is how reply loops start.
    if (event.bot_id || event.subtype || !event.user || event.user === context.botUserId) return;
    // A mention also arrives as a `message` event (DMs), and Slack retries unacknowledged events.
    const user = event.user;
    const threadTs = isDm(event.channel) ? event.thread_ts : (event.thread_ts ?? event.ts);
    const team = body.team_id ?? event.team ?? "unknown";
    await track(
      once([body.event_id, `post:${event.channel}:${event.ts}`], () => ({
        source: "mention",
        text: event.text,
        user: userKey(team, user),
        conversationId: conversation(team, event.channel, threadTs),
        deliver: (m) => client.chat.postMessage({ channel: event.channel, ...thread(threadTs), ...m }),
      })),
    );
  });

  app.message(async ({ message, body, client, context }) => {
    if (message.channel_type !== "im" || message.subtype !== undefined) return;
    if (message.bot_id || !message.user || message.user === context.botUserId) return;
    const threadTs = message.thread_ts;
    const team = body.team_id ?? "unknown";
    const user = message.user;
    await track(
      once([body.event_id, `post:${message.channel}:${message.ts}`], () => ({
        source: "dm",
        text: message.text ?? "",
        user: userKey(team, user),
        conversationId: conversation(team, message.channel),
        deliver: (m) => client.chat.postMessage({ channel: message.channel, ...thread(threadTs), ...m }),
      })),
    );
  });

  app.command("/roadmap", async ({ command, ack, respond, client }) => {
    await ack();
    await track(
      reply({
        source: "command",
        text: command.text,
        user: userKey(command.team_id, command.user_id),
        conversationId: `slack:${command.team_id}:${command.channel_id}:user:${command.user_id}`,
        echo: true,
        postButton: true,
        deliver: (m) =>
          ephemeral(respond, m, () => client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, ...m })),
      }),
    );
  });

  // Suggestion and choice buttons ask their question: in the thread, or ephemerally where they were.
  app.action<BlockAction<ButtonAction>>(/^roadmap_(suggest|choice)_\d+$/, async ({ ack, body, action, respond, client }) => {
    await ack();
    const channel = body.channel?.id;
    const team = body.team?.id ?? body.user.team_id ?? "unknown";
    const container = (body as { container?: ActionContainer }).container ?? {};
    const source = action.action_id.startsWith(IDS.choice) ? "choice" : "suggestion";
    if (!channel || container.is_ephemeral || !body.message) {
      await track(
        reply({
          source,
          text: action.value ?? "",
          user: userKey(team, body.user.id),
          conversationId: `slack:${team}:${channel ?? "none"}:user:${body.user.id}`,
          echo: true,
          postButton: true,
          deliver: (m) => respond({ response_type: "ephemeral", replace_original: false, ...m }),
        }),
      );
      return;
    }
    const message = body.message;
    const threadTs = isDm(channel) ? message.thread_ts : (message.thread_ts ?? message.ts);
    await track(
      reply({
        source,
        text: action.value ?? "",
        user: userKey(team, body.user.id),
        conversationId: conversation(team, channel, threadTs),
        deliver: (m) => client.chat.postMessage({ channel, ...thread(threadTs), ...m }),
      }),
    );
  });

  // "Post to channel" under an ephemeral /roadmap answer: ask again and post for everyone.
  app.action<BlockAction<ButtonAction>>(IDS.post, async ({ ack, body, action, respond, client }) => {
    await ack();
    const channel = body.channel?.id;
    const team = body.team?.id ?? body.user.team_id ?? "unknown";
    await track(
      reply({
        source: "post",
        text: action.value ?? "",
        user: userKey(team, body.user.id),
        conversationId: `slack:${team}:${channel ?? "none"}:user:${body.user.id}`,
        echo: true,
        asker: body.user.id,
        deliver: async (m) => {
          await toChannel(client, respond, channel, m);
          // The ephemeral copy has served its purpose; failing to delete it is harmless.
          await respond({ delete_original: true }).catch(() => undefined);
        },
      }),
    );
  });

  app.action<BlockAction<ButtonAction>>(/^roadmap_feedback_/, async ({ ack, action, respond }) => {
    await ack();
    const helpful = action.action_id === IDS.helpful;
    if (helpful) stats.helpful += 1;
    else stats.notHelpful += 1;
    // Only what identifies the answer: no user id, no question text.
    logger.info("slack feedback", {
      platform: "slack",
      outcome: helpful ? "helpful" : "not-helpful",
      factIds: (action.value ?? "").split(",").filter((f) => f && f !== "none"),
    });
    // Thanks go to the presser alone; the message, and its buttons, stay as everyone sees them.
    try {
      await track(respond({ response_type: "ephemeral", replace_original: false, ...plainMessage(MESSAGES.feedbackThanks) }));
    } catch (error) {
      logger.warn("slack feedback thanks failed", { platform: "slack", error: describe(error, logger) });
    }
  });

  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home" || !(await dedup.firstTime(body.event_id))) return;
    try {
      await track(client.views.publish({ user_id: event.user, view: renderHome(engine.about(), engine.topics()) }));
    } catch (error) {
      logger.error("slack home publish failed", { platform: "slack", error: describe(error, logger) });
    }
  });

  // Backstop for anything a listener did not catch: log it scrubbed, never crash the process.
  app.error(async (error) => {
    logger.error("slack listener error", { platform: "slack", error: describe(error, logger) });
  });

  /** Answers an event unless any of its keys was seen (a retry, or the same post as another event). */
  async function once(keys: (string | undefined)[], job: () => QuestionJob): Promise<void> {
    if (await dedup.firstTime(...keys)) await reply(job());
  }
}

const thread = (threadTs: string | undefined) => (threadTs ? { thread_ts: threadTs } : {});

/** Ephemeral reply through response_url; chat.postEphemeral when the URL has expired or failed. */
async function ephemeral(respond: RespondFn, m: SlackMessage, fallback: () => Promise<unknown>): Promise<unknown> {
  try {
    return await respond({ response_type: "ephemeral", ...m });
  } catch {
    return fallback();
  }
}

/** chat.postMessage needs the bot in the channel; response_url in_channel works without it. */
async function toChannel(client: App["client"], respond: RespondFn, channel: string | undefined, m: SlackMessage) {
  if (channel) {
    try {
      return await client.chat.postMessage({ channel, ...m });
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code !== "not_in_channel" && code !== "channel_not_found") throw error;
    }
  }
  return respond({ response_type: "in_channel", replace_original: false, ...m });
}
