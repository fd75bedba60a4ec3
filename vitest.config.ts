import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // The CI script asks for a JSON report on top of this (see .ci/run).
    reporters: ["default"],
  },
});
