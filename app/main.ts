import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import { renderAnswer, renderExplanation, runRepl } from "../adapters/repl/index.js";
import { createLogger, parseLogLevel } from "../chat/index.js";
import { createEngine, type Engine, formatProblem, type Knowledge, RoadmapBotError } from "../src/index.js";
import { parseCoreConfig } from "./config.js";
import { preflight } from "./help.js";
import { loadKnowledgeFile } from "./knowledge-file.js";
import { DEFAULT_KNOWLEDGE_PATH } from "./knowledge-path.js";
import { createRuntime } from "./runtime.js";
import { USAGE, VERSION } from "./usage.js";

const OPTIONS = {
  json: { type: "boolean" },
  explain: { type: "boolean" },
  conversation: { type: "boolean" },
  sweep: { type: "boolean" },
  clinc150: { type: "boolean" },
  coverage: { type: "boolean" },
  knowledge: { type: "string" },
  source: { type: "string" },
  facts: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** A one-line error and a non-zero exit: what is wrong and what to do. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

async function main(argv: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    // Node's message quotes the flag oddly ("… as in '-- "--bogus"): name the flag plainly instead.
    const flag = (err as Error).message.match(/'(-[^']*)'/)?.[1];
    throw new UsageError(
      flag ? `unknown option ${flag} (see roadmap-bot --help)` : `${(err as Error).message.split("\n")[0]} (see roadmap-bot --help)`,
    );
  }
  const { values, positionals } = parsed;
  // Per-command --help, flags a command does not take, `ask` waiting on a terminal: see ./help.ts.
  const early = preflight(positionals, values, Boolean(process.stdin.isTTY));
  if (early && "help" in early) {
    print(early.help);
    return 0;
  }
  if (early) throw new UsageError(early.error);
  if (values.version || values.help) {
    print(values.version ? VERSION : USAGE);
    return 0;
  }
  const [command = "repl", ...rest] = positionals;
  // The core settings are checked before anything runs (doctor reports them itself).
  const core = parseCoreConfig(process.env);
  if (!core.ok && command !== "doctor") throw new UsageError(`invalid configuration: ${core.problems.join("; ")} (see .env.example)`, 1);
  const knowledgePath = values.knowledge || process.env.KNOWLEDGE_PATH || DEFAULT_KNOWLEDGE_PATH;
  const load = (): Knowledge => loadKnowledgeFile(knowledgePath);
  const logger = createLogger({ level: parseLogLevel(process.env.LOG_LEVEL) });
  const runtime = (watch: boolean) => createRuntime({ knowledgePath, env: process.env, logger, watch });
  const engine = (): Engine => runtime(false).engine;

  switch (command) {
    case "repl": {
      const rt = runtime(true);
      await runRepl(rt.engine);
      rt.close();
      return 0;
    }
    case "ask":
      return ask(engine(), rest.join(" "), values.json ?? false, values.explain ?? false, values.conversation ?? false);
    case "check": {
      const { runCheck } = await import("./commands/check.js");
      return runCheck(rest[0] ?? knowledgePath, values.source, print, values.coverage ?? false);
    }
    case "eval": {
      if (values.clinc150) {
        const { runClinc } = await import("./commands/clinc150.js");
        return runClinc(rest[0], print);
      }
      const { runEval, runSweep } = await import("./commands/eval.js");
      if (values.sweep && rest.length) return runSweep(load(), rest, print);
      if (!rest[0]) throw new UsageError("eval needs a labelled question file (JSON lines), e.g. roadmap-bot eval test/questions/en.jsonl");
      // An evaluation is the team's own run: it never writes to the curator's unanswered log.
      return runEval(createEngine({ knowledge: load() }), rest[0], values.json ?? false, print);
    }
    case "bench": {
      const facts = values.facts === undefined ? 10_000 : Number(values.facts);
      if (!Number.isInteger(facts) || facts < 100 || facts > 100_000)
        throw new UsageError(`--facts takes a whole number from 100 to 100000 (got "${String(values.facts).slice(0, 20)}")`);
      const { runBenchCommand } = await import("./commands/bench.js");
      return runBenchCommand(load(), facts, print);
    }
    case "start":
    case "slack":
    case "discord": {
      const { runBots } = await import("./run-bots.js");
      return runBots(command, rest, () => runtime(true), print);
    }
    case "doctor": {
      const { runDoctor } = await import("./commands/doctor.js");
      return runDoctor(process.env, knowledgePath, print);
    }
    case "curate": {
      const { runCurate } = await import("./commands/curate.js");
      const labelled = ["test/questions/persona/en-dev.jsonl", "test/questions/persona/zh-dev.jsonl"].filter((f) => existsSync(f));
      return runCurate(knowledgePath, rest[0] ?? (process.env.UNANSWERED_LOG || "unanswered.jsonl"), labelled, process.stdin, print);
    }
    case "feedback": {
      if (!rest.length) throw new UsageError("feedback needs the bots' log files (JSON lines), e.g. roadmap-bot feedback bot.log");
      const { runFeedback } = await import("./commands/feedback.js");
      return runFeedback(rest, print);
    }
    case "unanswered": {
      const { runUnanswered } = await import("./commands/unanswered.js");
      return runUnanswered(rest[0] ?? (process.env.UNANSWERED_LOG || "unanswered.jsonl"), values.json ?? false, print);
    }
    default:
      throw new UsageError(`unknown command "${command.slice(0, 40)}" (see roadmap-bot --help)`);
  }
}

/** One question from the arguments, or a batch from standard input: one JSON object per line, in order. */
async function ask(engine: Engine, question: string, json: boolean, explain: boolean, conversation: boolean): Promise<number> {
  // --conversation: the batch is one conversation, so follow-ups resolve against earlier lines.
  const conversationId = conversation ? `cli:${process.pid}` : undefined;
  const one = (q: string) => {
    const answer = engine.answer(q, { platform: "cli", conversationId });
    const why = engine.explain(conversationId);
    if (json) print(JSON.stringify(explain ? { ...answer, explanation: why } : answer));
    else print(`${renderAnswer(answer, Boolean(process.stdout.isTTY))}${explain ? `\n\n${renderExplanation(why)}` : ""}`);
  };
  if (question.trim()) {
    one(question);
    return 0;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) if (line.trim()) one(line);
  return 0;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

// `roadmap-bot eval … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const logger = createLogger({ level: parseLogLevel(process.env.LOG_LEVEL) });
    logger.redact(process.env.SLACK_BOT_TOKEN, process.env.SLACK_APP_TOKEN, process.env.SLACK_SIGNING_SECRET, process.env.DISCORD_TOKEN);
    if (err instanceof UsageError) process.stderr.write(`roadmap-bot: ${err.message}\n`);
    else if (err instanceof RoadmapBotError)
      process.stderr.write(
        `roadmap-bot: ${logger.scrub(err.problems.length > 1 ? err.message : (err.problems.map(formatProblem)[0] ?? err.message))}\n`,
      );
    else process.stderr.write(`roadmap-bot: ${logger.scrub((err as Error)?.message ?? String(err))}\n`);
    process.exitCode = err instanceof UsageError ? err.exitCode : 1;
  },
);
