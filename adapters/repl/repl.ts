import { createInterface } from "node:readline";
import { type Pipeline, REPL_WORDING } from "../../chat/index.js";
import type { Answer, Engine } from "../../src/index.js";
import { handleCtrlC } from "./keys.js";
import { renderAnswer, renderExplanation, renderTopics, styles } from "./render.js";
import { wrapText } from "./wrap.js";

/**
 * The interactive terminal: a real adapter that runs every question through the same pipeline as
 * Slack and Discord (one conversation per session). On a TTY, colour and output wrapped to the
 * terminal's current width (piped output is left unwrapped for machines).
 */
export function runRepl(
  bot: { pipeline: Pipeline; engine: () => Engine },
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } = { input: process.stdin, output: process.stdout },
): Promise<void> {
  const tty = Boolean((io.output as NodeJS.WriteStream).isTTY);
  const colour = tty && !process.env.NO_COLOR;
  const s = styles(colour);
  const session = `${process.pid}:${Date.now()}`;
  let last: Answer | undefined;
  const ask = (text: string) =>
    bot.pipeline.ask({ platform: "repl", source: "line", text, user: "local", where: { space: session } }, async (reply) => {
      if (reply.type === "answer") last = reply.answer;
      print(`${reply.type === "answer" ? renderAnswer(reply.answer, colour) : reply.text}\n`);
    });
  const rl = createInterface({ input: io.input, output: io.output, prompt: s.green("roadmap-bot> "), terminal: tty });
  // Read the width at each print, so output after a resize fits the new width.
  const print = (text: string) => io.output.write(`${wrapText(text, tty ? (io.output as NodeJS.WriteStream).columns : undefined)}\n`);
  print(s.dim(REPL_WORDING.banner(bot.engine().factCount)));
  rl.prompt();
  // Lines are handled one at a time, in order, even when a whole file is piped in at once.
  let chain = Promise.resolve();
  const handle = async (line: string): Promise<boolean> => {
    const text = line.trim();
    const engine = bot.engine();
    if (text === ":quit" || text === ":q" || text === ":exit") return false;
    if (text === ":help") print(REPL_WORDING.help);
    else if (text === ":topics") print(renderTopics(engine.topics(), colour));
    else if (text === ":sources") {
      const a = engine.about();
      print(`${a.title}\n${a.author}, ${a.publisher}${a.date ? ` (${a.date})` : ""}\n${a.url}`);
    } else if (text === ":why") print(renderExplanation(last?.evidence));
    else if (text.startsWith(":")) print(REPL_WORDING.unknownCommand(text.slice(0, 20)));
    else if (text) await ask(text);
    return true;
  };
  return new Promise((resolve) => {
    rl.on("line", (line) => {
      chain = chain.then(async () => {
        if (await handle(line)) rl.prompt();
        else rl.close();
      });
    });
    handleCtrlC(rl, io.output);
    rl.on("close", () => {
      void chain.then(() => {
        print("");
        resolve();
      });
    });
  });
}
