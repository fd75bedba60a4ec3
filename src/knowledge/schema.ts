import { z } from "zod";

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (e.g. "europe-offices")');
const text = z.string().trim().min(1, "must not be empty");

export const SourceSchema = z
  .object({
    id: id.describe("Unique id that facts cite in their `source` field."),
    title: text,
    publisher: text,
    author: text,
    url: z.url({ message: "must be an absolute http(s) URL" }),
    date: text
      .optional()
      .describe(
        'When it was published, as people say it, e.g. "January 2016". Optional: without it, answers about "now" say "as of the article".',
      ),
  })
  .describe("A source article that quotes are copied from.");

export const TopicSchema = z.object({ id, title: text }).describe("A heading that facts are grouped under.");

export const FactSchema = z
  .object({
    id: id.describe("Unique fact id."),
    answer: text.describe("The reply, in our own words, short."),
    quote: text.describe("The supporting sentence copied verbatim from the source; […] marks an elision."),
    source: id.describe("The id of a source in `sources`."),
    questions: z.array(text).min(1, "must list at least one question").describe("Ways people ask for this fact."),
    keywords: z.array(text).describe("Words and phrases people use for this fact."),
    topic: id.optional().describe("The id of a topic in `topics`."),
    related: z.array(id).optional().describe("Ids of facts to offer next."),
    answer_zh: text.optional().describe("The reply in Simplified Chinese."),
    questions_zh: z.array(text).optional().describe("Ways people ask for this fact in Chinese."),
  })
  .strict();

export const KnowledgeSchema = z
  .object({
    $schema: z.string().optional(),
    sources: z.array(SourceSchema).min(1, "must list at least one source"),
    topics: z.array(TopicSchema).optional(),
    facts: z.array(FactSchema).min(1, "must list at least one fact"),
    refusals: z
      .array(text)
      .optional()
      .describe(
        "Curated refusals: near-miss questions the source does not answer (any language). The engine learns to refuse their like; `check` fails when one of a fact's own phrasings would be refused as one of them.",
      ),
  })
  .strict()
  .superRefine((k, ctx) => {
    const dupes = (items: { id: string }[], path: string) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [path, i, "id"], message: `duplicate id "${item.id}"` });
        seen.add(item.id);
      });
    };
    dupes(k.sources, "sources");
    dupes(k.facts, "facts");
    dupes(k.topics ?? [], "topics");
    const sources = new Set(k.sources.map((s) => s.id));
    const facts = new Set(k.facts.map((f) => f.id));
    const topics = new Set((k.topics ?? []).map((t) => t.id));
    k.facts.forEach((f, i) => {
      if (!sources.has(f.source))
        ctx.addIssue({ code: "custom", path: ["facts", i, "source"], message: `cites unknown source "${f.source}"` });
      if (f.topic && k.topics && !topics.has(f.topic))
        ctx.addIssue({ code: "custom", path: ["facts", i, "topic"], message: `unknown topic "${f.topic}"` });
      (f.related ?? []).forEach((r, j) => {
        if (!facts.has(r))
          ctx.addIssue({ code: "custom", path: ["facts", i, "related", j], message: `related fact "${r}" does not exist` });
        else if (r === f.id)
          ctx.addIssue({ code: "custom", path: ["facts", i, "related", j], message: "a fact cannot be related to itself" });
      });
    });
  });

export type Knowledge = z.infer<typeof KnowledgeSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type Source = z.infer<typeof SourceSchema>;
