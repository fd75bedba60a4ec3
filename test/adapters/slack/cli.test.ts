/**
 * The compiled `roadmap-bot slack` (built by `npm test` before vitest runs) against the loopback
 * fake Slack, given only the variables an operator sets: both transports, forged requests, SIGTERM.
 */

import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ask } from "../../helpers/knowledge.js";
import { type Run, runCli, stopCli } from "../../helpers/run-cli.js";
import { type FakeSlack, startFakeSlack, waitFor } from "../../helpers/slack-fake.js";
import { realEngine, SECRETS } from "../../helpers/slack-harness.js";
import { command, mention } from "../../helpers/slack-payloads.js";
import { sendCommand, sendEvent } from "../../helpers/slack-signed.js";

const BUILT = existsSync(new URL("../../../dist/adapters/slack/index.js", import.meta.url));
const IN_SCOPE = "Where did Alibaba open offices in Europe?";

/** The exit code, or a clear failure if the process lingers (a handle left open keeps it alive). */
async function exitWithin(r: Run, ms: number): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running ${ms} ms later; output:\n${r.output()}`)), ms);
  });
  return Promise.race([r.exited, late]).finally(() => clearTimeout(timer));
}

/** The port from the adapter's start line (SLACK_PORT=0 lets the OS pick a free one). */
const startedPort = (output: string): number | undefined => {
  const line = output.split("\n").find((l) => l.includes('"slack adapter started"'));
  return line ? (JSON.parse(line) as { port?: number }).port : undefined;
};

let fake: FakeSlack | undefined;
let running: Run | undefined;
afterEach(async () => {
  await stopCli(running);
  await fake?.close();
  fake = undefined;
  running = undefined;
});

describe.skipIf(!BUILT)("roadmap-bot slack (the compiled binary)", () => {
  it("HTTP: answers a signed mention and a slash command, refuses a forged one, and exits 0 on SIGTERM", async () => {
    const f = await startFakeSlack();
    fake = f;
    const r = runCli(["slack"], {
      SLACK_BOT_TOKEN: SECRETS.bot,
      SLACK_SIGNING_SECRET: SECRETS.signing,
      SLACK_PORT: "0",
      SLACK_API_URL: f.apiUrl,
    });
    running = r;
    const port = await waitFor(() => startedPort(r.output()), "the adapter's start line", 30_000);
    const events = `http://127.0.0.1:${port}/slack/events`;
    const forged = await sendEvent(events, mention({ text: IN_SCOPE, channel: "C0FORGED" }), { secret: "wrong" });
    expect(forged.status).toBe(401);
    const ev = mention({ text: IN_SCOPE });
    expect((await sendEvent(events, ev, { secret: SECRETS.signing })).status).toBe(200);
    const reply = await waitFor(() => f.callsTo("chat.postMessage")[0], "the threaded reply", 30_000);
    expect(reply.args.thread_ts).toBe(ev.event.ts);
    expect(JSON.stringify(reply.args.blocks)).toContain(ask(realEngine(), IN_SCOPE).citations[0]?.quote ?? "missing");
    await sendCommand(events, command(IN_SCOPE, `${f.responseBase}cli`), { secret: SECRETS.signing });
    await waitFor(() => f.responses.find((x) => x.id === "cli"), "the ephemeral answer", 30_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(((await health.json()) as { factCount: number }).factCount).toBe(realEngine().factCount);
    r.child.kill("SIGTERM");
    expect(await exitWithin(r, 10_000)).toBe(0);
    expect(f.callsTo("chat.postMessage").map((c) => c.args.channel)).toEqual(["C0GENERAL"]);
    for (const secret of Object.values(SECRETS)) expect(r.output()).not.toContain(secret);
  }, 60_000);

  it("Socket Mode: connects through SLACK_API_URL, answers and acknowledges, exits 0 on SIGTERM", async () => {
    const f = await startFakeSlack();
    fake = f;
    const r = runCli(["slack"], { SLACK_BOT_TOKEN: SECRETS.bot, SLACK_APP_TOKEN: SECRETS.app, SLACK_API_URL: f.apiUrl });
    running = r;
    await waitFor(() => f.socketCount() === 1, "the Socket Mode connection", 30_000);
    const ev = mention({ text: IN_SCOPE });
    const id = f.sendEnvelope("events_api", ev);
    await waitFor(() => f.acks.has(id), "the ack", 30_000);
    const reply = await waitFor(() => f.callsTo("chat.postMessage")[0], "the reply", 30_000);
    expect(reply.args.thread_ts).toBe(ev.event.ts);
    r.child.kill("SIGTERM");
    expect(await exitWithin(r, 10_000)).toBe(0);
    for (const secret of Object.values(SECRETS)) expect(r.output()).not.toContain(secret);
  }, 60_000);

  it("exits non-zero listing every bad variable, before connecting anywhere", async () => {
    const f = await startFakeSlack();
    fake = f;
    const r = runCli(["slack"], { SLACK_BOT_TOKEN: "xapp-FAKE-SECRET-WRONG-KIND", SLACK_API_URL: f.apiUrl });
    running = r;
    expect(await exitWithin(r, 10_000)).not.toBe(0);
    expect(r.output()).toContain("SLACK_BOT_TOKEN");
    expect(r.output()).toContain("SLACK_SIGNING_SECRET");
    expect(r.output()).not.toContain("FAKE-SECRET-WRONG-KIND");
    expect(f.requests).toEqual([]);
  }, 30_000);
});
