/**
 * The compiled CLI run two ways: with pipes (as scripts and CI run it) and on a terminal (as a
 * person runs it). The terminal is util-linux `script`, which gives the command a pseudo-terminal
 * for stdin, stdout and stderr and copies what it draws, escape codes and all.
 */
import { spawn, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";

export const BIN = new URL("../../bin/roadmap-bot.js", import.meta.url).pathname;
// No credentials from the shell or a .env file (cwd is tmp), and no unanswered log.
export const ENV = { PATH: process.env.PATH ?? "", HOME: tmpdir(), NO_COLOR: "1", UNANSWERED_LOG: "off" };

export const HAS_SCRIPT = spawnSync("script", ["--version"], { stdio: "ignore" }).status === 0;
export const NO_SCRIPT_MESSAGE = "`script` (util-linux) is not installed: skipping the terminal tests (apt-get install bsdutils)";

export interface Piped {
  code: number;
  stdout: string;
  stderr: string;
}

/** `roadmap-bot …` with pipes: `input` on stdin (closed at once when absent). */
export function piped(args: string[], input = "", env: Record<string, string> = {}): Promise<Piped> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...ENV, ...env }, cwd: tmpdir() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

const shellQuote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * `roadmap-bot …` on a terminal, its exit code (`script -e`) and everything the terminal received
 * (stdout and stderr together, with "\r\n" line ends). Its input ends at once: a command that
 * waited for a line would read end-of-file and exit 0.
 */
export function onTerminal(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const command = [process.execPath, BIN, ...args].map(shellQuote).join(" ");
    const child = spawn("script", ["-qec", command, "/dev/null"], { env: { ...ENV, TERM: "xterm", ...env }, cwd: tmpdir() });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
    child.stdin.end();
  });
}
