/**
 * Hostile and malformed traffic against the real adapter (real Bolt, real engine, loopback fake
 * Slack): bodies and envelopes of the wrong shape, signed timestamps in the future, slow clients,
 * credentials in SLACK_API_URL, and what already held (401s, 413s, no secrets in logs).
 */
import { connect, type Socket } from "node:net";
import { SocketModeReceiver } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type HttpLimits, type SlackHandle, slackSecrets, startSlack } from "../../../adapters/slack/index.js";
import { guardSocketMode } from "../../../adapters/slack/socket-guard.js";
import { botParts } from "../../helpers/bot.js";
import { type FakeSlack, startFakeSlack, waitFor } from "../../helpers/slack-fake.js";
import { captureLogger, realEngine, SECRETS } from "../../helpers/slack-harness.js";
import { command, mention } from "../../helpers/slack-payloads.js";
import { sendEvent, sign } from "../../helpers/slack-signed.js";

const IN_SCOPE = "Where did Alibaba open offices in Europe?";
const signed = { secret: SECRETS.signing };
const now = () => Math.floor(Date.now() / 1000);

interface Bot {
  fake: FakeSlack;
  bot: SlackHandle;
  lines: string[];
  base: string;
  events: string;
  port: number;
}

let running: Bot | undefined;
// An unhandled rejection or uncaught exception would end a real process: record any, fail on them.
const crashes: unknown[] = [];
const record = (e: unknown) => crashes.push(e);
beforeEach(() => {
  crashes.length = 0;
  process.on("unhandledRejection", record);
  process.on("uncaughtException", record);
});
afterEach(async () => {
  await running?.bot.stop();
  await running?.fake.close();
  running = undefined;
  process.off("unhandledRejection", record);
  process.off("uncaughtException", record);
  expect(crashes).toEqual([]);
});

async function start(
  mode: "http" | "socket",
  httpLimits: Partial<HttpLimits> = {},
  extraEnv: (fake: FakeSlack) => Record<string, string> = () => ({}),
): Promise<Bot> {
  const fake = await startFakeSlack();
  const { logger, lines } = captureLogger();
  const env = {
    SLACK_BOT_TOKEN: SECRETS.bot,
    SLACK_PORT: "0",
    SLACK_API_URL: fake.apiUrl,
    ...(mode === "socket" ? { SLACK_APP_TOKEN: SECRETS.app } : { SLACK_SIGNING_SECRET: SECRETS.signing }),
    ...extraEnv(fake),
  };
  const bot = await startSlack({ ...botParts(realEngine()), env, logger, host: "127.0.0.1", httpLimits }).catch(async (e: unknown) => {
    await fake.close();
    throw e;
  });
  const port = bot.port ?? 0;
  const base = `http://127.0.0.1:${port}`;
  running = { fake, bot, lines, base, events: `${base}/slack/events`, port };
  return running;
}

/** POSTs a raw body, signed as Slack signs (or not), with the given content type. */
async function postRaw(
  url: string,
  body: string,
  contentType: string,
  o: { timestamp?: number; unsigned?: boolean } = {},
): Promise<{ status: number; text: string }> {
  const timestamp = o.timestamp ?? now();
  const headers: Record<string, string> = { "content-type": contentType };
  if (!o.unsigned) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = sign(SECRETS.signing, timestamp, body);
  }
  const res = await fetch(url, { method: "POST", headers, body });
  return { status: res.status, text: await res.text() };
}
const JSON_TYPE = "application/json";
const FORM = "application/x-www-form-urlencoded";
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Asks a question and waits for its answer: proof that the bot is still serving. */
async function stillAnswers(b: Bot, channel: string, via: "http" | "socket" = "http") {
  const ev = mention({ text: IN_SCOPE, channel });
  if (via === "http") expect((await sendEvent(b.events, ev, signed)).status).toBe(200);
  else b.fake.sendEnvelope("events_api", ev);
  await waitFor(() => b.fake.callsTo("chat.postMessage").find((c) => c.args.channel === channel), `the answer in ${channel}`);
}

/** Opens a raw TCP connection to the bot; `closed` resolves when the server ends it. */
function rawSocket(port: number): Promise<{ socket: Socket; closed: Promise<void>; received: () => string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => (received += d));
    const closed = new Promise<void>((r) => socket.once("close", () => r()));
    socket.on("error", () => undefined);
    socket.once("connect", () => resolve({ socket, closed, received: () => received }));
    socket.once("error", reject);
  });
}

/** Writes `text` one byte every `everyMs` until the socket closes. */
function drip(socket: Socket, text: string, everyMs: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i] ?? "");
    i += 1;
  }, everyMs);
  socket.once("close", () => clearInterval(timer));
}

