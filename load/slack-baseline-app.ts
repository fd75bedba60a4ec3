/**
 * The baseline beside the Slack load figures, run as its own process by `npm run load`: a stock
 * Bolt app in HTTP mode (Bolt's own receiver and Web API client, no options beyond the fake's
 * address), wired to the same fake Slack as the bot, whose handler does no engine work: Bolt
 * acknowledges each event, and the handler posts one constant reply in the event's thread. What the
 * bot costs above these figures is its own work (the pipeline, the engine, its logging, its guards).
 *
 * Environment: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_PORT, SLACK_API_URL. Serves GET /healthz
 * (200) so the load driver can wait for it as it waits for the bot.
 */
import { App, LogLevel } from "@slack/bolt";

const REPLY = "Baseline: a constant reply, no engine work.";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`slack-baseline-app: ${name} is required`);
  return value;
}

const app = new App({
  token: required("SLACK_BOT_TOKEN"),
  signingSecret: required("SLACK_SIGNING_SECRET"),
  clientOptions: { slackApiUrl: required("SLACK_API_URL") },
  logLevel: LogLevel.ERROR,
  customRoutes: [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"ok":true}');
      },
    },
  ],
});

app.event("app_mention", async ({ event, client }) => {
  await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, text: REPLY });
});

await app.start({ port: Number(required("SLACK_PORT")), host: "127.0.0.1" });
process.once("SIGTERM", () => {
  void app.stop().finally(() => process.exit(0));
});
