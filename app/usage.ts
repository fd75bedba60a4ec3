import { readFileSync } from "node:fs";

const pkg = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url).pathname.replace("/dist/package.json", "/package.json"), "utf8"),
) as { version: string };
export const VERSION = `roadmap-bot ${pkg.version}`;

export const USAGE = `roadmap-bot: answers questions from a curated knowledge file (shipped: Alibaba's 2016 roadmap), with verbatim cited quotes.

Usage:
  roadmap-bot [repl]                 the interactive REPL (the default)
  roadmap-bot ask "question"         print the answer (--json: the Answer as one JSON object;
                                     --explain: how it was chosen)
  roadmap-bot ask --json < FILE      batch: one question per line in, one JSON object per line out
                                     (--conversation: the lines are one conversation, with follow-ups)
  roadmap-bot check [FILE]           validate and lint a knowledge file (--source TEXT: check quotes;
                                     --coverage: every sentence of the source quoted or left out)
  roadmap-bot eval FILE              accuracy per category on a labelled question set (JSON lines),
                                     or turn by turn on a labelled conversation file
                                     (--sweep FILE…: accuracy at each threshold, to calibrate it;
                                     --clinc150: the CLINC150 benchmark at the shipped defaults)
  roadmap-bot unanswered [LOG]       what people asked that the knowledge lacks, grouped
  roadmap-bot curate [LOG]           walk the unanswered groups: add each as a phrasing of a fact,
                                     a curated refusal, or skip; saves through the schema
  roadmap-bot feedback LOG…          👍/👎 per fact from the bots' logs, weakest first
  roadmap-bot bench                  cost per question beside MiniSearch's BM25 (--facts N)
  roadmap-bot doctor                 check the configuration and the knowledge file, connecting nowhere
  roadmap-bot start                  run every platform whose credentials are set; none: the REPL
  roadmap-bot slack                  run the Slack adapter
  roadmap-bot discord                run the Discord adapter
  roadmap-bot discord deploy         register the Discord slash commands

Options:
  --knowledge PATH   answer from another knowledge file (or KNOWLEDGE_PATH)
  --help, --version  roadmap-bot COMMAND --help: that command's own help, with an example`;