describe("malformed bodies over HTTP", () => {
  // Each is correctly signed: only its shape is wrong. Several used to end the process.
  const cases: [string, string, string][] = [
    ["JSON null", "null", JSON_TYPE],
    ["form payload=null", form({ payload: "null" }), FORM],
    ["a JSON string", '"hello"', JSON_TYPE],
    ["a JSON number", "42", JSON_TYPE],
    ["a JSON array", "[]", JSON_TYPE],
    ["an object without a type", '{"event_id":"Ev1"}', JSON_TYPE],
    ["an event callback whose event is null", '{"type":"event_callback","event":null}', JSON_TYPE],
    ["an event callback whose event is a string", '{"type":"event_callback","event":"app_mention"}', JSON_TYPE],
    ["an event without a type", '{"type":"event_callback","event":{"text":"hi"}}', JSON_TYPE],
    ["form payload that is a string", form({ payload: '"x"' }), FORM],
    ["form payload that is an array", form({ payload: "[1]" }), FORM],
    ["form payload that is not JSON", form({ payload: "{nope" }), FORM],
    ["block_actions with null user", form({ payload: '{"type":"block_actions","user":null,"actions":[]}' }), FORM],
    ["block_actions with actions null", form({ payload: '{"type":"block_actions","user":{"id":"U1"},"actions":null}' }), FORM],
    ["two payload fields", "payload=%7B%7D&payload=%7B%7D", FORM],
    ["a form that is not a command", form({ text: "hi" }), FORM],
    ["a command without a user", form({ command: "/roadmap", text: "hi" }), FORM],
    ["not JSON at all", "{", JSON_TYPE],
  ];

  it.each(cases)("answers 400 to %s, and keeps serving", async (_name, body, type) => {
    const b = await start("http");
    const res = await postRaw(b.events, body, type);
    expect(res.status).toBe(400);
    await stillAnswers(b, "C0AFTER");
    expect(b.fake.callsTo("chat.postMessage").map((c) => c.args.channel)).toEqual(["C0AFTER"]);
  });

  it("gates the events path however it is spelled (a query, a fragment)", async () => {
    const b = await start("http");
    expect((await postRaw(`${b.events}?x=1`, "null", JSON_TYPE)).status).toBe(400);
    // fetch drops fragments, so this one goes over a raw socket.
    const ts = now();
    const s = await rawSocket(b.port);
    s.socket.write(
      "POST /slack/events#frag HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 4\r\n" +
        `X-Slack-Request-Timestamp: ${ts}\r\nX-Slack-Signature: ${sign(SECRETS.signing, ts, "null")}\r\n\r\nnull`,
    );
    await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 400/);
    await stillAnswers(b, "C0AFTER");
  });

  it("checks the signature before the shape: an unsigned null is 401, not 400", async () => {
    const b = await start("http");
    expect((await postRaw(b.events, "null", JSON_TYPE, { unsigned: true })).status).toBe(401);
    expect((await postRaw(b.events, form({ payload: "null" }), FORM, { unsigned: true })).status).toBe(401);
  });

  it("still answers Slack's url_verification and ssl_check", async () => {
    const b = await start("http");
    const challenge = await postRaw(b.events, JSON.stringify({ type: "url_verification", challenge: "abc123", token: "t" }), JSON_TYPE);
    expect(challenge.status).toBe(200);
    expect(JSON.parse(challenge.text)).toEqual({ challenge: "abc123" });
    expect((await postRaw(b.events, form({ ssl_check: "1", token: "t" }), FORM, { unsigned: true })).status).toBe(200);
  });

  it("still serves a well-formed slash command", async () => {
    const b = await start("http");
    const res = await postRaw(b.events, form(command(IN_SCOPE, `${b.fake.responseBase}ok`)), FORM);
    expect(res.status).toBe(200);
    await waitFor(() => b.fake.responses.find((r) => r.id === "ok"), "the command's answer");
  });
});

describe("malformed Socket Mode envelopes", () => {
  const payloads: [string, "events_api" | "slash_commands" | "interactive", unknown][] = [
    ["events_api with a null payload", "events_api", null],
    ["events_api with a string payload", "events_api", "hello"],
    ["events_api whose event is null", "events_api", { type: "event_callback", event: null }],
    ["events_api whose event is a number", "events_api", { type: "event_callback", event: 7 }],
    ["slash_commands with a null payload", "slash_commands", null],
    ["slash_commands with a string payload", "slash_commands", "/roadmap"],
    ["interactive with a null payload", "interactive", null],
    ["interactive with an array payload", "interactive", [1, 2]],
  ];

  it.each(payloads)("acknowledges and drops %s, and keeps serving", async (_name, type, payload) => {
    const b = await start("socket");
    const id = b.fake.sendEnvelope(type, payload);
    await waitFor(() => b.fake.acks.has(id), "the ack of the bad envelope");
    await stillAnswers(b, "C0SOCKAFTER", "socket");
    expect(b.fake.socketCount()).toBe(1);
    expect(b.lines.some((l) => l.includes("malformed") && l.includes('"level":"warn"'))).toBe(true);
  });
});

