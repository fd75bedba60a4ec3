/**
 * load/discord.ts (the Discord half of `npm run load`), run small through the compiled
 * dist/load/main.js: it starts the compiled bot against the loopback fake Discord and must report
 * every interaction answered exactly once.
 */
import { spawn } from "node:child_process";
import { expect, it } from "vitest";

const SCRIPT = new URL("../../dist/load/main.js", import.meta.url).pathname;

it("reports a small burst answered exactly once each, with rate and latency figures", async () => {
  const child = spawn(process.execPath, [SCRIPT, "discord", "--count", "60", "--timeout", "40", "--json"], {
    env: { PATH: process.env.PATH ?? "" },
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  expect(err).toBe("");
  expect(code).toBe(0);
  const report = JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
  expect(report).toMatchObject({
    platform: "discord",
    count: 60,
    answered: 60,
    lost: 0,
    answeredTwice: 0,
    allowedMentionsNotNone: 0,
    timedOut: false,
    botExit: 0,
  });
  expect(report.perSecond).toBeGreaterThan(0);
  expect(report.latencyMs.p99).toBeGreaterThanOrEqual(report.latencyMs.p50);
}, 60_000);

it("refuses an unbounded count before starting anything", async () => {
  const child = spawn(process.execPath, [SCRIPT, "discord", "--count", "1000000"], { env: { PATH: process.env.PATH ?? "" } });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  expect(code).toBe(1);
  expect(err).toContain("--count must be an integer from 1 to 20000");
});
