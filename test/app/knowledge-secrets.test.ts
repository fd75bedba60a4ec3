import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The compiled binary, as an operator runs it (`npm test` builds it first).
const BIN = new URL("../../bin/roadmap-bot.js", import.meta.url).pathname;
const SECRET = "sk-live-7f3a9c2e41b8d6secretvalue";

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      // The test's variables first: /proc/self/environ lists them first, where a quoted snippet would show them.
      env: { ...env, PATH: process.env.PATH ?? "", HOME: tmpdir(), NO_COLOR: "1", UNANSWERED_LOG: "off" },
      cwd: tmpdir(),
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code: code ?? -1, out }));
    child.stdin.end("");
  });
}

describe("a knowledge file that points at a secret", () => {
  const dir = mkdtempSync(join(tmpdir(), "rb-secret-"));
  writeFileSync(join(dir, "credentials"), `${SECRET}\nAPI_TOKEN=${SECRET}\n`);
  symlinkSync(join(dir, "credentials"), join(dir, "knowledge.json"));
  const link = join(dir, "knowledge.json");

  it.each([
    ["doctor", [], { KNOWLEDGE_PATH: link }],
    ["check", [link], {}],
    ["ask", ["--knowledge", link, "who is the CEO?"], {}],
    ["ask (KNOWLEDGE_PATH)", ["who is the CEO?"], { KNOWLEDGE_PATH: link }],
  ] as const)("%s fails with line and column, and prints no byte of it", async (command, args, env) => {
    const r = await run([command.split(" ")[0] as string, ...args], env);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("not valid JSON at line 1, column 1");
    expect(r.out).not.toContain(SECRET.slice(0, 6));
    expect(r.out).not.toContain("API_TOKEN");
  });

  it.runIf(existsSync("/proc/self/environ"))("doctor with KNOWLEDGE_PATH=/proc/self/environ prints none of the environment", async () => {
    const r = await run(["doctor"], { KNOWLEDGE_PATH: "/proc/self/environ", MY_SECRET: SECRET });
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/knowledge file \/proc\/self\/environ/);
    expect(r.out).not.toContain(SECRET.slice(0, 6));
    expect(r.out).not.toContain("MY_SECRET");
  });
});
