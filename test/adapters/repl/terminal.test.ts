/**
 * The built REPL in a real terminal: tmux runs it in a detached 80x40 window, keys are typed with
 * send-keys, and the screen is read back with capture-pane (-J joins the rows the terminal itself
 * folded, so a line the REPL wrote too long shows as one long line). The reference for each answer
 * is the same question asked through `roadmap-bot ask` into a pipe, which is never wrapped.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayWidth } from "../../../adapters/repl/wrap.js";

const BIN = new URL("../../../bin/roadmap-bot.js", import.meta.url).pathname;
const HAS_TMUX = spawnSync("tmux", ["-V"]).status === 0;
if (!HAS_TMUX) console.warn("tmux is not installed: skipping the REPL terminal test (.ci/install-tmux installs it)");

const dir = HAS_TMUX ? mkdtempSync(join(tmpdir(), "rb-tmux-")) : "";
// Its own tmux server (socket in a temp folder, no config), so nobody's tmux is touched. UNANSWERED_LOG
// is off and HOME a temp folder, so the REPL never writes the repository's log.
const env = { PATH: process.env.PATH ?? "", HOME: dir, LANG: "C.UTF-8", TERM: "xterm-256color", UNANSWERED_LOG: "off" };
const tmux = (...args: string[]) =>
  execFileSync("tmux", ["-u", "-S", join(dir, "tmux.sock"), "-f", "/dev/null", ...args], { env, encoding: "utf8" });
/** The whole screen and its scrollback, one line per line the REPL wrote (trailing spaces dropped). */
const screen = () =>
  tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "rb")
    .split("\n")
    .map((l) => l.trimEnd());
const lastLine = () => screen().filter(Boolean).at(-1) ?? "";
const waitFor = (what: () => string | string[], pattern: RegExp) =>
  expect.poll(() => [what()].flat().join("\n"), { timeout: 60_000, interval: 100 }).toMatch(pattern);
const PROMPT = "roadmap-bot>";

/** The answer as `ask` prints it into a pipe: unwrapped. */
const asked = async (question: string) => (await promisify(execFile)(process.execPath, [BIN, "ask", question], { env, cwd: dir })).stdout;

/** The lines the REPL printed after the prompt line that shows `typed`, up to the next prompt. */
function block(lines: string[], typed: string): string[] {
  const from = lines.lastIndexOf(`${PROMPT} ${typed}`);
  expect(from, `no prompt line "${PROMPT} ${typed}" on screen`).toBeGreaterThan(-1);
  const to = lines.findIndex((l, i) => i > from && l.startsWith(PROMPT));
  return lines.slice(from + 1, to === -1 ? undefined : to);
}
/**
 * Types `line`, presses Enter, and waits until the REPL has answered it: its prompt line is on screen
 * with a fresh prompt below. Waiting for a bare last prompt alone races the echo: until tmux has
 * drawn the typed keys, the old prompt is still the last line.
 */
async function typeAndWait(line: string): Promise<void> {
  tmux("send-keys", "-t", "rb", "-l", line);
  tmux("send-keys", "-t", "rb", "Enter");
  await expect
    .poll(
      () => {
        const lines = screen().filter(Boolean);
        const from = lines.lastIndexOf(`${PROMPT} ${line}`);
        return from > -1 && from < lines.length - 1 && lines.at(-1) === PROMPT;
      },
      { timeout: 60_000, interval: 100 },
    )
    .toBe(true);
}
const words = (lines: string[]) => lines.join(" ").split(/\s+/).filter(Boolean);

