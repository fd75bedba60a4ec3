/**
 * The curator's unanswered log is for what real people asked. Test runs and the CLI's test helpers
 * write nothing to it; test/setup.ts also fails any test file during which the repository's
 * unanswered.jsonl changed.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { BIN } from "./terminal.js";

const OUT_OF_SCOPE = "Who is Alibaba's chairman?";

describe("no test run adds to an unanswered log", () => {
  it("the test process turns the log off for everything started with its environment", () => {
    expect(process.env.UNANSWERED_LOG).toBe("off");
  });

  it("a bot started by the CLI test helper logs nothing, even an unanswerable question in its own folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-nolog-"));
    const r = runCli(["ask", OUT_OF_SCOPE], {}, dir);
    expect(await r.exited).toBe(0);
    expect(r.output()).toContain("doesn't cover");
    expect(existsSync(join(dir, "unanswered.jsonl"))).toBe(false);

    // The same run with no UNANSWERED_LOG at all does write there: the check above means something.
    const control = mkdtempSync(join(tmpdir(), "rb-log-"));
    const child = spawn(process.execPath, [BIN, "ask", OUT_OF_SCOPE], { env: { PATH: process.env.PATH ?? "" }, cwd: control });
    expect(await new Promise((done) => child.on("close", done))).toBe(0);
    expect(JSON.parse(readFileSync(join(control, "unanswered.jsonl"), "utf8"))).toMatchObject({ platform: "cli", question: OUT_OF_SCOPE });
  }, 60_000);
});
