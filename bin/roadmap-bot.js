#!/usr/bin/env node
// Thin launcher: the CLI is compiled by `npm run build` (run by `npm ci` through `prepare`).
import("../dist/app/main.js").catch((err) => {
  if (err && err.code === "ERR_MODULE_NOT_FOUND" && String(err.message).includes("dist/app/main.js")) {
    console.error("roadmap-bot: not built yet. Run `npm ci` (or `npm run build`) first.");
    process.exit(1);
  }
  throw err;
});
