/**
 * A loopback fake of Discord for end-to-end tests: the REST API under /api/v10 (recording every
 * request) and a v10 JSON gateway on the same port, far enough for discord.js to reach ready and
 * then receive INTERACTION_CREATE and MESSAGE_CREATE dispatches. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { type FakeUser, fakeGuild, fakeMessage, fakeUser, nextId } from "./discord-payloads.js";

/** The application, bot, guild and channel the tests and the load run talk to, and the token the fake accepts. */
export const FAKE_TOKEN = "FAKE.DISCORD.TOKEN-SECRET";
export const APP_ID = "111111111111111111";
export const GUILD_ID = "222222222222222222";
export const CHANNEL_ID = "333333333333333333";
export const BOT = fakeUser(APP_ID, "roadmap-bot", true);

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. "/interactions/1/tok/callback". */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON bodies are inspected loosely by tests.
  body: any;
  /** The HTTP status the fake answered with. */
  status: number;
}

/** A canned failure for the next requests matching `method` and `path`. */
interface Fault {
  method: string;
  path: RegExp;
  status: 500 | 429;
  retryAfterSeconds?: number;
}

export interface FakeDiscordOptions {
  token: string;
  applicationId: string;
  bot: FakeUser;
  guildId: string;
  channelId: string;
  /** Called with each REST request as it is answered (the load run times callbacks with it). */
  onRequest?: (request: RecordedRequest) => void;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Requests being held by `delayNext` (recorded in `requests` once answered). */
  readonly pending: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  /** RESUME payloads (op 6) received, in order. */
  readonly resumes: { token?: string; session_id?: string; seq?: number }[] = [];
  /** When true, the next RESUME is refused with INVALID_SESSION (d: false): the client must identify anew. */
  refuseNextResume = false;
  readonly gatewayFrames: unknown[] = [];
  #server: Server;
  #wss: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #identified: WebSocket | undefined;
  #seq = 0;
  #sessionId: string | undefined;
  /** Dispatches sent while the session was disconnected, replayed on RESUME as Discord does. */
  #missed: string[] = [];
  #faults: Fault[] = [];
  #delays: { method: string; path: RegExp; ms: number }[] = [];
  #port = 0;
  #connections = 0;

