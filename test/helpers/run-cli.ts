import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";

/** The compiled CLI, as users run it. */
export const BIN = new URL("../../bin/roadmap-bot.js", import.meta.url).pathname;

export interface Run {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  output: () => string;
  exited: Promise<number>;
}

/**
 * Starts `roadmap-bot …` with only the given environment: no credentials leak in from the shell or
 * a .env file (cwd is tmp unless given), and no unanswered log unless `env` names one.
 */
export function runCli(args: string[], env: Record<string, string>, cwd = tmpdir()): Run {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), UNANSWERED_LOG: "off", ...env },
    cwd,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  return { child, output: () => output, exited };
}

/** Ends a run the test left going (SIGKILL) and waits for it to exit. */
export async function stopCli(run: Run | undefined): Promise<void> {
  if (run && run.child.exitCode === null) run.child.kill("SIGKILL");
  await run?.exited;
}