describe("Socket Mode messages that are not envelopes at all", () => {
  // The fake only sends well-formed envelopes, so these go straight into the real client's handler.
  it.each([
    ["null"],
    ['"text"'],
    ["[]"],
    ["7"],
    ["{"],
    ['{"type":"events_api","payload":{}}'],
    ['{"envelope_id":"e1"}'],
    ['{"type":"constructor","envelope_id":"e1"}'],
  ])("drops %s with a warning", async (raw) => {
    const { logger, lines } = captureLogger();
    const receiver = new SocketModeReceiver({ appToken: SECRETS.app });
    guardSocketMode(receiver.client, logger);
    receiver.client.emit("ws_message", raw, false);
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.filter((l) => l.includes("malformed Socket Mode envelope"))).toHaveLength(1);
  });
});

describe("signed timestamps", () => {
  it.each([
    ["10 minutes in the future", 10 * 60],
    ["a day in the future", 24 * 3600],
    ["10 years in the future", 10 * 365 * 24 * 3600],
    ["10 minutes in the past", -10 * 60],
  ])("rejects a request signed %s with 401 and no reply", async (_name, offset) => {
    const b = await start("http");
    const res = await sendEvent(b.events, mention({ text: IN_SCOPE, channel: "C0FUTURE" }), { ...signed, timestamp: now() + offset });
    expect(res.status).toBe(401);
    await stillAnswers(b, "C0SENTINEL");
    expect(b.fake.callsTo("chat.postMessage").map((c) => c.args.channel)).toEqual(["C0SENTINEL"]);
  });

  it("accepts a clock a few minutes either way", async () => {
    const b = await start("http");
    for (const offset of [-4 * 60, 4 * 60]) {
      const channel = `C0SKEW${offset > 0 ? "AHEAD" : "BEHIND"}`;
      expect((await sendEvent(b.events, mention({ text: IN_SCOPE, channel }), { ...signed, timestamp: now() + offset })).status).toBe(200);
      await waitFor(() => b.fake.callsTo("chat.postMessage").find((c) => c.args.channel === channel), channel);
    }
  });

  it("rejects timestamps that are not plain seconds", async () => {
    const b = await start("http");
    const body = JSON.stringify(mention({ text: IN_SCOPE, channel: "C0ODD" }));
    for (const ts of [`${now()}.5`, `${now()}e0`, `0x${now().toString(16)}`, "", "-1"]) {
      const res = await fetch(b.events, {
        method: "POST",
        headers: {
          "content-type": JSON_TYPE,
          "x-slack-request-timestamp": ts,
          "x-slack-signature": sign(SECRETS.signing, Number(ts), body),
        },
        body,
      });
      expect(res.status).toBe(401);
    }
  });
});

