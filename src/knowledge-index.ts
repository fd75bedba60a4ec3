import Fuse from "fuse.js";
import type { Fact, Knowledge } from "./knowledge/schema.js";
import { characterPairs, hanCharacters, simplified } from "./match/chinese.js";
import { createMatcher, type LabelledExample, type Matcher } from "./match/fuse-matcher.js";
import { acronymSubjectOf, answersHoldShapes, countries, type NameFacts, shapesAskedBy } from "./match/intent.js";
import { escapeRegExp, hasChinese, normalise, type Prepare } from "./match/normalise.js";
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
  /** Every Chinese character the knowledge file writes anywhere (as Simplified), gathered on first use. */
  chineseCharacters(): ReadonlySet<string>;
  /** Every two Chinese characters the knowledge writes side by side (Simplified), read on first use. */
  chinesePairs(): ReadonlySet<string>;
  /** The autocomplete list, built on first use. */
  complete(): Fuse<Completion>;
  say: Messages;
  names: NameFacts & { places?: RegExp };
  /** For each fact, the shapes of answer its curated questions ask for (how many, when, who). */
  asked: Set<string>[];
  /** The curated refusals, each as `writtenKey` reads it: asked as written, they are refused. */
  refused: ReadonlySet<string>;
  /** The facts' curated phrasings, each as `writtenKey` reads it: asked as written, they are read whole. */
  phrased: ReadonlySet<string>;
  /** Whether the answers state counts, dates or people (`answersHoldShapes`): only then is a shape asked evidence. */
  shapedAnswers: boolean;
  /** The knowledge file's own synonyms, applied before the normaliser's general table, and its names' Chinese forms. */
  prepare: Prepare;
  /** The year the source was published, as a question writes it: it dates the question to the source and asks nothing more. */
  sourceYear?: RegExp;
  /** Each source's text by source id, when the app supplied it (for citation links). */
  sourceTexts?: Readonly<Record<string, string>> | undefined;
}

/** How many of each fact's questions (per language) autocomplete offers. */
const COMPLETION_PER_FACT = 6;

export function indexKnowledge(knowledge: Knowledge, sourceTexts?: Readonly<Record<string, string>>): KnowledgeIndex {
  const facts = knowledge.facts;
  const ownWords = synonymPass(knowledge.synonyms);
  const voice = sourceVoicePass(knowledge.sources.flatMap((s) => (s.author ? [s.author] : [])));
  const prepare: Prepare = Object.assign((text: string) => ownWords(voice(text)), {
    chinese: chineseNamePass(
      knowledge.names ?? [],
      facts.flatMap((f) => [...(f.questions_zh ?? []), f.answer_zh ?? ""]),
    ),
  });
  const years = [...new Set(knowledge.sources.flatMap((s) => s.date?.match(/\b(?:19|20)\d\d\b/g) ?? []))];
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
    refusals.filter((r) => !hasChinese(r)),
    prepare,
    examples.filter((e) => !hasChinese(e.q)),
  );
  let full: Matcher | undefined;
  let completer: Fuse<Completion> | undefined;
  let characters: ReadonlySet<string> | undefined;
  let pairs: ReadonlySet<string> | undefined;
  // The file as text, for its characters and its pairs alike (a megabyte or so: written out once).
  let written: string | undefined;
  const asText = () => (written ??= JSON.stringify(knowledge));
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
        examples.filter((e) => hasChinese(e.q)),
      )),
    chineseCharacters: () => (characters ??= new Set(hanCharacters(asText()))),
    chinesePairs: () => (pairs ??= characterPairs(asText())),
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
    names: nameFacts(knowledge, prepare),
    asked: facts.map((f) => shapesAskedBy(f.questions)),
    refused: new Set(refusals.map(writtenKey)),
    phrased: new Set(facts.flatMap((f) => [...f.questions, ...(f.questions_zh ?? [])]).map(writtenKey)),
    shapedAnswers: answersHoldShapes(facts.flatMap((f) => [f.answer, f.answer_zh ?? ""])),
    prepare,
    // Not the year's end or later part ("by the end of 2016", 2016年底), which come after the source.
    ...(years.length && {
      sourceYear: new RegExp(
        `(?<![\\d.,$]|end of |late |half of |q[2-4] )\\b(?:${years.join("|")})\\b(?![\\d.,]\\d|\\s*年?(?:底|末|下半))(?:\\s*年(?:的时候|的時候|那时候?|那時候?|那会儿?|那會兒?))?`,
        "gi",
      ),
    }),
    sourceTexts,
  };
}

