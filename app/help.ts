/**
 * Each command's own `--help`, and the flags each command takes: one table, so the help a person
 * reads and the flags the CLI accepts cannot drift apart. The global help is USAGE in ./usage.ts.
 */

interface CommandHelp {
  /** One or more usage lines, without the leading "roadmap-bot ". */
  usage: string[];
  what: string;
  /** Flag (with its value name, if any) and what it does. */
  flags: [string, string][];
  example: string[];
}

const KNOWLEDGE: [string, string] = ["--knowledge PATH", "answer from another knowledge file (or KNOWLEDGE_PATH)"];

const HELP: Record<string, CommandHelp> = {
  repl: {
    usage: ["[repl] [--knowledge PATH]"],
    what: "The interactive REPL (the default command): ask questions, follow up, :why shows how the last answer was chosen, :help lists the rest. Edits to the knowledge file take effect at once.",
    flags: [KNOWLEDGE],
    example: ["roadmap-bot repl"],
  },
  ask: {
    usage: ['ask [--json] [--explain] "question"', "ask [--json] [--explain] [--conversation] < FILE"],
    what: "Prints the answer to one question with its citation. With no question and standard input piped, answers one question per line (blank lines skipped), in order.",
    flags: [
      ["--json", "print the Answer as one JSON object (one per line in batch mode)"],
      ["--explain", "add how the answer was chosen (the evidence :why shows)"],
      ["--conversation", "batch mode: the lines are one conversation, so follow-ups resolve"],
      KNOWLEDGE,
    ],
    example: ['roadmap-bot ask "Where is Alibaba\'s second headquarters?"', "roadmap-bot ask --json < questions.txt"],
  },
  check: {
    usage: ["check [FILE] [--source TEXT] [--coverage]"],
    what: "Validates a knowledge file (default: the shipped one) and lints it: a phrasing under two facts, a fact its own questions do not retrieve, a curated refusal that is answered, a quote missing from the source. Exit 0, or 1 with every problem.",
    flags: [
      ["--source TEXT", "check every quote against this source text"],
      ["--coverage", "also list source sentences no fact quotes and left_out does not list"],
      KNOWLEDGE,
    ],
    example: ["roadmap-bot check knowledge/alibaba-2016.json --coverage"],
  },
  eval: {
    usage: ["eval FILE [--json]", "eval --sweep FILE…", "eval --clinc150 [DATA]"],
    what: "Accuracy per category on a labelled question set (JSON lines), or turn by turn on a labelled conversation file. Never writes to the unanswered log. On a terminal, progress is shown on standard error.",
    flags: [
      ["--json", "print the report as one JSON object"],
      ["--sweep", "accuracy at each threshold over the files, to calibrate it"],
      ["--clinc150", "the CLINC150 benchmark at the shipped defaults (DATA: its data_full.json)"],
      KNOWLEDGE,
    ],
    example: ["roadmap-bot eval test/questions/floors/en.jsonl"],
  },
  bench: {
    usage: ["bench [--facts N]"],
    what: "Per-question cost (mean, p50, p99), the slowest single timing and the costliest question (by its fastest timing), over the real file, CLINC150 and a generated file of N facts, each beside MiniSearch's BM25 in the same run. On a terminal, progress is shown on standard error.",
    flags: [["--facts N", "facts in the generated file: a whole number from 100 to 100000 (default 10000)"], KNOWLEDGE],
    example: ["roadmap-bot bench --facts 1000"],
  },
  doctor: {
    usage: ["doctor"],
    what: "Checks the configuration (.env and the environment) and the knowledge file, connecting nowhere and printing no secret. Exit 0, or 1 with every problem counted.",
    flags: [KNOWLEDGE],
    example: ["roadmap-bot doctor"],
  },
  unanswered: {
    usage: ["unanswered [LOG] [--json]"],
    what: "What people asked that the knowledge lacks, from the unanswered log (default UNANSWERED_LOG or ./unanswered.jsonl), near-duplicates grouped, most frequent first.",
    flags: [["--json", "print the groups as JSON"]],
    example: ["roadmap-bot unanswered"],
  },
  curate: {
    usage: ["curate [LOG]"],
    what: "Walks the unanswered groups one by one: add each as a phrasing of a fact, as a curated refusal, or skip. Saves through the schema, after re-running the labelled dev sets and printing what changed.",
    flags: [KNOWLEDGE],
    example: ["roadmap-bot curate unanswered.jsonl"],
  },
  feedback: {
    usage: ["feedback LOG…"],
    what: "👍/👎 per fact from the bots' JSON-lines logs, weakest first.",
    flags: [],
    example: ["roadmap-bot feedback bot.log"],
  },
  start: {
    usage: ["start [--knowledge PATH]"],
    what: "Runs every platform whose credentials are set (see .env.example); with none, the REPL. `npm start` runs this.",
    flags: [KNOWLEDGE],
    example: ["roadmap-bot start"],
  },
  slack: {
    usage: ["slack [--knowledge PATH]"],
    what: "Runs the Slack adapter alone (Socket Mode with SLACK_APP_TOKEN, HTTP otherwise).",
    flags: [KNOWLEDGE],
    example: ["roadmap-bot slack"],
  },
  discord: {
    usage: ["discord [--knowledge PATH]", "discord deploy"],
    what: "Runs the Discord adapter alone. Register its slash commands once, before the first run, with `roadmap-bot discord deploy`.",
    flags: [KNOWLEDGE],
    example: ["roadmap-bot discord"],
  },
  "discord deploy": {
    usage: ["discord deploy"],
    what: "Registers the Discord slash commands (/ask, /topics, /about) and prints the invite URL. Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID.",
    flags: [],
    example: ["roadmap-bot discord deploy"],
  },
};