describe("slow clients", () => {
  // Short limits so the test takes seconds; production defaults are ~10 s (see receiver.ts).
  const quick: Partial<HttpLimits> = { headersTimeoutMs: 800, requestTimeoutMs: 60_000, checkIntervalMs: 100, bodyGraceMs: 500 };

  it("drops 50 connections that drip their headers, while /healthz keeps answering", async () => {
    const b = await start("http", quick);
    const slow = await Promise.all(Array.from({ length: 50 }, () => rawSocket(b.port)));
    for (const s of slow) drip(s.socket, `POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Padding: ${"a".repeat(500)}`, 50);
    const health = await fetch(`${b.base}/healthz`);
    expect(health.status).toBe(200);
    await Promise.all(slow.map((s) => s.closed));
    expect((await fetch(`${b.base}/healthz`)).status).toBe(200);
    await stillAnswers(b, "C0AFTERSLOW");
  });

  it("answers 408 to a body that arrives slower than the minimum rate, and closes the connection", async () => {
    const b = await start("http", quick);
    const body = JSON.stringify(mention({ text: IN_SCOPE, channel: "C0DRIP" }));
    const ts = now();
    const s = await rawSocket(b.port);
    s.socket.write(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n` +
        `X-Slack-Request-Timestamp: ${ts}\r\nX-Slack-Signature: ${sign(SECRETS.signing, ts, body)}\r\n\r\n`,
    );
    drip(s.socket, body, 20);
    await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(b.fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("ends a request that takes longer than the request timeout even at a good rate", async () => {
    const b = await start("http", { ...quick, requestTimeoutMs: 1000, minBodyBytesPerSecond: 1 });
    const s = await rawSocket(b.port);
    s.socket.write("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
    drip(s.socket, "x".repeat(100_000), 10);
    await s.closed;
    expect(s.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it("refuses connections beyond the cap, and serves again once the slow ones are dropped", async () => {
    const b = await start("http", { ...quick, maxConnections: 5 });
    const idle = await Promise.all(Array.from({ length: 5 }, () => rawSocket(b.port)));
    for (const s of idle) s.socket.write("GET /healthz HTTP/1.1\r\n");
    const extra = await rawSocket(b.port);
    await extra.closed;
    expect(extra.received()).toBe("");
    await Promise.all(idle.map((s) => s.closed));
    expect((await fetch(`${b.base}/healthz`)).status).toBe(200);
  });
});

describe("credentials in SLACK_API_URL", () => {
  const PASSWORD = "hunter2-URL-PASSWORD";

  it("are registered for redaction (raw and decoded)", () => {
    const env = { SLACK_API_URL: `https://proxy-user:${encodeURIComponent(`${PASSWORD}/+`)}@proxy.example/api/` };
    const secrets = slackSecrets(env);
    expect(secrets).toContain(`${PASSWORD}/+`);
    expect(secrets).toContain(encodeURIComponent(`${PASSWORD}/+`));
  });

  it("are never logged: the start log shows the URL without them", async () => {
    const b = await start("http", {}, (fake) => ({ SLACK_API_URL: fake.apiUrl.replace("http://", `http://proxy-user:${PASSWORD}@`) }));
    const started = b.lines.find((l) => l.includes("slack adapter started"));
    expect(started).toContain(`"apiUrl":"${b.fake.apiUrl}"`);
    expect(b.lines.join("\n")).not.toContain(PASSWORD);
  });

  it("are not in the error when the API cannot be reached", async () => {
    const closed = await startFakeSlack();
    await closed.close();
    const { logger, lines } = captureLogger();
    const env = {
      SLACK_BOT_TOKEN: SECRETS.bot,
      SLACK_SIGNING_SECRET: SECRETS.signing,
      SLACK_PORT: "0",
      SLACK_API_URL: closed.apiUrl.replace("http://", `http://proxy-user:${PASSWORD}@`),
    };
    const error = await startSlack({ ...botParts(realEngine()), env, logger, host: "127.0.0.1" }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Could not reach the Slack Web API at http:\/\/127\.0\.0\.1:\d+\/api\//);
    expect((error as Error).message).not.toContain(PASSWORD);
    expect(lines.join("\n")).not.toContain(PASSWORD);
  });
});

describe("what already held", () => {
  it("rejects forged, stale and unsigned requests with 401", async () => {
    const b = await start("http");
    const ev = JSON.stringify(mention({ text: IN_SCOPE, channel: "C0NO" }));
    expect((await sendEvent(b.events, JSON.parse(ev), { ...signed, signWith: "forged-secret" })).status).toBe(401);
    expect((await sendEvent(b.events, JSON.parse(ev), { ...signed, timestamp: now() - 6 * 60 })).status).toBe(401);
    expect((await postRaw(b.events, ev, JSON_TYPE, { unsigned: true })).status).toBe(401);
    await stillAnswers(b, "C0SENTINEL");
    expect(b.fake.callsTo("chat.postMessage").map((c) => c.args.channel)).toEqual(["C0SENTINEL"]);
  });

  it("answers 413 to a 100 MB body at once, before it is sent", async () => {
    const b = await start("http");
    const s = await rawSocket(b.port);
    s.socket.write(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`,
    );
    s.socket.write("x".repeat(64 * 1024));
    await waitFor(() => s.received().length > 0, "a response", 5000);
    expect(s.received()).toMatch(/^HTTP\/1\.1 413/);
    s.socket.destroy();
    await stillAnswers(b, "C0AFTERBIG");
  });

  it("answers 413 to a chunked body that grows past the limit", async () => {
    const b = await start("http", { bodyLimitBytes: 10_000 });
    const s = await rawSocket(b.port);
    s.socket.write("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    s.socket.write(`4000\r\n${"x".repeat(0x4000)}\r\n`);
    await waitFor(() => s.received().length > 0, "a response", 5000);
    expect(s.received()).toMatch(/^HTTP\/1\.1 413/);
    s.socket.destroy();
  });

  it("keeps every secret out of the logs, whatever was sent", async () => {
    const b = await start("http");
    await postRaw(b.events, `{"token":"${SECRETS.signing}"`, JSON_TYPE);
    await postRaw(b.events, "null", JSON_TYPE);
    await sendEvent(b.events, mention({ text: SECRETS.bot }), { ...signed, signWith: SECRETS.app });
    await stillAnswers(b, "C0SENTINEL");
    const all = b.lines.join("\n");
    for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret);
  });
});
