/**
 * `roadmap-bot COMMAND --help` gives that command's own help, and a command line the CLI cannot
 * run is a one-line error with exit 2 before anything is loaded.
 */
import { describe, expect, it } from "vitest";
import { type Piped, piped } from "./terminal.js";

/** Each command, and flags its help must name (the flags it takes beyond --knowledge). */
const COMMANDS: [string[], string[]][] = [
  [["repl"], ["--knowledge PATH"]],
  [["ask"], ["--json", "--explain", "--conversation"]],
  [["check"], ["--source TEXT", "--coverage"]],
  [["eval"], ["--json", "--sweep", "--clinc150"]],
  [["bench"], ["--facts N"]],
  [["doctor"], []],
  [["unanswered"], ["--json"]],
  [["curate"], []],
  [["feedback"], []],
  [["start"], []],
  [["slack"], []],
  [["discord"], []],
  [["discord", "deploy"], []],
];

const runs = new Map<string, Promise<Piped>>();
/** Each command line runs once per file, however many tests read it. */
const once = (args: string[]) => {
  const key = args.join(" ");
  if (!runs.has(key)) runs.set(key, piped(args));
  return runs.get(key) as Promise<Piped>;
};

describe("roadmap-bot COMMAND --help", () => {
  it.each(COMMANDS)("%j --help: its usage line, what it does, its flags and an example", async (command, flags) => {
    const r = await once([...command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const usage = command[0] === "repl" ? "Usage: roadmap-bot [repl]" : `Usage: roadmap-bot ${command.join(" ")}`;
    expect(r.stdout.startsWith(usage)).toBe(true);
    for (const flag of flags) expect(r.stdout).toContain(`  ${flag} `);
    expect(r.stdout).toMatch(new RegExp(`\\nExample:\\n {2}roadmap-bot ${command.join(" ")}`));
    // What it does: a sentence of prose between the usage and the options.
    const what = r.stdout.split("\n\n")[1] ?? "";
    expect(what.length).toBeGreaterThan(30);
    expect(what).not.toMatch(/^(Options|Example):/);
  });

  it("no two commands share a help text, and none is the global help", async () => {
    const global = (await once(["--help"])).stdout;
    expect(global).toContain("roadmap-bot COMMAND --help");
    const texts = await Promise.all(COMMANDS.map(([c]) => once([...c, "--help"]).then((r) => r.stdout)));
    expect(new Set([...texts, global]).size).toBe(COMMANDS.length + 1);
  });

  it("help comes before anything is checked or loaded: other flags, settings and files do not matter", async () => {
    const r = await piped(["bench", "--facts", "abc", "--knowledge", "/does/not/exist.json", "--help"], "", {
      MAX_QUESTION_LENGTH: "lots",
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: roadmap-bot bench/);
  });

  it.each(["nope", "constructor", "toString"])("an unknown command's --help is a one-line error (%s)", async (command) => {
    const r = await piped([command, "--help"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`roadmap-bot: unknown command "${command}" (see roadmap-bot --help)\n`);
  });
});

describe("bad values: one line on stderr, exit 2, nothing run", () => {
  it.each([
    [["bench", "--json"], "bench does not take --json (see roadmap-bot bench --help)"],
    [["repl", "--facts", "200"], "repl does not take --facts (see roadmap-bot repl --help)"],
    [["--sweep"], "repl does not take --sweep (see roadmap-bot repl --help)"],
    [["discord", "deploy", "--knowledge", "k.json"], "discord deploy does not take --knowledge (see roadmap-bot discord deploy --help)"],
    [["feedback", "--json", "bot.log"], "feedback does not take --json (see roadmap-bot feedback --help)"],
  ])("%j: a flag the command does not take", async (args, message) => {
    const r = await piped(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`roadmap-bot: ${message}\n`);
  });

  it.each(["99", "100001", "1.5", "", "1e4x"])("bench --facts %j is rejected at once", async (value) => {
    const r = await piped(["bench", "--facts", value]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`roadmap-bot: --facts takes a whole number from 100 to 100000 (got "${value}")\n`);
  });

  it.each([
    [["eval"], /^roadmap-bot: eval needs a labelled question file/],
    [["feedback"], /^roadmap-bot: feedback needs the bots' log files/],
  ])("%j without its file", async (args, message) => {
    const r = await piped(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
