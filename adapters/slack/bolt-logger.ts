import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../chat/index.js";

const TO_BOLT: Record<string, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

function flatten(args: unknown[]): string {
  return args
    .map((a) => {
      if (a instanceof Error) return `${a.name}: ${a.message}`;
      if (typeof a === "string") return a;
      try {
        return JSON.stringify(a);
      } catch {
        return String(a);
      }
    })
    .join(" ");
}

/**
 * Routes Bolt's, the Web API client's and the Socket Mode client's logs into our JSON logger, so
 * every line they write goes through the same secret scrubbing as ours.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level = TO_BOLT[logger.level] ?? LogLevel.INFO;
  let name = "bolt";
  const line =
    (emit: Logger["info"]) =>
    (...args: unknown[]) =>
      emit(logger.scrub(flatten(args)), { lib: name });
  // Bolt and the Web API client call debug() several times per event: when debug lines are off,
  // skip flattening (JSON.stringify of request details) instead of building lines nobody writes.
  const debug = logger.level === "debug" ? line(logger.debug) : () => undefined;
  return {
    debug,
    info: line(logger.info),
    warn: line(logger.warn),
    error: line(logger.error),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
