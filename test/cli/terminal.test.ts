/**
 * What changes when a person runs the CLI on a terminal: `ask` with nothing to answer prints its
 * usage instead of waiting, and long commands draw one progress line on stderr; with pipes, neither.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAS_SCRIPT, NO_SCRIPT_MESSAGE, onTerminal, piped } from "./terminal.js";

if (!HAS_SCRIPT) console.warn(NO_SCRIPT_MESSAGE);
const ESC = "\x1b";
// Each test starts the compiled CLI once or twice; on a busy shared machine that takes seconds.
const SLOW = 60_000;

/** The first `n` questions of a shipped labelled set, as their own file. */
function labelledSet(n: number): string {
  const lines = readFileSync(new URL("../questions/floors/en.jsonl", import.meta.url), "utf8")
    .trim()
    .split("\n")
    .slice(0, n);
  const file = join(mkdtempSync(join(tmpdir(), "rb-progress-")), "set.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** What a terminal finally shows: "\r" returns to the line's start, "ESC[K" erases to its end. */
function screen(raw: string): string {
  return raw
    .split("\r\n")
    .map((line) => {
      let shown = "";
      let col = 0;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === "\r") col = 0;
        else if (line.startsWith(`${ESC}[K`, i)) {
          shown = shown.slice(0, col);
          i += 2;
        } else {
          shown = shown.slice(0, col) + line[i] + shown.slice(col + 1);
          col++;
        }
      }
      return shown;
    })
    .join("\n");
}

describe.skipIf(!HAS_SCRIPT)("ask on a terminal", () => {
  it(
    "with no question prints its usage and exits 2 (it does not wait for input)",
    async () => {
      const r = await onTerminal(["ask"]);
      expect(r.code).toBe(2);
      expect(r.output).toContain("roadmap-bot: ask needs a question, or questions piped on standard input");
      expect(r.output).toContain('Usage: roadmap-bot ask [--json] [--explain] "question"');
    },
    SLOW,
  );

  it(
    "with a question answers it",
    async () => {
      const r = await onTerminal(["ask", "Who leads Alibaba's international strategy?"]);
      expect(r.code).toBe(0);
      expect(r.output).toContain("Michael Evans");
    },
    SLOW,
  );
});

describe("ask with piped input is batch mode, as before", () => {
  it(
    "answers each line, plain or --json",
    async () => {
      const plain = await piped(["ask"], "Who leads Alibaba's international strategy?\n");
      expect(plain.code).toBe(0);
      expect(plain.stdout).toContain("Michael Evans");
      expect(plain.stderr).toBe("");
      const json = await piped(["ask", "--json"], "Who leads Alibaba's international strategy?\nWho is Alibaba's chairman?\n");
      expect(
        json.stdout
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l).answered),
      ).toEqual([true, false]);
    },
    SLOW,
  );
});

describe("progress of long commands", () => {
  const set = labelledSet(12);

  it.skipIf(!HAS_SCRIPT)(
    "eval on a terminal: one line redrawn in place, cleared before the results; with pipes, the results alone",
    async () => {
      const [tty, plain] = await Promise.all([onTerminal(["eval", set]), piped(["eval", set])]);
      expect(tty.code).toBe(0);
      const draws = [...tty.output.matchAll(new RegExp(`\\reval: (\\d+)/12${ESC}\\[K`, "g"))].map((m) => Number(m[1]));
      expect(draws[0]).toBe(1);
      // Counts only go up, and the status never starts a new line of its own.
      expect(draws).toEqual([...draws].sort((a, b) => a - b));
      expect(tty.output.slice(0, tty.output.indexOf("in scope:"))).not.toContain("\n");
      expect(tty.output).toContain(`\r${ESC}[Kin scope:`);

      expect(plain.code).toBe(0);
      expect(plain.stderr).toBe("");
      expect(plain.stdout).toMatch(/^in scope: {5}12\/12 answered/);
      expect(plain.stdout).not.toContain("\r");
      // The terminal ends up showing exactly what the pipe got.
      expect(screen(tty.output).trim()).toBe(plain.stdout.trim());
    },
    SLOW,
  );

  it.skipIf(!HAS_SCRIPT)(
    "eval --sweep on a terminal shows the threshold it is at",
    async () => {
      // A small knowledge file: the sweep builds one engine per threshold.
      const kettle = new URL("../../knowledge/examples/skylark-kettle.json", import.meta.url).pathname;
      const r = await onTerminal(["eval", "--sweep", set, "--knowledge", kettle]);
      expect(r.code).toBe(0);
      expect(r.output).toMatch(new RegExp(`\\reval --sweep: threshold 0\\.30, 1/12${ESC}\\[K`));
      expect(r.output).toMatch(new RegExp(`\\reval --sweep: threshold 0\\.95, 1/12${ESC}\\[K`));
    },
    SLOW,
  );
});
