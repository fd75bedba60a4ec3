import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rawKnowledge } from "../helpers/knowledge.js";

const BIN = new URL("../../bin/roadmap-bot.js", import.meta.url).pathname;
// No platform credentials may leak in from the developer's shell or a .env file, and no run adds
// to an unanswered log (tests of the log pass their own path).
const ENV = { PATH: process.env.PATH ?? "", HOME: tmpdir(), NO_COLOR: "1", UNANSWERED_LOG: "off" };

function run(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: ENV, cwd: tmpdir() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

describe("roadmap-bot CLI (the compiled binary)", () => {
  it("ask --json prints the Answer contract", async () => {
    const r = await run(["ask", "--json", "Who leads Alibaba's international strategy?"]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ answered: true, factIds: ["michael-evans"] });
    expect(a.citations[0].quote).toContain("Michael Evans");
    expect(typeof a.confidence).toBe("number");
    expect(Array.isArray(a.suggestions)).toBe(true);
  });

  it("batch mode: one JSON object per non-blank line, in order", async () => {
    const r = await run(
      ["ask", "--json"],
      "Where is Alibaba's second headquarters?\n\n  \nWho is Alibaba's chairman?\nhow many provinses\n",
    );
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    // Each answer names its question, so a script pairs them whatever lines were skipped.
    expect(lines.map((a) => a.question)).toEqual([
      "Where is Alibaba's second headquarters?",
      "Who is Alibaba's chairman?",
      "how many provinses",
    ]);
    expect(lines.map((a) => a.answered)).toEqual([true, false, true]);
    expect(lines[0].factIds).toEqual(["beijing-hq"]);
    expect(lines[2].factIds).toEqual(["village-centers"]);
  });

  it("batch mode: a message of several lines comes as a JSON string or a labelled set's line", async () => {
    const r = await run(
      ["ask", "--json"],
      [
        JSON.stringify("where are the europe offices\nclient call in 20 min"),
        JSON.stringify({ q: "who is the ceo?\nthanks!", fact: "ceo-daniel-zhang" }),
        '"quoted" words: who wrote the article',
      ].join("\n"),
    );
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((a) => a.factIds[0])).toEqual(["europe-offices", "ceo-daniel-zhang", "article"]);
    expect(lines[1].question).toBe("who is the ceo?\nthanks!");
  });

  it("prints a plain answer with its citation", async () => {
    const r = await run(["ask", "how many active shoppers?"]);
    expect(r.stdout).toContain("386 million");
    expect(r.stdout).toContain("#:~:text=");
  });

  it("--explain shows how the answer was chosen", async () => {
    const r = await run(["ask", "--explain", "goldmann sachs"]);
    expect(r.stdout).toMatch(/matched: +michael-evans/);
    expect(r.stdout).toMatch(/runner-up:/);
  });

  it("rejects a wrong flag with a one-line error and exit 2", async () => {
    const r = await run(["--nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a missing knowledge file is a one-line error and exit 1", async () => {
    const r = await run(["ask", "--knowledge", "/does/not/exist.json", "hi"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/does\/not\/exist\.json.*cannot read/);
  });

  it("check lists every problem of a broken knowledge file and exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-"));
    const k = rawKnowledge();
    k.facts[1].id = k.facts[0].id;
    k.facts[2].source = "nowhere";
    delete k.facts[3].answer;
    const file = join(dir, "broken.json");
    writeFileSync(file, JSON.stringify(k));
    const r = await run(["check", file]);
    expect(r.code).toBe(1);
    // A missing field, a duplicate id and an unknown source: all three in one run.
    expect(r.stdout).toContain("$.facts[3].answer");
    expect(r.stdout).toContain("duplicate id");
    expect(r.stdout).toContain('unknown source "nowhere"');
  });

  it("check gives the line and column of a JSON syntax error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-"));
    const file = join(dir, "syntax.json");
    writeFileSync(file, '{\n  "sources": [,\n]}');
    const r = await run(["check", file]);
    expect(r.code).toBe(1);
    expect(`${r.stdout}${r.stderr}`).toContain("at line 2, column 15");
  });

  it("check passes the curated file against the source article", async () => {
    const source = new URL("../../knowledge/sources/alibaba-2016-plans.txt", import.meta.url).pathname;
    const r = await run(["check", new URL("../../knowledge/alibaba-2016.json", import.meta.url).pathname, "--source", source]);
    expect(r.stdout).toMatch(/OK/);
    expect(r.code).toBe(0);
  });

  it("check --coverage passes on the real file and names the sentences a removed fact leaves uncovered", async () => {
    const real = new URL("../../knowledge/alibaba-2016.json", import.meta.url).pathname;
    const ok = await run(["check", real, "--coverage"]);
    expect(ok.stdout).toContain("every sentence of the source is quoted or deliberately left out");
    expect(ok.code).toBe(0);

    const k = JSON.parse(readFileSync(real, "utf8"));
    k.facts = k.facts
      .filter((f: { id: string }) => f.id !== "village-centers")
      .map((f: { related?: string[] }) => ({ ...f, related: (f.related ?? []).filter((r) => r !== "village-centers") }));
    k.examples = k.examples.filter((e: { fact: string | null }) => e.fact !== "village-centers");
    k.sources[0].text = new URL("../../knowledge/sources/alibaba-2016-plans.txt", import.meta.url).pathname;
    const dir = mkdtempSync(join(tmpdir(), "roadmap-coverage-"));
    const file = join(dir, "k.json");
    writeFileSync(file, JSON.stringify(k));
    const r = await run(["check", file, "--coverage"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("The firm has already built 10,000 village-level service centers across 20 provinces");
    // Two coverage checks, each building the engine once per fact (about 8 s apiece on the 2-core
    // machine alone): under the suite's parallel load they have taken past the default 20 s.
  }, 60_000);

  it("curate adds an unanswered question as a phrasing end to end: asked again, it is answered", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-curate-"));
    const file = join(dir, "k.json");
    writeFileSync(file, readFileSync(new URL("../../knowledge/alibaba-2016.json", import.meta.url), "utf8"));
    const question = "which outfit put out the story";
    const before = await run(["ask", "--json", "--knowledge", file, question]);
    expect(JSON.parse(before.stdout).answered).toBe(false);
    const log = join(dir, "unanswered.jsonl");
    const entry = { time: "2026-11-30T00:00:00Z", platform: "slack", question, kind: "out-of-scope" };
    writeFileSync(log, `${JSON.stringify(entry)}\n${JSON.stringify(entry)}\n`);

    const r = await run(["curate", "--knowledge", file, log], "f article\n");
    expect(r.stdout).toContain("asked 2×");
    expect(r.stdout).toContain("→ a phrasing of article");
    expect(r.stdout).toMatch(/Saved 1 change/);
    expect(r.code).toBe(0);

    const after = JSON.parse((await run(["ask", "--json", "--knowledge", file, question])).stdout);
    expect(after.factIds).toEqual(["article"]);
    // The file stays valid and keeps its formatting: two-space JSON, one trailing newline.
    expect(readFileSync(file, "utf8")).toMatch(/^\{\n {2}"\$schema"[\s\S]*\}\n$/);
  });

  it("feedback reports thumbs per fact from the bots' logs, weakest first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-feedback-"));
    const log = join(dir, "bot.log");
    const line = (outcome: string, factIds: string[]) =>
      JSON.stringify({ level: "info", msg: "feedback", platform: "slack", outcome, factIds });
    writeFileSync(
      log,
      [line("helpful", ["rural"]), line("not-helpful", ["editor"]), line("not-helpful", ["editor"]), "not json", ""].join("\n"),
    );
    const r = await run(["feedback", log]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => /^(rural|editor)\s/.test(l));
    expect(rows[0]).toMatch(/^editor\s+0\s+2\s+0%/);
    expect(rows[1]).toMatch(/^rural\s+1\s+0\s+100%/);
  });

  it("eval never writes to the curator's unanswered log", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-eval-"));
    const set = join(dir, "set.jsonl");
    writeFileSync(set, `${JSON.stringify({ q: "What is the population of Germany?", fact: null })}\n`);
    const log = join(dir, "unanswered.jsonl");
    const child = spawn(process.execPath, [BIN, "eval", set], { env: { ...ENV, UNANSWERED_LOG: log }, cwd: dir });
    const code = await new Promise((r) => child.on("close", r));
    expect(code).toBe(0);
    expect(existsSync(log)).toBe(false);
  });

  it("a wrong flag is named plainly, with balanced quotes", async () => {
    const r = await run(["ask", "--nope", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("roadmap-bot: unknown option --nope (see roadmap-bot --help)");
  });

  it("bench rejects a bad --facts at once, in one line", async () => {
    const r = await run(["bench", "--facts", "abc"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--facts takes a whole number from 100 to 100000 (got "abc")');
  });

  it("--version and --help", async () => {
    expect((await run(["--version"])).stdout).toMatch(/^roadmap-bot \d+\.\d+\.\d+/);
    expect((await run(["--help"])).stdout).toContain("roadmap-bot ask");
  });

  it("the REPL answers, explains and quits", async () => {
    const r = await run(["repl"], "where is the hq?\n:why\n:topics\n:quit\n");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Hangzhou");
    expect(r.stdout).toMatch(/matched: +beijing-hq/);
    expect(r.stdout).toContain("1. Global imports");
  });

  it("the REPL exits cleanly at end of input (Ctrl-D)", async () => {
    const r = await run([], "");
    expect(r.code).toBe(0);
  });
});

describe("roadmap-bot doctor and configuration", () => {
  it("doctor reports every problem without connecting or printing secrets", async () => {
    const child = spawn(process.execPath, [BIN, "doctor"], {
      env: { ...ENV, LOG_LEVEL: "loud", SLACK_BOT_TOKEN: "xoxp-zq9tokenvalue", DISCORD_TOKEN: "dq7.discord.tokenvalue" },
      cwd: tmpdir(),
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const code = await new Promise((r) => child.on("close", r));
    expect(code).toBe(1);
    expect(out).toContain("LOG_LEVEL");
    expect(out).toContain("SLACK_BOT_TOKEN");
    expect(out).toContain("DISCORD_APPLICATION_ID");
    expect(out).not.toContain("zq9tokenvalue");
    expect(out).not.toContain("dq7.discord");
    // Every problem is counted, not every failing part.
    const listed = out.split("\n").filter((l) => l.startsWith("       - ")).length;
    expect(out).toContain(`${listed} problems found`);
  });

  it("doctor passes with no platform configured", async () => {
    const r = await run(["doctor"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok +knowledge file/);
  });

  it("a malformed setting stops any command with a clear error", async () => {
    const child = spawn(process.execPath, [BIN, "ask", "hi"], { env: { ...ENV, MAX_QUESTION_LENGTH: "lots" }, cwd: tmpdir() });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const code = await new Promise((r) => child.on("close", r));
    expect(code).toBe(1);
    expect(err).toMatch(/MAX_QUESTION_LENGTH must be a number/);
  });
});
