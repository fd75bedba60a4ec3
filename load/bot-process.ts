/**
 * The bot under load: the compiled CLI (`node bin/roadmap-bot.js <platform>`) in a child process,
 * with only the environment a scenario gives it (no credentials from the shell), its log lines
 * counted, and a bounded stop. The Slack baseline app runs the same way, so its figures compare.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The project root: this file runs compiled, as dist/load/bot-process.js. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/roadmap-bot.js", import.meta.url));

export interface BotExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  /** Non-empty log lines so far (the bot logs one JSON object per line on stderr). */
  readonly lines: number;
  /** Lines logged at level "warn", and at level "error". */
  readonly warnings: number;
  readonly errors: number;
  /** The last 4,000 characters the bot wrote, for error messages. */
  readonly tail: string;
  /** Set once the process has exited. */
  readonly exit: BotExit | undefined;
  readonly exited: Promise<BotExit>;
  /** The bot's CPU time so far (user + system, ms), from /proc: a figure other load on the machine does not skew. */
  cpuMs(): number;
  /** SIGTERM (the CLI exits within 5 s of it), then SIGKILL past 6 s; resolves with how it exited. */
  stop(): Promise<BotExit>;
}

export function startBot(platform: "slack" | "discord", env: Record<string, string>, nodeArgs: readonly string[] = []): BotProcess {
  return startScript(BIN, [platform], env, nodeArgs);
}

/** The Slack load baseline (slack-baseline-app.ts, compiled beside this file), measured as the bot is. */
export function startSlackBaseline(env: Record<string, string>): BotProcess {
  return startScript(fileURLToPath(new URL("./slack-baseline-app.js", import.meta.url)), [], env);
}

/** `node [nodeArgs] script [args]` in a child process, watched as `startBot` describes. */
function startScript(script: string, args: readonly string[], env: Record<string, string>, nodeArgs: readonly string[] = []): BotProcess {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const counts = { lines: 0, warnings: 0, errors: 0 };
  let tail = "";
  let partial = "";
  const onOutput = (chunk: Buffer) => {
    const text = partial + String(chunk);
    tail = (tail + String(chunk)).slice(-4000);
    const lines = text.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line) continue;
      counts.lines++;
      if (line.includes('"level":"warn"')) counts.warnings++;
      if (line.includes('"level":"error"')) counts.errors++;
    }
  };
  child.stdout?.on("data", onOutput);
  child.stderr?.on("data", onOutput);
  let exit: BotExit | undefined;
  const exited = new Promise<BotExit>((resolve) =>
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    }),
  );
  return {
    get lines() {
      return counts.lines;
    },
    get warnings() {
      return counts.warnings;
    },
    get errors() {
      return counts.errors;
    },
    get tail() {
      return tail;
    },
    get exit() {
      return exit;
    },
    exited,
    cpuMs() {
      try {
        const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        // Clock ticks; USER_HZ is 100 on Linux.
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
      } catch {
        return Number.NaN;
      }
    },
    async stop() {
      if (exit) return exit;
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const stopped = await Promise.race([
        exited,
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 6000))),
      ]);
      clearTimeout(timer);
      // Our own child, by its PID.
      if (!stopped) child.kill("SIGKILL");
      return exited;
    },
  };
}
