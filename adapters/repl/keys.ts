import type { Interface } from "node:readline";

/**
 * Ctrl-C as in bash and node's REPL: on a half-typed line it abandons the line (left on screen,
 * marked `^C`) and shows a fresh prompt; on an empty line it ends the session, as Ctrl-D does.
 * Readline only reports Ctrl-C this way on a terminal; piped input never sees it.
 */
export function handleCtrlC(rl: Interface, output: NodeJS.WritableStream): void {
  rl.on("SIGINT", () => {
    const typed = rl.line;
    if (typed === "") return rl.close();
    // Empty readline's buffer (to the end, then delete left), write the abandoned text back where it
    // stood, and start a new line: readline redraws its prompt on the row it is on.
    rl.write(null, { ctrl: true, name: "e" });
    rl.write(null, { ctrl: true, name: "u" });
    output.write(`${typed}^C\n`);
    rl.prompt();
  });
}
