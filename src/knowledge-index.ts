import Fuse from "fuse.js";
import type { Fact, Knowledge } from "./knowledge/schema.js";
import { createMatcher, type LabelledExample, type Matcher } from "./match/fuse-matcher.js";
import { type NameFacts, shapesAskedBy } from "./match/intent.js";
import { escapeRegExp } from "./match/normalise.js";
import { type Messages, messagesFor } from "./messages.js";

/** One suggestion per autocomplete candidate: a question and the fact it retrieves. */
export interface Completion {
  q: string;
  id: string;
}

/**
 * Everything the engine derives from one knowledge file, built once and never changed: the
 * matchers, the lookups and the sentences the bot says in its own voice. A new file gets a new index.
 */
export interface KnowledgeIndex {
  knowledge: Knowledge;
  facts: Fact[];
  byId: Map<string, Fact>;
  english: Matcher;
  /** The index with Chinese phrasings too, built on first use. */
  chinese(): Matcher;
  /** The autocomplete list, built on first use. */
  complete(): Fuse<Completion>;
  say: Messages;
  names: NameFacts & { places?: RegExp };
  /** For each fact, the shapes of answer its curated questions ask for (how many, when, who). */
  asked: Set<string>[];
  /** The knowledge file's own synonyms, applied before the normaliser's general table. */
  prepare: (text: string) => string;
  /** Each source's text by source id, when the app supplied it (for citation links). */
  sourceTexts?: Readonly<Record<string, string>> | undefined;
}

/** How many of each fact's questions (per language) autocomplete offers. */
const COMPLETION_PER_FACT = 6;
const CJK = /[\u3400-\u9fff]/;

export function indexKnowledge(knowledge: Knowledge, sourceTexts?: Readonly<Record<string, string>>): KnowledgeIndex {
  const facts = knowledge.facts;
  const prepare = synonymPass(knowledge.synonyms);
  const docs = (withChinese: boolean) =>
    facts.map((f) => ({
      id: f.id,
      questions: [...f.questions, ...(withChinese ? (f.questions_zh ?? []) : [])],
      keywords: f.keywords,
      body: [f.answer, f.quote, ...(withChinese && f.answer_zh ? [f.answer_zh] : [])],
    }));
  // English questions never match Chinese terms (nor change English weights), so the Chinese
  // index, the slowest part to build, waits for the first Chinese question: a cold
  // `roadmap-bot ask` in English does not pay for it. Long-running bots build it at start (warm).
  const refusals = knowledge.refusals ?? [];
  const examples = labelledExamples(knowledge);
  const english = createMatcher(
    docs(false),
    refusals.filter((r) => !CJK.test(r)),
    prepare,
    examples.filter((e) => !CJK.test(e.q)),
  );
  let full: Matcher | undefined;
  let completer: Fuse<Completion> | undefined;
  const source = knowledge.sources[0];
  return {
    knowledge,
    facts,
    byId: new Map(facts.map((f) => [f.id, f])),
    english,
    // Each index learns from the examples in its own language: English askers' wordings only
    // blurred the Chinese classes (Chinese out of fold 93.6% → 94.3% in scope without them).
    chinese: () =>
      (full ??= createMatcher(
        docs(true),
        refusals,
        prepare,
        examples.filter((e) => CJK.test(e.q)),
      )),
    complete: () =>
      (completer ??= new Fuse(
        // The first questions of each fact are its canonical wordings; later ones are variants
        // (broken English, jargon) that help matching but read oddly as suggestions.
        facts.flatMap((f) =>
          [...f.questions.slice(0, COMPLETION_PER_FACT), ...(f.questions_zh ?? []).slice(0, COMPLETION_PER_FACT)].map((q) => ({
            q,
            id: f.id,
          })),
        ),
        { keys: ["q"], includeScore: true, ignoreLocation: true, threshold: 0.45 },
      )),
    say: messagesFor({
      subject: knowledge.bot?.subject,
      intro: knowledge.bot?.intro,
      publisher: source?.publisher,
      date: source?.date,
    }),
    names: nameFacts(knowledge),
    asked: facts.map((f) => shapesAskedBy(f.questions)),
    prepare,
    sourceTexts,
  };
}

/** The file's labelled examples as the matcher takes them: each with its fact's index, or undefined for "not answered". */
function labelledExamples(knowledge: Knowledge): LabelledExample[] {
  const at = new Map(knowledge.facts.map((f, i) => [f.id, i]));
  return (knowledge.examples ?? []).map((e) => ({ q: e.q, factIndex: e.fact === null ? undefined : at.get(e.fact) }));
}

/**
 * The knowledge file's own synonyms ("new york times" → nytimes), applied by the normaliser to
 * questions and phrasings alike (lower-case, punctuation gone), before its general table.
 */
function synonymPass(synonyms: Record<string, string> | undefined): (text: string) => string {
  const entries = Object.entries(synonyms ?? {}).sort(([a], [b]) => b.length - a.length);
  if (!entries.length) return (text) => text;
  const map = new Map(entries.map(([from, to]) => [from.toLowerCase(), to]));
  const re = new RegExp(`\\b(${entries.map(([from]) => escapeRegExp(from)).join("|")})\\b`, "gi");
  return (text) => text.replace(re, (m) => map.get(m.toLowerCase()) ?? m);
}

/** The knowledge's people (for "who" answers), places (for "where" follow-ups) and common names. */
function nameFacts(knowledge: Knowledge): NameFacts & { places?: RegExp } {
  const names = knowledge.names ?? [];
  const pattern = (kind: string) => {
    const forms = names.filter((n) => n.kind === kind).flatMap((n) => [n.name, ...(n.zh ? [n.zh] : [])]);
    return forms.length ? new RegExp(forms.map(escapeRegExp).join("|")) : undefined;
  };
  const common = new Set(names.filter((n) => n.common).flatMap((n) => n.name.toLowerCase().split(/\s+/)));
  const people = pattern("person");
  const places = pattern("place");
  const all = names.filter((n) => !n.common).flatMap((n) => [n.name, ...(n.zh ? [n.zh] : [])]);
  return { common, all, ...(people && { people }), ...(places && { places }) };
}
