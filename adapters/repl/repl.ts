import { createInterface } from "node:readline";
import type { Engine } from "../../src/index.js";
import { handleCtrlC } from "./keys.js";
import { renderAnswer, renderExplanation, renderTopics, styles } from "./render.js";
import { wrapText } from "./wrap.js";

const HELP = `Ask a question about Alibaba's 2016 roadmap, or:
  :help     this help
  :topics   the three battlefields, with example questions
  :sources  where the answers come from
  :why      how the last answer was chosen
  :quit     leave (Ctrl-D, or Ctrl-C on an empty line, works too;
            Ctrl-C on a half-typed line clears it)`;

/**
 * The interactive terminal: one conversation per session; on a TTY, colour and output wrapped to the
 * terminal's current width (piped output is left unwrapped for machines).
 */
export function runRepl(engine: Engine, io = { input: process.stdin, output: process.stdout }): Promise<void> {
  const tty = Boolean((io.output as NodeJS.WriteStream).isTTY);
  const colour = tty && !process.env.NO_COLOR;
  const s = styles(colour);
  const conversationId = `repl:${process.pid}:${Date.now()}`;
  const rl = createInterface({ input: io.input, output: io.output, prompt: s.green("roadmap-bot> "), terminal: tty });
  // Read the width at each print, so output after a resize fits the new width.
  const print = (text: string) => io.output.write(`${wrapText(text, tty ? (io.output as NodeJS.WriteStream).columns : undefined)}\n`);
  print(s.dim(`roadmap-bot: ${engine.factCount} facts about Alibaba's 2016 roadmap. Type :help for commands, :quit to leave.`));
  rl.prompt();
  return new Promise((resolve) => {
    rl.on("line", (line) => {
      const text = line.trim();
      if (text === ":quit" || text === ":q" || text === ":exit") return rl.close();
      if (text === ":help") print(HELP);
      else if (text === ":topics") print(renderTopics(engine.topics(), colour));
      else if (text === ":sources") {
        const a = engine.about();
        print(`${a.title}\n${a.author}, ${a.publisher}${a.date ? ` (${a.date})` : ""}\n${a.url}`);
      } else if (text === ":why") print(renderExplanation(engine.explain(conversationId)));
      else if (text.startsWith(":")) print(`Unknown command ${text.slice(0, 20)}. Type :help.`);
      else if (text) print(`${renderAnswer(engine.answer(text, { conversationId, platform: "repl" }), colour)}\n`);
      rl.prompt();
    });
    handleCtrlC(rl, io.output);
    rl.on("close", () => {
      print("");
      resolve();
    });
  });
}