  constructor(readonly options: FakeDiscordOptions) {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on("connection", () => this.#connections++);
    this.#wss = new WebSocketServer({ server: this.#server });
    this.#wss.on("connection", (socket) => this.#onSocket(socket));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  /** What DISCORD_API_URL should be (discord.js adds /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  /** Makes the next `count` matching requests fail with `status` (429 carries Retry-After). */
  failNext(method: string, path: RegExp, status: 500 | 429, count = 1, retryAfterSeconds = 0.2): void {
    for (let i = 0; i < count; i++) this.#faults.push({ method, path, status, retryAfterSeconds });
  }

  /** Holds the next matching request for `ms` before answering it normally (a slow Discord). */
  delayNext(method: string, path: RegExp, ms: number): void {
    this.#delays.push({ method, path, ms });
  }

  /**
   * Sends a dispatch (op 0) with the next sequence number to the identified session. While a session
   * is disconnected (after `closeGateway`), dispatches are kept and replayed if the client resumes.
   */
  dispatch(t: string, d: unknown): void {
    const frame = () => JSON.stringify({ op: 0, t, s: ++this.#seq, d });
    if (this.#identified) this.#identified.send(frame());
    else if (this.#sessionId) this.#missed.push(frame());
    else throw new Error("FakeDiscord: no identified gateway session yet");
  }

  /**
   * Closes the gateway connection from the server side with `code` (4000 "unknown error" is
   * resumable; 1000 makes discord.js reconnect and identify anew), as Discord does now and then.
   */
  closeGateway(code = 4000): void {
    const socket = this.#identified;
    if (!socket) throw new Error("FakeDiscord: no gateway session to close");
    this.#identified = undefined;
    socket.close(code, "fake: closing the session");
  }

  /** TCP connections opened to the fake so far (REST and gateway). */
  get connections(): number {
    return this.#connections;
  }

  get identified(): boolean {
    return this.#identified !== undefined;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onSocket(socket: WebSocket): void {
    this.#sockets.add(socket);
    socket.on("close", () => {
      this.#sockets.delete(socket);
      if (this.#identified === socket) this.#identified = undefined;
    });
    // A long interval: tests finish well before heartbeats matter, but op 1 is still answered.
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on("message", (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      this.gatewayFrames.push(frame);
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (frame.op === 2) this.#ready(socket, frame.d);
      if (frame.op === 6) this.#resume(socket, frame.d as FakeDiscord["resumes"][number]);
    });
  }

  #resume(socket: WebSocket, resume: FakeDiscord["resumes"][number]): void {
    this.resumes.push(resume);
    const valid = resume?.token === this.options.token && resume?.session_id === this.#sessionId;
    if (this.refuseNextResume || !valid) {
      this.refuseNextResume = false;
      // A new session starts with a fresh identify; what was missed is gone, as on Discord.
      this.#sessionId = undefined;
      this.#missed = [];
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    this.#identified = socket;
    const missed = this.#missed;
    this.#missed = [];
    for (const frame of missed) socket.send(frame);
    this.dispatch("RESUMED", {});
  }

  #ready(socket: WebSocket, identify: unknown): void {
    this.identifies.push(identify);
    this.#identified = socket;
    this.#sessionId = `session-${nextId()}`;
    this.#missed = [];
    this.#seq = 0;
    const { bot, applicationId, guildId } = this.options;
    this.dispatch("READY", {
      v: 10,
      user: bot,
      guilds: [{ id: guildId, unavailable: true }],
      session_id: this.#sessionId,
      resume_gateway_url: this.gatewayUrl,
      application: { id: applicationId, flags: 0 },
      shard: [0, 1],
    });
    // discord.js waits for a GUILD_CREATE per unavailable guild before it emits ClientReady.
    this.dispatch("GUILD_CREATE", fakeGuild(guildId, this.options.channelId, bot.id));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const method = req.method ?? "GET";
    const path = url.pathname.replace(/^\/api\/v10/, "");
    const record: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      authorization: req.headers.authorization,
      body: text && req.headers["content-type"]?.includes("json") ? JSON.parse(text) : text || undefined,
      status: 0,
    };
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      this.requests.push(record);
      this.options.onRequest?.(record);
      res.writeHead(status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const delay = this.#delays.findIndex((d) => d.method === method && d.path.test(path));
    if (delay >= 0) {
      const [d] = this.#delays.splice(delay, 1);
      this.pending.push(record);
      await new Promise((resolve) => setTimeout(resolve, d?.ms ?? 0));
    }
    const fault = this.#faults.findIndex((f) => f.method === method && f.path.test(path));
    if (fault >= 0) {
      const [f] = this.#faults.splice(fault, 1);
      if (f?.status === 429) {
        const after = f.retryAfterSeconds ?? 0.2;
        send(429, { message: "You are being rate limited.", retry_after: after, global: false }, { "retry-after": String(after) });
      } else {
        send(500, { message: "Internal Server Error", code: 0 });
      }
      return;
    }
    const interactionRoute = path.startsWith("/interactions/") || path.startsWith("/webhooks/");
    if (!interactionRoute && req.headers.authorization !== `Bot ${this.options.token}`) {
      send(401, { message: "401: Unauthorized", code: 0 });
      return;
    }
    const [status, body] = this.#route(method, path, record.body);
    send(status, body);
  }

  /** Answers one REST request as Discord would: [status, JSON body or undefined for 204]. */
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are loose JSON.
  #route(method: string, path: string, body: any): [number, unknown?] {
    const { bot, applicationId, channelId } = this.options;
    const route = `${method} ${path}`;
    if (route === "GET /gateway/bot") {
      const limit = { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 };
      return [200, { url: this.gatewayUrl, shards: 1, session_start_limit: limit }];
    }
    if (route === "GET /users/@me") return [200, bot];
    if (route === "GET /applications/@me") return [200, { id: applicationId, name: "roadmap-bot", flags: 0 }];
    if (/^POST \/interactions\/[^/]+\/[^/]+\/callback$/.test(route)) return [204];
    // Interaction follow-ups and edits of the original response answer with the message.
    if (/^(PATCH \/webhooks\/[^/]+\/[^/]+\/messages\/(@|%40)original|POST \/webhooks\/[^/]+\/[^/]+)$/.test(route)) {
      return [200, fakeMessage({ channelId, author: bot, body })];
    }
    const channel = route.match(/^POST \/channels\/(\d+)\/messages$/);
    if (channel) return [200, fakeMessage({ channelId: channel[1] ?? "", author: bot, body })];
    const commands = route.match(/^PUT \/applications\/(\d+)(?:\/guilds\/\d+)?\/commands$/);
    if (commands) {
      const list: Record<string, unknown>[] = Array.isArray(body) ? body : [];
      return [200, list.map((c) => ({ ...c, id: nextId(), application_id: commands[1], version: nextId() }))];
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }
}

/** Polls `read` until it returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(read: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
