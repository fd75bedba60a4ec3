import { fileURLToPath } from "node:url";

/** The curated knowledge file that ships with the bot (the engine in src/ knows no article). */
export const DEFAULT_KNOWLEDGE_PATH = fileURLToPath(new URL("../knowledge/alibaba-2016.json", import.meta.url))
  // Compiled code lives one folder deeper (dist/app) than the source (app).
  .replace(/\/dist\/knowledge\//, "/knowledge/");
