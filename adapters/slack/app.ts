import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import { describe, type Logger, type Pipeline, type Reply } from "../../chat/index.js";
import { type Engine, isFactAnswer, RoadmapBotError } from "../../src/index.js";
import { TIMED_OUT } from "./http-fetch.js";
import { IDS } from "./messages.js";
import { plainMessage, type RenderOptions, render, type SlackMessage } from "./render.js";
import { renderHome } from "./render-help.js";
import { type SlackOrigin, slackQuestion } from "./to-question.js";

export interface WiringDeps {
  pipeline: Pipeline;
  /** For App Home (what the bot can answer). */
  engine: () => Engine;
  logger: Logger;
  /** Runs listener work so that stop() can wait for replies in flight. */
  track: <T>(work: Promise<T>) => Promise<T>;
}

interface ActionContainer {
  is_ephemeral?: boolean;
  message_ts?: string;
  thread_ts?: string;
}

const isDm = (channel: string) => channel.startsWith("D");

/**
 * Registers every listener on a Bolt app: mentions, DMs, /roadmap, button presses and App Home.
 * Each turns its event into a Question and hands it to the pipeline with a `send` that renders the
 * reply in Block Kit and posts it where the question was asked. Events are acknowledged by Bolt
 * before these run; commands and actions call ack() first.
 */
