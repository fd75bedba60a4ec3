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
    text: text.optional().describe("The source's text in the repo, relative to the knowledge file: `check --coverage` reads it."),
    date: text
      .optional()
      .describe(
        'When it was published, as people say it, e.g. "January 2016". Optional: without it, answers about "now" say "as of the article".',
      ),
  })
  .describe("A source article that quotes are copied from.");

const inLanguages = z
  .object({ en: text, zh: text.optional() })
  .strict()
  .describe("A sentence in English, and optionally in Simplified Chinese.");

export const BotSchema = z
  .object({
    subject: inLanguages.describe(
      'What the knowledge is about, as a phrase: "the 2016 product roadmap". Used in the refusal and "too long" replies.',
    ),
    intro: inLanguages.describe("The help reply: what to ask about."),
    can: z.array(text).describe("Short lines: what the bot can do (/about, App Home, :help)."),
    cannot: z.array(text).describe("Short lines: what it cannot do."),
    overview: id.optional().describe("The fact that gives the big picture: its reply is an overview, and its related facts are its parts."),
    suggestions: z.array(id).optional().describe("Facts whose first question is offered when nothing else fits."),
  })
  .strict()
  .describe("What the bot says about itself and its subject.");

export const NameSchema = z
  .object({
    name: text.describe("The name as written in English."),
    zh: text.optional().describe("The name in Chinese."),
    kind: z.enum(["person", "place", "organisation"]),
    common: z.boolean().optional().describe("Named so often (the subject itself) that it never counts as the name a question asks for."),
  })
  .strict()
  .describe("A person, place or organisation the source names.");

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

/** The shape of a knowledge file, field by field. */
export const KnowledgeShape = z
  .object({
    $schema: z.string().optional(),
    sources: z.array(SourceSchema).min(1, "must list at least one source"),
    topics: z.array(TopicSchema).optional(),
    facts: z.array(FactSchema).min(1, "must list at least one fact"),
    bot: BotSchema.optional(),
    names: z.array(NameSchema).optional(),
    other_names: z
      .array(
        z
          .object({
            name: text.describe("The name as written in English."),
            zh: text.optional().describe("The name in Chinese."),
          })
          .strict(),
      )
      .optional()
      .describe(
        "Firms askers bring up that the source never mentions (rivals, other companies): a question that names one asks about it, and no fact that does not name it answers. `check` fails when a fact names one.",
      ),
    synonyms: z
      .record(z.string(), text)
      .optional()
      .describe('Domain words and phrases people type, and the word the knowledge uses: { "new york times": "nytimes" }.'),
    left_out: z
      .array(z.object({ text, reason: text }).strict())
      .optional()
      .describe("Sentences of the source that no fact quotes on purpose (an ad, the comment prompt), each with the reason."),
    refusals: z
      .array(text)
      .optional()
      .describe(
        "Curated refusals: near-miss questions the source does not answer (any language). The engine learns to refuse their like; `check` fails when one of a fact's own phrasings would be refused as one of them.",
      ),
    examples: z
      .array(
        z
          .object({
            q: text.describe("The question as it was asked."),
            fact: id.nullable().describe("The id of the fact that answers it, or null when the source does not answer it."),
          })
          .strict(),
      )
      .optional()
      .describe(
        "Questions real people asked, in their own words (any language, typos and chat included), each labelled with its fact or null. The engine's classifier learns from them. Unlike `questions` and `refusals` they are data, not curation: never offered as suggestions, never matched as a fact's own phrasings, and `check` does not require each one to be answered as labelled.",
      ),
  })
  .strict();

type Issue = { path: (string | number)[]; message: string };
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const idOf = (x: unknown): string | undefined => (isObj(x) && typeof x.id === "string" ? x.id : undefined);

/** Whether `text` holds `word` whole, in any case (a Latin word not inside a longer one). */
function namesWord(text: string, word: string): boolean {
  const [haystack, needle] = [text.toLowerCase(), word.toLowerCase()];
  const letter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c) && !/\p{Script=Han}/u.test(c);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
    if (!letter(haystack[at - 1]) && !letter(haystack[at + needle.length])) return true;
  return false;
}

/**
 * The checks across entries (duplicate ids, unknown sources, topics and related facts), done on
 * the raw JSON so that they are reported in the same run as shape problems, not after them.
 */
export function crossReferenceIssues(data: unknown): Issue[] {
  if (!isObj(data)) return [];
  const issues: Issue[] = [];
  const ids = (key: string) => {
    const seen = new Set<string>();
    list(data[key]).forEach((item, i) => {
      const id = idOf(item);
      if (id === undefined) return;
      if (seen.has(id)) issues.push({ path: [key, i, "id"], message: `duplicate id "${id}"` });
      seen.add(id);
    });
    return seen;
  };
  const sources = ids("sources");
  const facts = ids("facts");
  const topics = ids("topics");
  list(data.facts).forEach((f, i) => {
    if (!isObj(f)) return;
    if (typeof f.source === "string" && !sources.has(f.source))
      issues.push({ path: ["facts", i, "source"], message: `cites unknown source "${f.source}"` });
    if (typeof f.topic === "string" && Array.isArray(data.topics) && !topics.has(f.topic))
      issues.push({ path: ["facts", i, "topic"], message: `unknown topic "${f.topic}"` });
    list(f.related).forEach((r, j) => {
      if (typeof r !== "string") return;
      if (!facts.has(r)) issues.push({ path: ["facts", i, "related", j], message: `related fact "${r}" does not exist` });
      else if (r === f.id) issues.push({ path: ["facts", i, "related", j], message: "a fact cannot be related to itself" });
    });
  });
  // A name the facts use is the source's own, not another firm's.
  list(data.other_names).forEach((n, i) => {
    if (!isObj(n)) return;
    const forms = [n.name, n.zh].filter((x): x is string => typeof x === "string" && x.trim().length > 0);
    list(data.facts).forEach((f) => {
      if (!isObj(f)) return;
      const said = [f.answer, f.quote, f.answer_zh].filter((x): x is string => typeof x === "string").join("\n");
      const form = forms.find((x) => namesWord(said, x));
      if (form)
        issues.push({ path: ["other_names", i], message: `"${form}" is named by fact "${idOf(f)}": list it under names, not other_names` });
    });
  });
  list(data.examples).forEach((e, i) => {
    if (isObj(e) && typeof e.fact === "string" && !facts.has(e.fact))
      issues.push({ path: ["examples", i, "fact"], message: `example labelled with unknown fact "${e.fact}"` });
  });
  return issues;
}

/** The whole check: shape, then cross-references (see `validateKnowledge` for both at once). */
export const KnowledgeSchema = KnowledgeShape.superRefine((k, ctx) => {
  for (const issue of crossReferenceIssues(k)) ctx.addIssue({ code: "custom", ...issue });
});

export type Knowledge = z.infer<typeof KnowledgeSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Bot = z.infer<typeof BotSchema>;
export type Name = z.infer<typeof NameSchema>;
