/**
 * The last line of defence for a long-running bot: an error that escapes every handler (a library's
 * async listener, a timer) is logged, scrubbed of registered secrets by the logger, and the process
 * keeps serving, instead of dropping every conversation in flight. The adapters validate what they
 * receive, so reaching this is a bug worth a log line at error level, not a crash loop.
 */
import type { Logger } from "../chat/index.js";

/** Lines of a stack kept in the log: enough to find the bug, not a page per error. */
const STACK_LINES = 12;

type ProcessEvents = Pick<NodeJS.EventEmitter, "on" | "off">;

/**
 * Installs `uncaughtException` and `unhandledRejection` handlers on `target` (the process by
 * default); returns a function that removes them.
 *
 * @example
 * const logger = createLogger();
 * installSafetyNet(logger);
 */
export function installSafetyNet(logger: Logger, target: ProcessEvents = process): () => void {
  const report = (kind: string) => (reason: unknown) => {
    logger.error("uncaught error; still serving", { kind, error: describe(reason) });
  };
  const onException = report("uncaughtException");
  const onRejection = report("unhandledRejection");
  target.on("uncaughtException", onException);
  target.on("unhandledRejection", onRejection);
  return () => {
    target.off("uncaughtException", onException);
    target.off("unhandledRejection", onRejection);
  };
}

function describe(reason: unknown): Record<string, unknown> {
  if (!(reason instanceof Error)) return { value: safeString(reason) };
  const stack = reason.stack
    ?.split("\n")
    .slice(1, STACK_LINES + 1)
    .map((l) => l.trim());
  const code = (reason as { code?: unknown }).code;
  return { name: reason.name, message: reason.message, ...(typeof code === "string" ? { code } : {}), ...(stack ? { stack } : {}) };
}

function safeString(value: unknown): string {
  try {
    return typeof value === "string" ? value : String(JSON.stringify(value) ?? value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
