/**
 * The HTTP receiver for Slack: Bolt's HTTPReceiver does the Slack work (acks, url_verification,
 * ssl_check, custom routes), but behind a server we own and a gate it cannot skip:
 * - the server has header and request timeouts, a connection cap, and event bodies must arrive at a
 *   minimum rate (slow clients are dropped; /healthz keeps answering);
 * - an event request is read (size-bounded), its signature and timestamp checked (401; either
 *   direction of clock skew), and its body parsed as Bolt will parse it and checked for the shape
 *   Bolt assumes (400), before Bolt sees it. Bolt then re-reads the buffered body (`rawBody`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ListenOptions } from "node:net";
import { type App, type Logger as BoltLogger, type CustomRoute, ErrorCode, HTTPReceiver, type Receiver } from "@slack/bolt";
import type { Logger } from "../../chat/index.js";
import { bodyProblem, isSslCheck, parseLikeBolt } from "./payload-shape.js";
import { BodyError, readBody } from "./read-body.js";
import { signatureProblem } from "./request-signature.js";

/** Bounds on the HTTP server; the defaults suit Slack's traffic behind a buffering proxy. */
export interface HttpLimits {
  /** Time for a client to send its request headers; Node answers 408 after it. */
  headersTimeoutMs: number;
  /** Time for a client to send its whole request (headers and body); Node answers 408 after it. */
  requestTimeoutMs: number;
  /** How often Node enforces the two timeouts above (its own default, 30 s, lets them overrun). */
  checkIntervalMs: number;
  /** Open connections at most; more are closed as they arrive. */
  maxConnections: number;
  /** Largest event body (Bolt's default, 4 MB); larger ones get 413 without being read. */
  bodyLimitBytes: number;
  /** Average rate an event body must reach after `bodyGraceMs`, or 408. */
  minBodyBytesPerSecond: number;
  bodyGraceMs: number;
}

export const DEFAULT_HTTP_LIMITS: Readonly<HttpLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  checkIntervalMs: 1_000,
  maxConnections: 1_000,
  bodyLimitBytes: 4 * 1024 * 1024,
  minBodyBytesPerSecond: 1024,
  bodyGraceMs: 2_000,
});

export interface GuardedReceiverOptions {
  signingSecret: string;
  logger: Logger;
  boltLogger: BoltLogger;
  customRoutes: CustomRoute[];
  limits?: Partial<HttpLimits>;
}

const EVENTS_PATH = "/slack/events";

// The path as Bolt's router computes it (a query or a fragment must not slip past the gate).
function pathOf(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

export interface GuardedReceiver extends Receiver {
  start(listen: ListenOptions): Promise<Server>;
  stop(): Promise<void>;
}

/**
 * A Bolt `Receiver` for HTTP mode (pass it as `new App({ receiver })`).
 *
 * @example
 * const receiver = createGuardedReceiver({ signingSecret, logger, boltLogger, customRoutes: [] });
 * const app = new App({ token, receiver });
 * const server = await app.start({ port: 0, host: "127.0.0.1" });
 */
export function createGuardedReceiver(options: GuardedReceiverOptions): GuardedReceiver {
  const limits: HttpLimits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const { logger, signingSecret } = options;
  const bolt = new HTTPReceiver({
    signingSecret,
    logger: options.boltLogger,
    customRoutes: options.customRoutes,
    bodyLimit: limits.bodyLimitBytes,
  });
  let server: Server | undefined;

  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, reason: string, unread = false) => {
    logger.warn("slack request refused", { platform: "slack", status, reason });
    if (res.headersSent || res.destroyed) return;
    // A body left unread is not worth reading: close the connection once the answer is out.
    res.writeHead(status, unread ? { connection: "close" } : {});
    res.end();
    if (unread) res.once("finish", () => req.socket.destroySoon());
  };

  const toBolt = (req: IncomingMessage, res: ServerResponse) => {
    try {
      bolt.requestListener(req, res);
    } catch (error) {
      const deferred = (error as { code?: string }).code === ErrorCode.HTTPReceiverDeferredRequestError;
      if (!deferred) logger.error("slack request failed", { platform: "slack", error });
      if (!res.headersSent) res.writeHead(deferred ? 404 : 500).end();
    }
  };

  const gate = async (req: IncomingMessage, res: ServerResponse) => {
    let raw: Buffer;
    try {
      raw = await readBody(req, limits);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      if (error.status === 0) return;
      return refuse(req, res, error.status, error.message, true);
    }
    const contentType = req.headers["content-type"];
    const text = raw.toString("utf8");
    if (!isSslCheck(text, contentType)) {
      const unsigned = signatureProblem(req.headers, raw, signingSecret, Date.now());
      if (unsigned) return refuse(req, res, 401, unsigned);
      const parsed = parseLikeBolt(text, contentType);
      const problem = parsed.ok ? bodyProblem(parsed.kind, parsed.body) : parsed.problem;
      if (problem) return refuse(req, res, 400, problem);
    }
    // Bolt takes a request that carries `rawBody` as already read.
    Object.assign(req, { rawBody: raw });
    toBolt(req, res);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method?.toUpperCase() !== "POST" || pathOf(req) !== EVENTS_PATH) return toBolt(req, res);
    gate(req, res).catch((error: unknown) => {
      logger.error("slack request failed", { platform: "slack", error });
      if (!res.headersSent) res.writeHead(500).end();
    });
  };

  return {
    init: (app: App) => bolt.init(app),
    start(listen: ListenOptions): Promise<Server> {
      const s = createServer(
        {
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          connectionsCheckingInterval: limits.checkIntervalMs,
        },
        handle,
      );
      s.maxConnections = limits.maxConnections;
      server = s;
      return new Promise((resolve, reject) => {
        s.once("error", reject);
        s.listen(listen, () => {
          s.off("error", reject);
          s.on("error", (error) => logger.error("slack http server error", { platform: "slack", error }));
          resolve(s);
        });
      });
    },
    stop(): Promise<void> {
      const s = server;
      server = undefined;
      if (!s) return Promise.resolve();
      return new Promise((resolve) => {
        s.close(() => resolve());
        s.closeIdleConnections();
        // Requests still arriving (a slow client) do not hold the stop: Slack retries what was cut.
        setTimeout(() => s.closeAllConnections(), 1000).unref();
      });
    },
  };
}