/** A question as a curated refusal or phrasing is compared: case, punctuation and spacing aside. */
export const writtenKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

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

/** What a source's author is said to do when the source is meant: "does Jane Doe say…", "as Doe notes". */
const VOICE_VERBS =
  "say|says|said|mention|mentions|mentioned|claim|claims|claimed|note|notes|noted|quote|quotes|quoted|cite|cites|cited|report|reports|reported|state|states|stated|describe|describes|described|explain|explains|explained|put|puts|suggest|suggests|suggested";

/**
 * The author named as the source's voice ("where does Jane Doe say the office is?", "according to
 * Doe's piece, …") is the source itself: "the article says…". Otherwise every fact with one such
 * phrasing holds the author's name, and a question about the author ("where is Jane Doe based?")
 * matches whichever fact the name came with. What the author writes about is theirs, not the
 * source's, so "write" stays.
 */
function sourceVoicePass(authors: string[]): (text: string) => string {
  const forms = [...new Set(authors.flatMap((a) => [a, a.split(/\s+/).at(-1) ?? a]))]
    .filter((f) => f.length > 2)
    .sort((a, b) => b.length - a.length)
    .map((f) => escapeRegExp(f.toLowerCase()).replace(/\s+/g, "\\s+"));
  if (!forms.length) return (text) => text;
  const author = `(?:${forms.join("|")})(?:\\s+s)?(?:\\s+(?:piece|article|story|report|post|write\\s*up))?`;
  const voiced = new RegExp(`\\b(?:according\\s+to\\s+${author}|${author}(?=\\s+(?:${VOICE_VERBS})\\b))\\b`, "gi");
  return (text) => text.replace(voiced, (m) => (/^according/i.test(m) ? "according to the article" : "the article"));
}

/** Chinese text read for names: a name is seldom further in than a question's opening. */
const NAMED_PREFIX = 200;
/** The marks written between a transliterated name's parts (马拉维卡·维拉亚尼卡尔), or none. */
const NAME_DOTS = "[·・•．.]";

/**
 * The Chinese forms of the knowledge's names that its Chinese wording never writes, read as the
 * names themselves ("玛丽·居里是谁" → " Marie Curie 是谁", for a file listing Marie Curie as 玛丽·居里),
 * in either script and with or without the middle dot. Such a name (a transliteration, most often)
 * is otherwise a run of single syllables that matches nothing. A name the Chinese phrasings do
 * write already matches as written, its sounds too (a homophone typed for it); rewriting those
 * everywhere only blurred what the classifier had learned (older Chinese test splits −6 in scope).
 * Questions and phrasings alike go through it. The forms are found on the first Chinese text, so
 * an English-only run never loads OpenCC for them; undefined when no name has a Chinese form.
 */
