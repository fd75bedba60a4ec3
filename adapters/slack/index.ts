import type { AddressInfo } from "node:net";
import { App, SocketModeReceiver } from "@slack/bolt";
import type { Logger, Pipeline } from "../../chat/index.js";
import type { Engine } from "../../src/index.js";
import { configError } from "../../src/index.js";
import { wireSlackApp } from "./app.js";
import { toBoltLogger } from "./bolt-logger.js";
import { parseSlackConfig, type SlackConfig, slackSecrets, withoutCredentials } from "./config.js";
import { createDeadlineFetch } from "./http-fetch.js";
import { createGuardedReceiver, type HttpLimits } from "./receiver.js";
import { guardSocketMode } from "./socket-guard.js";

export { parseSlackConfig, type SlackConfig, slackSecrets } from "./config.js";
export { DEFAULT_HTTP_LIMITS, type HttpLimits } from "./receiver.js";

export interface StartSlackOptions {
  /** The one question pipeline (dedup, rate limit, conversation state, engine, logging). */
  pipeline: Pipeline;
  /** The engine in use, for App Home (a function: hot reload swaps it). */
  engine: () => Engine;
  /** The parsed Slack settings (app/config.ts), or an environment to parse them from. */
  config?: SlackConfig;
  env?: Record<string, string | undefined>;
  logger: Logger;
  /** Interface for the HTTP server (HTTP mode); all interfaces when unset. Tests pass 127.0.0.1. */
  host?: string;
  /** Extra fields for GET /healthz (e.g. the knowledge load time). */
  health?: () => Record<string, unknown>;
  /** Deadline for one Web API request (default 15 s); tests shorten it. */
  webApiTimeoutMs?: number;
  /** HTTP mode: timeouts, connection cap and body bounds (DEFAULT_HTTP_LIMITS); tests shorten them. */
  httpLimits?: Partial<HttpLimits>;
}

export interface SlackHandle {
  /** Stops taking events, waits (bounded) for replies in flight, closes the server or socket. */
  stop(): Promise<void>;
  /** The HTTP port actually bound (HTTP mode only; useful with SLACK_PORT=0). */
  port?: number;
}

// A few quick retries: a reply that needs minutes is no longer an answer. 429s are still honoured:
// the Web API client waits for Retry-After before the next attempt.
const RETRY_CONFIG = { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4000, randomize: true };
const REQUEST_TIMEOUT_MS = 15_000;
const RESPONSE_URL_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 30_000;
const STOP_BUDGET_MS = 4_000;

/**
 * Starts the Slack adapter: Socket Mode when SLACK_APP_TOKEN is set, HTTP (Events API, slash
 * commands and interactivity at /slack/events, GET /healthz) otherwise.
 * Throws, before connecting anywhere, an Error listing every missing or malformed variable.
 *
 * @example
 * const slack = await startSlack({ engine, env: process.env, logger });
 * process.once("SIGTERM", () => slack.stop());
 */
