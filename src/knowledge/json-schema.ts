import { z } from "zod";
import { KnowledgeSchema } from "./schema.js";

/** The JSON Schema that editors use to check knowledge files as curators type (see `$schema`). */
export function knowledgeJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(KnowledgeSchema, { io: "input", unrepresentable: "any" }),
    title: "roadmap-bot knowledge file",
  };
}
