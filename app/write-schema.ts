import { writeFileSync } from "node:fs";
import { knowledgeJsonSchema } from "../src/index.js";

// `npm run schema`: regenerate knowledge/knowledge.schema.json from the zod schema.
const target = new URL("../../knowledge/knowledge.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(knowledgeJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
