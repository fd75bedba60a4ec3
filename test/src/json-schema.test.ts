import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { knowledgeJsonSchema } from "../../src/knowledge/json-schema.js";

describe("exported JSON Schema", () => {
  it("is up to date with the zod schema (run `npm run schema` after changing it)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../knowledge/knowledge.schema.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(knowledgeJsonSchema())));
  });

  it("is what the knowledge file points editors at", () => {
    const k = JSON.parse(readFileSync(new URL("../../knowledge/alibaba-2016.json", import.meta.url), "utf8"));
    expect(k.$schema).toBe("./knowledge.schema.json");
  });
});
