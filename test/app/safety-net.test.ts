/** The process-level safety net: an escaped error is logged (scrubbed) and the process keeps going. */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { installSafetyNet } from "../../app/safety-net.js";
import { createLogger } from "../../chat/index.js";

const SECRET = "xoxb-SAFETY-NET-SECRET-4242";

function setup() {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", write: (l) => lines.push(l) });
  logger.redact(SECRET);
  const target = new EventEmitter();
  const uninstall = installSafetyNet(logger, target);
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { lines, target, uninstall, records };
}

describe("installSafetyNet", () => {
  it("logs an uncaught exception at error level with its stack, without the secrets in it", () => {
    const { lines, target, records } = setup();
    const error = new TypeError(`Cannot read properties of null (token ${SECRET})`);
    target.emit("uncaughtException", error);
    expect(records()).toHaveLength(1);
    const [record] = records();
    expect(record).toMatchObject({ level: "error", kind: "uncaughtException", error: { name: "TypeError" } });
    expect(((record?.error ?? {}) as { stack?: string[] }).stack?.[0]).toMatch(/^at /);
    expect(JSON.stringify(record)).toContain("[redacted]");
    expect(lines.join("\n")).not.toContain(SECRET);
  });

  it("logs unhandled rejections, whatever was rejected", () => {
    const { lines, target, records } = setup();
    target.emit("unhandledRejection", `a string with ${SECRET}`);
    target.emit("unhandledRejection", null);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    target.emit("unhandledRejection", circular);
    expect(records().map((r) => r.kind)).toEqual(["unhandledRejection", "unhandledRejection", "unhandledRejection"]);
    expect(records()[1]?.error).toEqual({ value: "null" });
    expect(lines.join("\n")).not.toContain(SECRET);
  });

  it("is what keeps Node from exiting: it listens on the process, and can be removed", () => {
    const logger = createLogger({ level: "silent" });
    const before = [process.listenerCount("uncaughtException"), process.listenerCount("unhandledRejection")];
    const uninstall = installSafetyNet(logger);
    expect([process.listenerCount("uncaughtException"), process.listenerCount("unhandledRejection")]).toEqual(before.map((n) => n + 1));
    uninstall();
    expect([process.listenerCount("uncaughtException"), process.listenerCount("unhandledRejection")]).toEqual(before);
  });

  it("stops logging once removed", () => {
    const { target, uninstall, records } = setup();
    uninstall();
    expect(target.listenerCount("uncaughtException")).toBe(0);
    expect(records()).toHaveLength(0);
  });
});
