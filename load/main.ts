/**
 * `npm run load`: loopback load scenarios against the compiled bot, each printed as a table.
 *
 *   node dist/load/main.js [slack] [discord] [--json] [--count N] [--rate N] [--users N] [--timeout S]
 *
 * With no scenario named, runs all of them, one after another. --json prints only each report as
 * one JSON line. The Discord flags are described in discord.ts, the Slack environment variables
 * (LOAD_EVENTS, …) in slack.ts. Exits 1 when any scenario lost or doubled a reply, or failed.
 * Needs a build (`npm run build`, which `npm run load` runs first). Loopback only; no token needed.
 */
import { discordAskBurst, discordOptionsFromArgs, discordPassed, discordRows, discordTitle } from "./discord.js";
import { slackMentions, slackOptionsFromEnv, slackPassed, slackRows, slackTitle } from "./slack.js";
import { formatTable, type Row } from "./table.js";

/** What a scenario hands back: its report (printed as JSON too), a table, and whether it passed. */
interface Outcome {
  report: object;
  title: string;
  rows: Row[];
  passed: boolean;
}

type Scenario = (say: (line: string) => void) => Promise<Outcome>;

const FLAGS = ["count", "rate", "users", "timeout"];

function parseArgs(argv: readonly string[]) {
  const names: string[] = [];
  const flags = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg.startsWith("--") && FLAGS.includes(arg.slice(2))) flags.set(arg.slice(2), argv[++i] ?? "");
    else if (arg === "slack" || arg === "discord") names.push(arg);
    else throw new Error(`unknown argument ${arg}`);
  }
  return { names, flags, json };
}

async function main(): Promise<number> {
  const { names, flags, json } = parseArgs(process.argv.slice(2));
  // Every option is checked before any scenario starts.
  const slackOptions = slackOptionsFromEnv(process.env);
  const discordOptions = discordOptionsFromArgs(flags);
  const scenarios: Record<string, Scenario> = {
    async slack() {
      const r = await slackMentions(slackOptions);
      return { report: r, title: slackTitle(r), rows: slackRows(r), passed: slackPassed(r) };
    },
    async discord(say) {
      const r = await discordAskBurst(discordOptions, say);
      return { report: r, title: discordTitle(r), rows: discordRows(r), passed: discordPassed(r) };
    },
  };
  const say = json ? () => {} : (line: string) => process.stdout.write(`${line}\n`);
  let failed = 0;
  for (const name of names.length > 0 ? names : Object.keys(scenarios)) {
    try {
      const outcome = await (scenarios[name] as Scenario)(say);
      say(formatTable(outcome.title, outcome.rows));
      process.stdout.write(`${JSON.stringify(outcome.report)}\n`);
      if (!outcome.passed) failed++;
    } catch (error) {
      process.stderr.write(`load ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      failed++;
    }
    say("");
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
