import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rawKnowledge } from "../helpers/knowledge.js";

const BIN = new URL("../../bin/roadmap-bot.js", import.meta.url).pathname;

/** Drives the real REPL through its standard input, one line at a time, waiting for each answer. */
function repl(env: Record<string, string> = {}, args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), "rb-repl-"));
  const child = spawn(process.execPath, [BIN, "repl", ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: dir, NO_COLOR: "1", ...env },
    cwd: dir,
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  return {
    dir,
    /** Sends a line and resolves with what the REPL printed for it. */
    // A reply waits for the engine to be built first, which a loaded machine (a full suite beside
    // other work) has taken over ten seconds to do: a wait, not a speed check.
    async say(line: string, expectText: RegExp, timeout = 30_000): Promise<string> {
      const from = out.length;
      child.stdin.write(`${line}\n`);
      await expect.poll(() => out.slice(from), { timeout, interval: 25 }).toMatch(expectText);
      return out.slice(from);
    },
    stderr: () => err,
    async quit(): Promise<number | null> {
      child.stdin.end(":quit\n");
      return new Promise((r) => child.on("close", r));
    },
  };
}

describe("the REPL (compiled binary)", { timeout: 90_000 }, () => {
  it("keeps a conversation: follow-ups, a Chinese question, and a numbered choice", async () => {
    const r = repl({ UNANSWERED_LOG: "off" });
    await r.say("What is the first battlefield?", /global imports/i);
    await r.say("who leads it?", /Michael Evans/);
    await r.say("阿里巴巴在欧洲开了哪些办公室？", /法国/);
    await r.say("europe or beijing", /1\. .*\n.*2\. /);
    await r.say("2", /Beijing/);
    await r.say(":why", /context: +picked option 2/);
    expect(await r.quit()).toBe(0);
  });

  it("logs what it cannot answer, and 'roadmap-bot unanswered' groups it", async () => {
    const r = repl();
    await r.say("Who is Alibaba's chairman?", /doesn't cover/);
    await r.say("who is alibabas chairman", /doesn't cover/);
    await r.say("Where is the second headquarters?", /Beijing/);
    expect(await r.quit()).toBe(0);
    const lines = readFileSync(join(r.dir, "unanswered.jsonl"), "utf8").trim().split("\n");
    expect(lines.map((l) => JSON.parse(l).platform)).toEqual(["repl", "repl"]);
    const report = await new Promise<string>((resolve) => {
      const c = spawn(process.execPath, [BIN, "unanswered"], { cwd: r.dir, env: { PATH: process.env.PATH ?? "" } });
      let s = "";
      c.stdout.on("data", (d) => (s += d));
      c.on("close", () => resolve(s));
    });
    expect(report).toMatch(/2 unanswered questions in 1 group/);
  });

  it("hot reload: an edit takes effect without a restart; a broken edit is reported and the last good knowledge serves", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-reload-"));
    const file = join(dir, "k.json");
    const k = rawKnowledge();
    writeFileSync(file, JSON.stringify(k));
    const r = repl({ UNANSWERED_LOG: "off" }, ["--knowledge", file]);
    await r.say("Who is Michael Evans?", /former Goldman Sachs/);

    k.facts.find((f: { id: string }) => f.id === "michael-evans").answer = "RELOADED: Michael Evans leads the international strategy.";
    writeFileSync(file, JSON.stringify(k));
    await expect.poll(async () => r.say("Who is Michael Evans?", /Michael Evans/), { timeout: 10_000, interval: 300 }).toMatch(/RELOADED/);

    const broken = rawKnowledge();
    broken.facts[1].questions = [];
    broken.facts[2].source = "nowhere";
    writeFileSync(file, JSON.stringify(broken));
    await expect.poll(() => r.stderr(), { timeout: 10_000 }).toMatch(/knowledge edit rejected/);
    expect(r.stderr()).toMatch(/questions: must list at least one question/);
    expect(r.stderr()).toMatch(/cites unknown source/);
    await r.say("Who is Michael Evans?", /RELOADED/);
    expect(await r.quit()).toBe(0);
  });
});