describe.skipIf(!HAS_TMUX)("the REPL in an 80-column terminal (tmux)", () => {
  beforeAll(() => {
    // Through a shell that prints the REPL's exit status: tmux is slow to reap a child it is asked
    // about often, so its own #{pane_dead_status} can stay empty long after the REPL has exited.
    tmux(
      "new-session",
      "-d",
      "-s",
      "rb",
      "-x",
      "80",
      "-y",
      "40",
      "sh",
      "-c",
      `'${process.execPath}' '${BIN}' repl; echo "REPL exited with status $?"`,
    );
    // Keep the pane after the REPL exits, to read how it ended.
    tmux("set-window-option", "-t", "rb", "remain-on-exit", "on");
  });
  afterAll(() => {
    if (HAS_TMUX) spawnSync("tmux", ["-S", join(dir, "tmux.sock"), "kill-server"]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("wraps answers to the width by words, keeps the quote's indent, leaves the link whole, and re-wraps after a resize", async () => {
    const english = "What is the first battlefield?";
    const chinese = "阿里巴巴在欧洲开了哪些办公室？";
    const references = Promise.all([asked(english), asked(chinese)]);
    await waitFor(lastLine, /^roadmap-bot>$/);
    const banner = screen().slice(0, screen().indexOf(PROMPT));
    expect(banner.length).toBeGreaterThan(1); // the banner is longer than 80 columns: it wraps, by words
    for (const l of banner) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(banner.join(" ")).toMatch(/Type :help for commands, :quit to leave\.$/);

    await typeAndWait(english);
    const [plainEnglish, plainChinese] = await references;
    const out = block(screen(), english);
    const url = /^\s*(https:\/\/\S+)$/m.exec(plainEnglish)?.[1] ?? "";
    expect(url).toMatch(/#:~:text=/);
    expect(url.length + 2).toBeGreaterThan(80); // so the link really is wider than the terminal

    expect(out).toContain(`  ${url}`);
    for (const l of out.filter((l) => !l.includes(url))) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(out.some((l) => displayWidth(l) > 70)).toBe(true); // it fills the lines, rather than wrapping early
    // Every word the pipe shows whole is whole on the screen, in order: none is split across lines.
    expect(words(out)).toEqual(words(plainEnglish.split("\n")));
    const quote = out.findIndex((l) => l.startsWith("  “"));
    const source = out.findIndex((l, i) => i > quote && l.startsWith("  — "));
    expect(source - quote).toBeGreaterThan(1); // the quote takes more than one line at 80 columns
    for (const l of out.slice(quote + 1, source)) expect(l).toMatch(/^ {2}[^ ]/);

    tmux("resize-window", "-t", "rb", "-x", "60", "-y", "40");
    await expect.poll(() => tmux("display-message", "-p", "-t", "rb", "#{pane_width}").trim()).toBe("60");
    await typeAndWait(chinese);
    const zh = block(screen(), chinese);
    const zhUrl = /^\s*(https:\/\/\S+)$/m.exec(plainChinese)?.[1] ?? "";
    expect(zh).toContain(`  ${zhUrl}`);
    for (const l of zh.filter((l) => !l.includes(zhUrl))) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    expect(zh.join("").replace(/\s/g, "")).toBe(plainChinese.replace(/\s/g, ""));
  }, 180_000);

  it("Ctrl-C clears a half-typed line and the REPL carries on; Ctrl-C on an empty line exits cleanly", async () => {
    await waitFor(lastLine, /^roadmap-bot>$/);
    tmux("send-keys", "-t", "rb", "-l", "half a question");
    await waitFor(lastLine, /^roadmap-bot> half a question$/);
    tmux("send-keys", "-t", "rb", "C-c");
    await waitFor(() => screen().filter(Boolean).slice(-2), /^roadmap-bot> half a question\^C\nroadmap-bot>$/);

    // Had the half line stayed in readline's buffer, the question would be "half a questionWho is …".
    for (const line of ["Who is Michael Evans?", ":why"]) await typeAndWait(line);
    expect(block(screen(), ":why")[0]).toMatch(/^question: +Who is Michael Evans\?$/);
    expect(tmux("display-message", "-p", "-t", "rb", "#{pane_dead}").trim()).toBe("0");

    tmux("send-keys", "-t", "rb", "C-c");
    await expect
      .poll(() => /REPL exited with status (\d+)/.exec(tmux("capture-pane", "-p", "-t", "rb"))?.[1], { timeout: 20_000, interval: 250 })
      .toBe("0");
  }, 120_000);
});
