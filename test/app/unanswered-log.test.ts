import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { watchKnowledge } from "../../app/knowledge-file.js";
import { createUnansweredLog, groupUnanswered } from "../../app/unanswered-log.js";
import { createLogger, createMemoryStore, createPipeline, STORE_DEFAULTS } from "../../chat/index.js";
import { createEngine } from "../../src/index.js";
import { knowledge, rawKnowledge } from "../helpers/knowledge.js";

describe("unanswered log", () => {
  it("records what the engine could not answer, without user ids", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "rb-")), "logs", "unanswered.jsonl");
    const log = createUnansweredLog(file);
    const store = createMemoryStore({ ...STORE_DEFAULTS, rate: undefined });
    const engine = createEngine({ knowledge: knowledge() });
    const p = createPipeline({
      engine: () => engine,
      store,
      logger: createLogger({ level: "silent" }),
      onUnanswered: ({ user, ...e }) => log(e, user),
    });
    const ask = (text: string) =>
      p.ask({ platform: "slack", source: "dm", text, user: "U1", where: { space: "D1" } }, async () => undefined);
    await ask("Who is Alibaba's chairman?");
    await ask("Where is Alibaba's second headquarters?");
    const lines = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ platform: "slack", question: "Who is Alibaba's chairman?", kind: "out-of-scope" });
    expect(Object.keys(lines[0]).sort()).toEqual(["kind", "platform", "question", "time"]);
  });

  it("never throws when the log cannot be written", () => {
    const errors: Error[] = [];
    // A path below a plain file can never be created (ENOTDIR).
    const blocker = join(mkdtempSync(join(tmpdir(), "rb-")), "file");
    writeFileSync(blocker, "");
    const log = createUnansweredLog(join(blocker, "sub", "unanswered.jsonl"), (e) => errors.push(e));
    expect(() => log({ platform: "cli", question: "q", kind: "out-of-scope" })).not.toThrow();
    expect(errors.length).toBe(1);
  });

  it("groups near-duplicates, most frequent first, skipping torn lines", () => {
    const line = (q: string) => JSON.stringify({ time: "2026-01-01T00:00:00Z", platform: "cli", question: q, kind: "out-of-scope" });
    const text = [
      line("weather in Paris"),
      line("Who is the chairman?"),
      line("who is the chairman"),
      line("Who's the chairman??"),
      '{"torn',
    ].join("\n");
    const groups = groupUnanswered(text);
    expect(groups.map((g) => g.count)).toEqual([3, 1]);
    expect(groups[0]?.variants.length).toBe(2);
  });
});

describe("hot reload", () => {
  it("a valid edit takes effect; an invalid one is reported and the last good knowledge keeps serving", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rb-"));
    const file = join(dir, "k.json");
    const k = rawKnowledge();
    writeFileSync(file, JSON.stringify(k));
    let e = createEngine({ knowledge: knowledge() });
    const invalid: string[][] = [];
    let reloads = 0;
    const stop = watchKnowledge(
      file,
      {
        onReload: (next) => {
          e = createEngine({ knowledge: next });
          reloads++;
        },
        onInvalid: (err) => invalid.push(err.problems.map((p) => p.message)),
      },
      50,
    );
    try {
      const evans = k.facts.find((f: { id: string }) => f.id === "michael-evans");
      evans.answer = "EDITED: Michael Evans leads the international strategy.";
      writeFileSync(file, JSON.stringify(k));
      await expect.poll(() => e.answer("Who is Michael Evans?").answer.text, { timeout: 5000 }).toMatch(/^EDITED/);

      const broken = rawKnowledge();
      broken.facts[0].related = ["nope"];
      broken.facts[1].questions = [];
      writeFileSync(file, JSON.stringify(broken));
      await expect.poll(() => invalid.length, { timeout: 5000 }).toBe(1);
      expect(invalid[0]?.length).toBeGreaterThanOrEqual(2);
      expect(e.answer("Who is Michael Evans?").answer.text).toMatch(/^EDITED/);
      expect(reloads).toBe(1);
    } finally {
      stop();
    }
  });
});