export async function startSlack(options: StartSlackOptions): Promise<SlackHandle> {
  const { pipeline, logger } = options;
  if (options.env) logger.redact(...slackSecrets(options.env));
  const config = options.config ?? configFrom(options.env ?? {});
  logger.redact(config.botToken, config.appToken, config.signingSecret);
  const boltLogger = toBoltLogger(logger);
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    const done = () => inFlight.delete(work);
    work.then(done, done);
    return work;
  };
  // One object shared by the listeners' clients and the Socket Mode handshake, so SLACK_API_URL and
  // the retry policy apply to both (Socket Mode would otherwise retry 100 times).
  const apiBase = config.apiUrl ?? "https://slack.com/api/";
  const webApiTimeout = options.webApiTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const httpFetch = createDeadlineFetch(
    (url) => (url.startsWith(apiBase) ? webApiTimeout : RESPONSE_URL_TIMEOUT_MS),
    // A post that timed out may have arrived: never post it blindly again.
    (url) => url.startsWith(`${apiBase}chat.postMessage`),
  );
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: RETRY_CONFIG,
    logger: boltLogger,
    // Deadlines on every Web API and response_url request (respond() has none of its own, and an
    // unreachable response_url must fail over to chat.postEphemeral instead of hanging).
    fetch: httpFetch,
  };
  const receiver =
    config.mode === "socket"
      ? new SocketModeReceiver({
          appToken: config.appToken as string,
          logger: boltLogger,
          installerOptions: { clientOptions },
        })
      : undefined;
  // Malformed envelopes are dropped before the Socket Mode client reads them (it would crash).
  if (receiver) guardSocketMode(receiver.client, logger);
  const startedAt = new Date().toISOString();
  const app = new App({
    token: config.botToken,
    logger: boltLogger,
    logLevel: boltLogger.getLevel(),
    clientOptions,
    // Bolt's conversation store is a per-event middleware we never read (the engine keeps context).
    convoStore: false,
    deferInitialization: true,
    receiver:
      receiver ??
      // Signature, timestamp (both ways) and body shape are checked before Bolt; slow clients are cut.
      createGuardedReceiver({
        signingSecret: config.signingSecret as string,
        logger,
        boltLogger,
        ...(options.httpLimits ? { limits: options.httpLimits } : {}),
        customRoutes: [
          {
            path: "/healthz",
            method: ["GET"],
            handler: (_req, res) => {
              const body = { ok: true, platform: "slack", factCount: options.engine().factCount, startedAt, ...pipeline.stats };
              res.writeHead(200, { "content-type": "application/json" });
              res.end(JSON.stringify({ ...body, ...options.health?.() }));
            },
          },
        ],
      }),
  });
  wireSlackApp(app, { pipeline, engine: options.engine, logger, track });

  try {
    // auth.test: checks the bot token and learns our own user id (to ignore our own messages).
    await app.init();
  } catch (error) {
    const platform = (error as { data?: { error?: string } }).data?.error;
    const api = withoutCredentials(config.apiUrl ?? "https://slack.com/api/");
    throw new Error(
      platform
        ? `Slack rejected SLACK_BOT_TOKEN (auth.test: ${logger.scrub(platform)})`
        : `Could not reach the Slack Web API at ${api} (auth.test): ${short(error, logger)}`,
    );
  }

  let port: number | undefined;
  if (receiver) {
    await bounded(app.start(), START_TIMEOUT_MS, "Socket Mode did not connect").catch(async (error) => {
      await bounded(receiver.client.disconnect(), STOP_BUDGET_MS, "").catch(() => undefined);
      throw new Error(`Slack Socket Mode failed to start: ${short(error, logger)}`);
    });
  } else {
    const server = await app.start({ port: config.port, ...(options.host ? { host: options.host } : {}) });
    port = (server.address() as AddressInfo).port;
  }
  logger.info("slack adapter started", describeStart(config, port));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // One budget for the whole stop, inside the CLI's 5 s: first stop taking new events, then
      // let replies in flight finish with whatever time is left.
      const deadline = Date.now() + STOP_BUDGET_MS;
      const left = () => Math.max(100, deadline - Date.now());
      const closing = receiver ? receiver.client.disconnect() : app.stop();
      await bounded(closing, left() / 2, "").catch(() => undefined);
      await bounded(Promise.allSettled([...inFlight]), left(), "").catch(() => undefined);
      httpFetch.close();
      logger.info("slack adapter stopped", { platform: "slack", inFlight: inFlight.size, ...pipeline.stats });
    })();
    return stopping;
  };
  return port === undefined ? { stop } : { stop, port };
}

function configFrom(env: Record<string, string | undefined>): SlackConfig {
  const parsed = parseSlackConfig(env);
  if (!parsed.ok) throw configError(parsed.problems, "Slack configuration is invalid");
  return parsed.config;
}

function describeStart(config: SlackConfig, port: number | undefined): Record<string, unknown> {
  return { platform: "slack", mode: config.mode, port, apiUrl: withoutCredentials(config.apiUrl ?? "https://slack.com/api/") };
}

function short(error: unknown, logger: Logger): string {
  const e = error as { data?: { error?: string }; message?: string };
  return logger.scrub(e?.data?.error ?? e?.message ?? String(error));
}

function bounded<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
