/** The terminal adapter: the interactive REPL, and the plain-text renderer the CLI's `ask` uses. */
export { renderAnswer, renderExplanation } from "./render.js";
export { runRepl } from "./repl.js";
export { displayWidth, wrapText } from "./wrap.js";
