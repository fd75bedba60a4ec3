/**
 * Runs before every test file (vitest.config.ts `setupFiles`). The repository's unanswered.jsonl
 * is the curator's guide to what real people asked: no test may add to it.
 * - Anything started with this process's environment logs nothing (UNANSWERED_LOG=off); tests of
 *   the log itself pass their own path.
 * - Each file checks that the repository's log did not change while it ran, so a test whose child
 *   process writes there (with its own environment and the repository as its cwd) fails by name.
 */
import { statSync } from "node:fs";
import { afterAll, beforeAll, expect } from "vitest";

process.env.UNANSWERED_LOG = "off";

export const REPO_UNANSWERED_LOG = new URL("../unanswered.jsonl", import.meta.url).pathname;

const stamp = (): string => {
  try {
    const s = statSync(REPO_UNANSWERED_LOG);
    return `${s.size} bytes, modified ${s.mtime.toISOString()}`;
  } catch {
    return "absent";
  }
};

let before = "";
beforeAll(() => {
  before = stamp();
});
afterAll(() => {
  // A bot you run from this checkout while the tests run also changes it: stop it, or set UNANSWERED_LOG for it.
  expect(stamp(), `a test wrote to ${REPO_UNANSWERED_LOG} (the curator's real unanswered log)`).toBe(before);
});