function chineseNamePass(names: NonNullable<Knowledge["names"]>, chineseWording: string[]): ((text: string) => string) | undefined {
  if (!names.some((n) => n.zh)) return undefined;
  const dotsAndSpaces = new RegExp(`${NAME_DOTS}|\\s`, "g");
  const undotted = (text: string) => simplified(text).replace(dotsAndSpaces, "");
  let pattern: { re: RegExp; named: Map<string, string> } | null | undefined;
  const build = () => {
    const written = undotted(chineseWording.join("|"));
    const forms = names
      .filter((n) => n.zh)
      .map((n) => ({ name: n.name, chars: [...undotted(n.zh as string)] }))
      .filter((f) => f.chars.length >= 2 && !written.includes(f.chars.join("")))
      .sort((a, b) => b.chars.length - a.chars.length);
    if (!forms.length) return null;
    return {
      re: new RegExp(forms.map((f) => f.chars.map(escapeRegExp).join(`${NAME_DOTS}?`)).join("|"), "g"),
      named: new Map(forms.map((f) => [f.chars.join(""), f.name])),
    };
  };
  // A question is normalised several times (its readings, its corrected words): each opening is
  // converted once (OpenCC over 200 characters costs about 0.1 ms).
  const seen = new Map<string, string | undefined>();
  return (text) => {
    if (pattern === undefined) pattern = build();
    if (!pattern) return text;
    const { re, named } = pattern;
    const opening = text.slice(0, NAMED_PREFIX);
    let rewritten = seen.get(opening);
    if (!seen.has(opening)) {
      const head = simplified(opening);
      re.lastIndex = 0;
      rewritten = re.test(head) ? head.replace(re, (m) => ` ${named.get(undotted(m)) ?? m} `) : undefined;
      if (seen.size >= 1000) seen.clear();
      seen.set(opening, rewritten);
    }
    return rewritten === undefined ? text : rewritten + text.slice(NAMED_PREFIX);
  };
}

/** The knowledge's people (for "who" answers), firms (for "who owns…?"), places (for "where" follow-ups) and common names. */
function nameFacts(knowledge: Knowledge, prepare: Prepare): NameFacts & { places?: RegExp } {
  const names = knowledge.names ?? [];
  const pattern = (kind: string) => {
    const forms = names.filter((n) => n.kind === kind).flatMap((n) => [n.name, ...(n.zh ? [n.zh] : [])]);
    return forms.length ? new RegExp(forms.map(escapeRegExp).join("|")) : undefined;
  };
  const common = new Set(names.filter((n) => n.common).flatMap((n) => n.name.toLowerCase().split(/\s+/)));
  const people = pattern("person");
  const firms = pattern("organisation");
  const places = pattern("place");
  // Only a file that names its places asks whether a question names another country.
  if (places) countries();
  const all = names.filter((n) => !n.common).flatMap((n) => [n.name, ...(n.zh ? [n.zh] : [])]);
  const terms = new Set(
    names
      .filter((n) => n.kind !== "place")
      .flatMap((n) => [n.name, ...(n.zh ? [n.zh] : [])])
      .flatMap((form) => normalise(form, prepare).terms),
  );
  const askersFirms = new Set(
    (knowledge.examples ?? []).flatMap((e) => {
      const firm = e.fact === null ? undefined : acronymSubjectOf(e.q);
      return firm ? [firm] : [];
    }),
  );
  // Other firms, as whole words in any case ("amazon", "JD.com") or as Chinese (written Simplified, as names are).
  const otherForms = (knowledge.other_names ?? []).flatMap((n) => [n.name, ...(n.zh ? [n.zh] : [])]);
  const others = otherForms.length
    ? new RegExp(`(?<![\\p{Script=Latin}\\p{N}])(?:${otherForms.map(escapeRegExp).join("|")})(?![\\p{Script=Latin}\\p{N}])`, "giu")
    : undefined;
  // The subject's own firm: its names, and the first two characters of a longer Chinese name, the
  // usual short form of a Chinese firm's name.
  const ownForms = names
    .filter((n) => n.common && n.kind === "organisation")
    .flatMap((n) => [n.name, ...(n.zh ? [n.zh, ...(n.zh.length >= 4 ? [n.zh.slice(0, 2)] : [])] : [])]);
  const own = ownForms.length ? new RegExp(`(?<![\\p{Script=Latin}])(?:${ownForms.map(escapeRegExp).join("|")})`, "iu") : undefined;
  return {
    common,
    all,
    ...(own && { own }),
    terms,
    askersFirms,
    ...(people && { people }),
    ...(firms && { firms }),
    ...(places && { places }),
    ...(others && { others }),
    // The subject's own firm is common (its chief is what askers mean by "the CEO"): not among them.
    organisations: names.filter((n) => n.kind === "organisation" && !n.common).map((n) => [n.name, ...(n.zh ? [n.zh] : [])]),
  };
}
