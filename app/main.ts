import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import { renderAnswer, renderExplanation, runRepl } from "../adapters/repl/index.js";
import { createLogger, parseLogLevel } from "../chat/index.js";
import {
  type Answer,
  configError,
  createEngine,
  type Engine,
  formatProblem,
  type Knowledge,
  RoadmapBotError,
  stripMarkup,
  type Turn,
} from "../src/index.js";
import { answerFields } from "./answer-fields.js";
import { questionOfLine } from "./batch-line.js";
import { composeBot, unansweredLog } from "./compose.js";
import { parseConfig, parseCoreConfig, secretsIn } from "./config.js";
import { preflight } from "./help.js";
import { loadKnowledgeFile, readSourceTexts } from "./knowledge-file.js";
import { DEFAULT_KNOWLEDGE_PATH } from "./knowledge-path.js";
import type { UnansweredLog } from "./unanswered-log.js";
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

/** A one-line error and exit status 2: what is wrong on the command line and what to do. */
const usage = (message: string) => new RoadmapBotError("USAGE", message);

async function main(argv: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    // Node's message quotes the flag oddly ("… as in '-- "--bogus"): name the flag plainly instead.
    const flag = (err as Error).message.match(/'(-[^']*)'/)?.[1];
    throw usage(
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
  if (early) throw usage(early.error);
  if (values.version || values.help) {
    print(values.version ? VERSION : USAGE);
    return 0;
  }
  const [command = "repl", ...rest] = positionals;
  // The core settings are checked before anything runs (doctor reports them itself).
  const core = parseCoreConfig(process.env);
  if (!core.ok && command !== "doctor") throw configError(core.problems);
  const knowledgePath = values.knowledge || process.env.KNOWLEDGE_PATH || DEFAULT_KNOWLEDGE_PATH;
  const load = (): Knowledge => loadKnowledgeFile(knowledgePath);
  const logger = createLogger({ level: parseLogLevel(process.env.LOG_LEVEL) });
  // The engine as the bots run it: the sources' texts too, so citation links land on the quote.
  const engine = (): Engine => {
    const knowledge = load();
    return createEngine({
      knowledge,
      sourceTexts: readSourceTexts(knowledge, knowledgePath),
      maxQuestionLength: core.ok ? core.config.MAX_QUESTION_LENGTH : undefined,
    });
  };

  switch (command) {
    case "repl": {
      const parsed = parseConfig(process.env);
      if (!parsed.ok) throw configError(parsed.problems);
      // The terminal is the REPL's screen: the per-question log lines stay out of it unless LOG_LEVEL asks.
      const quiet = createLogger({ level: process.env.LOG_LEVEL ? parseLogLevel(process.env.LOG_LEVEL) : "warn" });
      quiet.redact(...secretsIn(process.env));
      const bot = await composeBot({ knowledgePath, config: parsed.config, logger: quiet, watch: true });
      await runRepl(bot);
      await bot.close();
      return 0;
    }
    case "ask": {
      // What the curator asks by hand goes to the unanswered log too (platform "cli"), as the bots' questions do.
      const parsed = parseConfig(process.env);
      const log = parsed.ok ? unansweredLog(parsed.config, logger) : undefined;
      return ask(engine(), rest.join(" "), values.json ?? false, values.explain ?? false, values.conversation ?? false, log);
    }
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
      if (!rest[0]) throw usage("eval needs a labelled question file (JSON lines), e.g. roadmap-bot eval test/questions/en.jsonl");
      // An evaluation is the team's own run: it never writes to the curator's unanswered log.
      return runEval(engine(), rest[0], values.json ?? false, print);
    }
    case "bench": {
      const facts = values.facts === undefined ? 10_000 : Number(values.facts);
      if (!Number.isInteger(facts) || facts < 100 || facts > 100_000)
        throw usage(`--facts takes a whole number from 100 to 100000 (got "${String(values.facts).slice(0, 20)}")`);
      const { runBenchCommand } = await import("./commands/bench.js");
      return runBenchCommand(load(), facts, print);
    }
    case "start":
    case "slack":
    case "discord": {
      const { runBots } = await import("./run-bots.js");
      return runBots(command, rest, knowledgePath, print);
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
      if (!rest.length) throw usage("feedback needs the bots' log files (JSON lines), e.g. roadmap-bot feedback bot.log");
      const { runFeedback } = await import("./commands/feedback.js");
      return runFeedback(rest, print);
    }
    case "unanswered": {
      const { runUnanswered } = await import("./commands/unanswered.js");
      return runUnanswered(rest[0] ?? (process.env.UNANSWERED_LOG || "unanswered.jsonl"), values.json ?? false, print);
    }
    default:
      throw usage(`unknown command "${command.slice(0, 40)}" (see roadmap-bot --help)`);
  }
}

/** One question from the arguments, or a batch from standard input: one JSON object per line, in order. */
async function ask(
  engine: Engine,
  question: string,
  json: boolean,
  explain: boolean,
  conversation: boolean,
  log?: UnansweredLog,
): Promise<number> {
  // --conversation: the batch is one conversation, so follow-ups resolve against earlier lines.
  let turn: Turn | undefined;
  const one = (q: string) => {
    const r = engine.answer(q, conversation ? turn : undefined);
    turn = r.turn;
    if (r.answer.kind === "out-of-scope" || r.answer.kind === "clarify")
      log?.({ platform: "cli", question: stripMarkup(q.slice(0, 2000)).replace(/\s+/g, " ").trim(), kind: r.answer.kind });
    if (json) print(JSON.stringify(jsonLine(q, r.answer, explain)));
    else print(`${renderAnswer(r.answer, Boolean(process.stdout.isTTY))}${explain ? `\n\n${renderExplanation(r.answer.evidence)}` : ""}`);
  };
  if (question.trim()) {
    one(question);
    return 0;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) if (line.trim()) one(questionOfLine(line));
  return 0;
}

/**
 * One answer as a JSON line for `ask --json`. Scripts read these fields, so they keep the shape they
 * have always had (`answered`, `answer`, `factIds`, `citations`, `suggestions`…) beside the Answer's
 * own (`text`, `related`); `question` is the message as read from its line, so a script can pair
 * each answer with its question whatever lines it skipped; `--explain` adds the evidence.
 */
function jsonLine(question: string, a: Answer, explain: boolean): Record<string, unknown> {
  const { evidence, ...rest } = a;
  return { question, ...rest, ...answerFields(a), ...(explain ? { explanation: evidence } : {}) };
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
    logger.redact(...secretsIn(process.env));
    if (err instanceof RoadmapBotError && (err.code === "USAGE" || err.code === "CONFIG_INVALID"))
      process.stderr.write(`roadmap-bot: ${logger.scrub(err.message)}\n`);
    else if (err instanceof RoadmapBotError)
      process.stderr.write(
        `roadmap-bot: ${logger.scrub(err.problems.length > 1 ? err.message : (err.problems.map(formatProblem)[0] ?? err.message))}\n`,
      );
    else process.stderr.write(`roadmap-bot: ${logger.scrub((err as Error)?.message ?? String(err))}\n`);
    process.exitCode = err instanceof RoadmapBotError ? err.exitCode : 1;
  },
);
