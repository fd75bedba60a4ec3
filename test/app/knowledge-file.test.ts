import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledgeFile, watchKnowledge } from "../../app/knowledge-file.js";
import { createEngine, RoadmapBotError } from "../../src/index.js";
import { knowledge, rawKnowledge } from "../helpers/knowledge.js";

const SECRET = "sk-live-7f3a9c2e41b8d6secretvalue";
const tempDir = () => mkdtempSync(join(tmpdir(), "rb-kf-"));

/** The error loadKnowledgeFile throws (the test fails when it does not throw). */
function refusal(file: string, limits?: Parameters<typeof loadKnowledgeFile>[1]): RoadmapBotError {
  try {
    loadKnowledgeFile(file, limits);
  } catch (err) {
    expect(err).toBeInstanceOf(RoadmapBotError);
    return err as RoadmapBotError;
  }
  throw new Error(`${file} was accepted`);
}

describe("knowledge file limits", () => {
  it("refuses a file over the size limit before parsing it, naming the limit", () => {
    const file = join(tempDir(), "big.json");
    const k = rawKnowledge();
    k.facts[0].answer = `${k.facts[0].answer} ${"padding ".repeat(200)}`;
    writeFileSync(file, JSON.stringify(k));
    const err = refusal(file, { maxBytes: 20_000 });
    expect(err.code).toBe("KNOWLEDGE_INVALID");
    expect(err.message).toMatch(/the knowledge file is [\d.]+ MB; the limit is 0\.02 MB \(maxBytes\)/);
    expect(loadKnowledgeFile(file).facts.length).toBe(k.facts.length);
  });

  it("refuses a file over 5 MB by default, even when it is valid JSON", () => {
    const file = join(tempDir(), "huge.json");
    writeFileSync(file, `${JSON.stringify(rawKnowledge())}${" ".repeat(5 * 1024 * 1024)}`);
    expect(refusal(file).message).toMatch(/the limit is 5\.0 MB \(maxBytes\)/);
  });

  it("refuses more facts than the limit before validating them (5,000 by default)", () => {
    const dir = tempDir();
    const k = rawKnowledge();
    // Facts that would not even validate: the count is checked first.
    const many = { ...k, facts: Array.from({ length: 5001 }, (_, i) => ({ id: `fact-${i}` })) };
    writeFileSync(join(dir, "many.json"), JSON.stringify(many));
    const err = refusal(join(dir, "many.json"));
    expect(err.problems).toEqual([{ file: join(dir, "many.json"), path: "$.facts", message: "5001 facts; the limit is 5000 (maxFacts)" }]);
    writeFileSync(join(dir, "k.json"), JSON.stringify(k));
    expect(refusal(join(dir, "k.json"), { maxFacts: 3 }).message).toContain(`${k.facts.length} facts; the limit is 3 (maxFacts)`);
  });

  it("refuses what is not a regular file: a folder, a FIFO (without waiting for a writer)", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "folder.json"));
    expect(refusal(join(dir, "folder.json")).problems[0]?.message).toBe("cannot read the knowledge file (not a regular file)");
    const fifo = join(dir, "fifo.json");
    try {
      execFileSync("mkfifo", [fifo]);
    } catch {
      return; // No mkfifo here (Windows): the folder case above still ran.
    }
    expect(refusal(fifo).problems[0]?.message).toBe("cannot read the knowledge file (not a regular file)");
  });

  it("quotes no byte of a file that is not JSON: line and column only", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "secret.txt"), `TOKEN=${SECRET}\nOTHER=1\n`);
    symlinkSync(join(dir, "secret.txt"), join(dir, "k.json"));
    const err = refusal(join(dir, "k.json"));
    expect(err.code).toBe("KNOWLEDGE_INVALID_JSON");
    expect(err.problems[0]?.message).toBe("not valid JSON at line 1, column 1 (unexpected character)");
    expect(JSON.stringify([err.message, err.problems])).not.toContain("TOKEN");
    writeFileSync(join(dir, "cut.json"), `{"facts": ["${SECRET}`);
    const cut = refusal(join(dir, "cut.json"));
    expect(cut.problems[0]?.message).toMatch(/^not valid JSON at line 1, column \d+ \(the text ends too soon\)$/);
    expect(cut.message).not.toContain(SECRET.slice(0, 8));
  });
});

describe("hot reload past the limits", () => {
  it("reports an oversized edit with the limit, without parsing it, and keeps serving", async () => {
    const dir = tempDir();
    const file = join(dir, "k.json");
    const k = rawKnowledge();
    writeFileSync(file, JSON.stringify(k));
    let e = createEngine({ knowledge: knowledge() });
    const before = e.answer("Who is Michael Evans?").answer.text;
    const invalid: string[] = [];
    let reloads = 0;
    const limit = Buffer.byteLength(JSON.stringify(k)) + 1000;
    const stop = watchKnowledge(
      file,
      {
        onReload: (next) => {
          e = createEngine({ knowledge: next });
          reloads++;
        },
        onInvalid: (err) => invalid.push(err.message),
      },
      50,
      { maxBytes: limit },
    );
    try {
      const evans = k.facts.find((f: { id: string }) => f.id === "michael-evans");
      evans.answer = `EDITED ${SECRET} ${"x".repeat(2000)}`;
      writeFileSync(file, JSON.stringify(k));
      await expect.poll(() => invalid.length, { timeout: 5000 }).toBe(1);
      expect(invalid[0]).toMatch(/the limit is [\d.]+ MB \(maxBytes\)/);
      expect(invalid[0]).not.toContain(SECRET);
      expect(reloads).toBe(0);
      expect(e.answer("Who is Michael Evans?").answer.text).toBe(before);
    } finally {
      stop();
    }
  });
});
