/**
 * Structured logs: one JSON object per line on stderr (stdout belongs to the CLI's answers).
 * Secrets registered with `redact` are masked in every line, whatever field carries them.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Never print these strings (tokens, signing secrets): every occurrence becomes `[redacted]`. */
  redact(...secrets: (string | undefined)[]): void;
  /** Mask registered secrets in any text (for error messages shown to people). */
  scrub(text: string): string;
  readonly level: LogLevel;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; defaults to process.stderr. */
  write?: (line: string) => void;
  /** Fixed fields added to every line, e.g. `{ platform: "slack" }`. */
  base?: Record<string, unknown>;
}

export function parseLogLevel(value: string | undefined): LogLevel {
  const v = (value ?? "info").toLowerCase();
  return v in ORDER ? (v as LogLevel) : "info";
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? "info";
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const secrets = new Set<string>();
  const scrub = (text: string): string => {
    let out = text;
    for (const s of secrets) out = out.split(s).join("[redacted]");
    return out;
  };
  const emit = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const record = { time: new Date().toISOString(), level: lvl, msg, ...options.base, ...fields };
    let line: string;
    try {
      line = JSON.stringify(record, (_k, v) => (v instanceof Error ? { name: v.name, message: v.message } : v));
    } catch {
      line = JSON.stringify({ time: record.time, level: lvl, msg });
    }
    write(`${scrub(line)}\n`);
  };
  return {
    level,
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    redact: (...values) => {
      for (const v of values) if (v && v.length >= 4) secrets.add(v);
    },
    scrub,
  };
}