export function wireSlackApp(app: App, deps: WiringDeps): void {
  const { pipeline, logger, track } = deps;
  const ask = (origin: SlackOrigin, post: (m: SlackMessage) => Promise<unknown>, options: RenderOptions = {}) =>
    track(pipeline.ask(slackQuestion(origin), (reply) => certain(post(toMessage(reply, options)))));

  app.event("app_mention", async ({ event, body, client, context }) => {
    // Bots (ourselves included) never get an answer: that is how reply loops start.
    if (event.bot_id || event.subtype || !event.user || event.user === context.botUserId) return;
    const threadTs = isDm(event.channel) ? event.thread_ts : (event.thread_ts ?? event.ts);
    const team = body.team_id ?? event.team ?? "unknown";
    // A mention in a DM also arrives as a `message` event: both carry the post's channel and ts.
    const deliveries = [body.event_id, `post:${event.channel}:${event.ts}`];
    await ask({ source: "mention", text: event.text, team, user: event.user, channel: event.channel, threadTs, deliveries }, (m) =>
      client.chat.postMessage({ channel: event.channel, ...thread(threadTs), ...m }),
    );
  });

  app.message(async ({ message, body, client, context }) => {
    if (message.channel_type !== "im" || message.subtype !== undefined) return;
    if (message.bot_id || !message.user || message.user === context.botUserId) return;
    const team = body.team_id ?? "unknown";
    const deliveries = [body.event_id, `post:${message.channel}:${message.ts}`];
    await ask({ source: "dm", text: message.text ?? "", team, user: message.user, channel: message.channel, deliveries }, (m) =>
      client.chat.postMessage({ channel: message.channel, ...thread(message.thread_ts), ...m }),
    );
  });

  app.command("/roadmap", async ({ command, ack, respond, client }) => {
    await ack();
    // A replayed (or retried) command carries the same trigger_id: it is answered once.
    const origin = {
      source: "command",
      text: command.text,
      team: command.team_id,
      user: command.user_id,
      channel: command.channel_id,
      perUser: true,
      deliveries: [`trigger:${command.trigger_id}`],
    };
    await ask(
      origin,
      (m) => ephemeral(respond, m, () => client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, ...m })),
      { question: command.text, postButton: true },
    );
  });

  // Suggestion and choice buttons ask their question: in the thread, or ephemerally where they were.
  app.action<BlockAction<ButtonAction>>(/^roadmap_(suggest|choice)_\d+$/, async ({ ack, body, action, respond, client }) => {
    await ack();
    const channel = body.channel?.id;
    const team = body.team?.id ?? body.user.team_id ?? "unknown";
    const container = (body as { container?: ActionContainer }).container ?? {};
    const source = action.action_id.startsWith(IDS.choice) ? "choice" : "suggestion";
    const text = action.value ?? "";
    const deliveries = [`trigger:${body.trigger_id}`];
    if (!channel || container.is_ephemeral || !body.message) {
      await ask(
        { source, text, team, user: body.user.id, channel: channel ?? "none", perUser: true, deliveries },
        (m) => respond({ response_type: "ephemeral", replace_original: false, ...m }),
        { question: text, postButton: true },
      );
      return;
    }
    const message = body.message;
    const threadTs = isDm(channel) ? message.thread_ts : (message.thread_ts ?? message.ts);
    await ask({ source, text, team, user: body.user.id, channel, threadTs }, (m) =>
      client.chat.postMessage({ channel, ...thread(threadTs), ...m }),
    );
  });

  // "Post to channel" under an ephemeral /roadmap answer: answer the question again, on its own,
  // and post it for everyone, crediting the asker. Only an answer is posted: if the question no
  // longer gets one (or the asker is going too fast), the reply stays private.
  app.action<BlockAction<ButtonAction>>(IDS.post, async ({ ack, body, action, respond, client }) => {
    await ack();
    const channel = body.channel?.id;
    const team = body.team?.id ?? body.user.team_id ?? "unknown";
    const text = action.value ?? "";
    const origin = {
      source: "post",
      text,
      team,
      user: body.user.id,
      channel: channel ?? "none",
      perUser: true,
      standalone: true,
      deliveries: [`trigger:${body.trigger_id}`],
    };
    await track(
      pipeline.ask(slackQuestion(origin), async (reply) => {
        const m = toMessage(reply, { question: text, asker: body.user.id });
        if (reply.type !== "answer" || !isFactAnswer(reply.answer)) {
          await respond({ response_type: "ephemeral", replace_original: false, ...m });
          return;
        }
        await certain(toChannel(client, respond, channel, m));
        // The ephemeral copy has served its purpose; failing to delete it is harmless.
        await respond({ delete_original: true }).catch(() => undefined);
      }),
    );
  });

  // Feedback is thanked privately: the message everyone sees stays as it is.
  app.action<BlockAction<ButtonAction>>(/^roadmap_feedback_/, async ({ ack, action, respond }) => {
    await ack();
    const thanks = pipeline.feedback({
      platform: "slack",
      helpful: action.action_id === IDS.helpful,
      factIds: (action.value ?? "").split(",").filter((f) => f && f !== "none"),
    });
    try {
      await track(respond({ response_type: "ephemeral", replace_original: false, ...plainMessage(thanks) }));
    } catch (error) {
      logger.warn("slack feedback thanks failed", { platform: "slack", error: describe(error, logger) });
    }
  });

  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    try {
      const engine = deps.engine();
      await track(client.views.publish({ user_id: event.user, view: renderHome(engine.about(), engine.topics()) }));
    } catch (error) {
      logger.error("slack home publish failed", { platform: "slack", error: describe(error, logger) });
    }
  });

  // Backstop for anything a listener did not catch: log it scrubbed, never crash the process.
  app.error(async (error) => {
    logger.error("slack listener error", { platform: "slack", error: describe(error, logger) });
  });
}

/**
 * A post whose deadline passed may have arrived (see http-fetch.ts): the pipeline must neither post
 * it again nor apologise for it, so the error says the delivery is unknown.
 */
async function certain<T>(post: Promise<T>): Promise<T> {
  try {
    return await post;
  } catch (error) {
    if ((error as { data?: { error?: string } }).data?.error === TIMED_OUT)
      throw new RoadmapBotError("DELIVERY_UNKNOWN", "Slack did not answer chat.postMessage in time; the reply may have arrived");
    throw error;
  }
}

/** A pipeline reply as a Slack message: an answer in Block Kit, a notice as one plain line. */
function toMessage(reply: Reply, options: RenderOptions): SlackMessage {
  return reply.type === "answer" ? render(reply.answer, options) : plainMessage(reply.text);
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