/** The command a command line names: its first positional (default `repl`), or `discord deploy`. */
function commandOf(positionals: string[]): string {
  const [command = "repl", sub] = positionals;
  return command === "discord" && sub === "deploy" ? "discord deploy" : command;
}

const flagName = (flag: string) => flag.split(" ")[0] as string;

/** Wraps prose by words to 78 columns, as the global help is laid out. */
function wrap(text: string, width = 78): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join("\n");
}

/** A command's help, or undefined: "constructor" is a word a user can type, not a command. */
const helpOf = (command: string): CommandHelp | undefined => (Object.hasOwn(HELP, command) ? HELP[command] : undefined);

/** The full `--help` text of one command, or undefined for an unknown command. */
export function commandHelp(command: string): string | undefined {
  const h = helpOf(command);
  if (!h) return undefined;
  const width = Math.max(0, ...h.flags.map(([f]) => f.length)) + 3;
  return [
    `Usage: ${h.usage.map((u) => `roadmap-bot ${u}`).join("\n       ")}`,
    "",
    wrap(h.what),
    "",
    "Options:",
    ...h.flags.map(([f, text]) => `  ${f.padEnd(width)}${text}`),
    `  ${"--help".padEnd(Math.max(width, 9))}this help`,
    "",
    "Example:",
    ...h.example.map((e) => `  ${e}`),
  ].join("\n");
}

/** What the command line asks for before any command runs: its help, or a usage error. */
export type Preflight = { help: string } | { error: string } | undefined;

/**
 * Checked at argument parsing, before configuration or knowledge load: `COMMAND --help`, flags
 * the command does not take, and `ask` with no question and a terminal on standard input (it
 * would wait for a batch that never comes).
 */
export function preflight(positionals: string[], values: Record<string, unknown>, stdinIsTTY: boolean): Preflight {
  // --version, and --help with no command, are the global answers main.ts prints.
  if (values.version || (values.help && !positionals.length)) return undefined;
  const command = commandOf(positionals);
  const h = helpOf(command);
  if (!h) return values.help ? { error: `unknown command "${command.slice(0, 40)}" (see roadmap-bot --help)` } : undefined;
  if (values.help) return { help: commandHelp(command) as string };
  const taken = new Set(h.flags.map(([f]) => flagName(f)));
  const stray = Object.keys(values).find((k) => values[k] !== undefined && !taken.has(`--${k}`));
  if (stray) return { error: `${command} does not take --${stray} (see roadmap-bot ${command} --help)` };
  if (command === "ask" && !positionals.slice(1).join(" ").trim() && stdinIsTTY)
    return {
      error: `ask needs a question, or questions piped on standard input\nUsage: ${h.usage.map((u) => `roadmap-bot ${u}`).join("\n       ")}`,
    };
  return undefined;
}
