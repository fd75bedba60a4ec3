/**
 * A loopback fake of Slack for end-to-end tests: the Web API (records every call), response_url
 * endpoints, and the Socket Mode handshake plus WebSocket. Binds 127.0.0.1 on a free port; never
 * touches the internet.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The Authorization header's token (to check which token a call used). */
  token: string | undefined;
  at: number;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface Fault {
  /** HTTP status: 500, 429 (with retryAfter), or 200 for a platform error like not_in_channel. */
  status: number;
  retryAfter?: number;
  /** The `error` field of the `{ ok: false }` body. */
  error?: string;
  /** Only calls for this channel fail (others pass untouched). */
  channel?: string;
}

export const BOT_USER_ID = "UBOT0001";
export const BOT_ID = "BBOT0001";
export const TEAM_ID = "T0TEAM01";

/** Recognisable fake secrets for the bot under test: a test greps every log line and reply for them. */
export const SECRETS = {
  bot: "xoxb-FAKE-SECRET-1234",
  app: "xapp-FAKE-APP-SECRET-9999",
  signing: "FAKE-SIGNING-SECRET-5678",
} as const;

export interface FakeSlackOptions {
  /** Called with each Web API call as it is recorded (the load run times replies with it). */
  onCall?: (call: ApiCall) => void;
}

export interface FakeSlack {
  /** Base URL for SLACK_API_URL, e.g. http://127.0.0.1:PORT/api/ */
  apiUrl: string;
  /** Base for response_url values, e.g. http://127.0.0.1:PORT/response/ */
  responseBase: string;
  calls: ApiCall[];
  responses: ResponseUrlPost[];
  /** Acknowledgements received over the socket, by envelope_id. */
  acks: Map<string, unknown>;
  /** Every raw HTTP request line, to prove what was (not) asked of the fake. */
  requests: string[];
  callsTo(method: string): ApiCall[];
  /** Holds the next call to `method` (or "response" for response_url POSTs) for `ms` first. */
  delayNext(method: string, ms: number): void;
  /** Makes the next `count` calls to `method` fail with this HTTP status (and Retry-After). */
  failNext(method: string, fault: Fault, count?: number): void;
  /** Sends a Socket Mode envelope to every connected client; returns its envelope_id. */
  sendEnvelope(type: "events_api" | "slash_commands" | "interactive", payload: unknown): string;
  socketCount(): number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The Web API client sends form-encoded bodies with objects JSON-encoded in fields, or JSON. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    out[k] = v;
  }
  return out;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const calls: ApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const requests: string[] = [];
  const acks = new Map<string, unknown>();
  const faults = new Map<string, Fault[]>();
  const delays = new Map<string, number>();
  const hold = async (key: string) => {
    const ms = delays.get(key);
    if (ms === undefined) return;
    delays.delete(key);
    await new Promise((r) => setTimeout(r, ms));
  };
  const sockets = new Set<WebSocket>();
  let tsCounter = 0;
  let base = "";

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const api = (method: string, args: Record<string, unknown>, token: string | undefined): unknown => {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://fake.slack.test/",
          team: "Fake",
          user: "roadmap-bot",
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
        };
      case "apps.connections.open":
        if (!token?.startsWith("xapp-")) return { ok: false, error: "not_allowed_token_type" };
        return { ok: true, url: `${base.replace("http://", "ws://")}/socket?ticket=${randomUUID()}` };
      case "chat.postMessage":
      case "chat.postEphemeral": {
        tsCounter += 1;
        const ts = `1700000${String(tsCounter).padStart(3, "0")}.000100`;
        return { ok: true, channel: args.channel, ts, message_ts: ts, message: { ...args, ts, bot_id: BOT_ID } };
      }
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(`${req.method} ${url.pathname}`);
    const raw = await readBody(req);
    if (req.method === "POST" && url.pathname.startsWith("/api/")) {
      const method = url.pathname.slice("/api/".length);
      const token = req.headers.authorization?.replace(/^Bearer\s+/, "");
      const args = parseArgs(raw, req.headers["content-type"]);
      const queue = faults.get(method) ?? [];
      const at = queue.findIndex((f) => f.channel === undefined || f.channel === args.channel);
      const fault = at >= 0 ? queue.splice(at, 1)[0] : undefined;
      await hold(method);
      const call = { method, args, token, at: Date.now() };
      calls.push(call);
      options.onCall?.(call);
      if (fault) {
        const headers: Record<string, string> = fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {};
        return json(res, fault.status, { ok: false, error: fault.error ?? "fake_fault" }, headers);
      }
      return json(res, 200, api(method, args, token));
    }
    if (req.method === "POST" && url.pathname.startsWith("/response/")) {
      await hold("response");
      responses.push({ id: url.pathname.slice("/response/".length), body: parseArgs(raw, "application/json") });
      return json(res, 200, { ok: true });
    }
    return json(res, 404, { ok: false, error: "unknown_path" });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket")) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on("close", () => sockets.delete(ws));
      ws.on("message", (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (msg.envelope_id) acks.set(msg.envelope_id, msg.payload ?? {});
      });
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0FAKE" }, debug_info: { host: "fake" } }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseBase: `${base}/response/`,
    calls,
    responses,
    acks,
    requests,
    callsTo: (method) => calls.filter((c) => c.method === method),
    delayNext(method, ms) {
      delays.set(method, ms);
    },
    failNext(method, fault, count = 1) {
      const queue = faults.get(method) ?? [];
      for (let i = 0; i < count; i++) queue.push(fault);
      faults.set(method, queue);
    },
    sendEnvelope(type, payload) {
      const envelope_id = randomUUID();
      const envelope = { envelope_id, type, payload, accepts_response_payload: type !== "events_api", retry_attempt: 0, retry_reason: "" };
      for (const ws of sockets) ws.send(JSON.stringify(envelope));
      return envelope_id;
    },
    socketCount: () => sockets.size,
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
