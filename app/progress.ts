import type { Engine } from "../src/index.js";

/** One updating status line for long commands: drawn on a terminal, silent anywhere else. */
export interface Progress {
  /**
   * Shows `text` in place of the previous status: at most every `intervalMs` (the first always),
   * or at once with `now` (a new phase, not another count).
   */
  update(text: string, now?: boolean): void;
  /** Clears the status line, so what the command prints next starts on a clean line. */
  done(): void;
}

/**
 * A status line on `stream` when it is a terminal: `\r` and erase-to-end redraw it in place. When
 * the stream is a file or a pipe, nothing is written: logs and `| head` see only the results.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, intervalMs = 100): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    update(text, force = false) {
      const now = performance.now();
      if (!force && now - last < intervalMs) return;
      last = now;
      shown = true;
      // Never wider than the terminal: a wrapped status line could not be redrawn in place.
      stream.write(`\r${text.slice(0, Math.max(10, (stream.columns || 80) - 1))}\x1b[K`);
    },
    done() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
      last = Number.NEGATIVE_INFINITY;
    },
  };
}

/**
 * The engine, drawing "label done/total" after each question it answers: progress for a run over
 * a question set without the evaluation knowing about terminals.
 */
export function countingAnswers(engine: Engine, total: number, label: string, progress: Progress): Engine {
  let done = 0;
  return {
    ...engine,
    answer(text, previous) {
      progress.update(`${label} ${++done}/${total}`);
      return engine.answer(text, previous);
    },
  };
}
