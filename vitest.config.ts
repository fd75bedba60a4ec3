import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // No test writes to the repository's unanswered.jsonl: see test/setup.ts.
    setupFiles: ["test/setup.ts"],
    // Vitest runs one worker fewer than the machine has cores: one on this 2-core machine, where
    // the suite then took close to ten minutes. Most files wait on loopback servers and child
    // processes, so two workers use the second core without starving either.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // .ci/run sets VITEST_JSON_REPORT to count the tests it ran from vitest's own JSON report.
    reporters: process.env.VITEST_JSON_REPORT ? ["default", "json"] : ["default"],
    ...(process.env.VITEST_JSON_REPORT && { outputFile: { json: process.env.VITEST_JSON_REPORT } }),
  },
});
