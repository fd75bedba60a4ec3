import { doubleMetaphone } from "double-metaphone";
import { chineseTerms } from "./chinese.js";
import { type Classifier, type Example, trainClassifier } from "./classifier.js";
import { isEnglishWord, nearEnglishWord } from "./dictionary.js";
import { acronymSubjectOf } from "./intent.js";
import { INTENT_WORDS, isChineseTerm, type Normalised, normalise, type Prepare, STOP_WORDS, stem } from "./normalise.js";
import { lightStems } from "./parts-of-speech.js";
import { WORDS } from "./synonyms.js";

/** One way of asking for a fact (a question, a keyword, or the answer text), as matching terms. */
interface Phrasing {
  factIndex: number;
  terms: string[];
  /** How much this phrasing counts: curated questions and keywords 1, answer and quote text less. */
  weight: number;
}

/** What the matcher indexes per fact. */
export interface MatchDoc {
  id: string;
  questions: string[];
  keywords: string[];
  /** Answer and quote text: indexed with less weight than curated phrasings. */
  body: string[];
}

/**
 * A question people asked, with the index of the fact that answers it (undefined: not answered).
 * The classifier learns from it; it adds no phrasing and no vocabulary.
 */
export interface LabelledExample {
  q: string;
  factIndex: number | undefined;
}

/** A scored fact, with its evidence. */
export interface Scored {
  factIndex: number;
  /**
   * The classifier's probability for this fact (the index score when no classifier was trained),
   * after the engine's shape check and a follow-up's context boost.
   */
  score: number;
  /** Query terms that this fact contains. */
  matched: string[];
  /** The nearest-phrasing and coverage score of the inverted index, 0..1. */
  index: number;
  /** Share of the question's weight (unknown words weigh most) that this fact's words explain. */
  coverage: number;
  /**
   * The heaviest question word this fact leaves unexplained, over the heaviest it explains: at 1 or
   * more, the question's most specific word (a name, a number, a word the knowledge never uses) is
   * about something else. "the new CFO's salary" explains the CFO, not the salary.
   */
  missed: number;
  /** How many names or numbers of the question this fact does not mention. */
  specific: number;
  /** The question asks for a shape of answer (a number, a time, a person) this fact's answer lacks. */
  shapeMissed?: boolean;
  /**
   * A one-word question that is not (nearly) one of this fact's own phrasings, or a question of
   * function words only that is not exactly one: it says too little to answer with ("channel", "yes").
   */
  loneWord: boolean;
}

export interface MatchResult {
  normalised: Normalised;
  /** The query terms after typo correction. */
  terms: string[];
  /** Best first; at most `limit`. */
  ranked: Scored[];
  /** The classifier's probability that this is one of the curated refusals (0 without any). */
  refusal: number;
  /** Half or more of the question's words are made up: neither the knowledge's, nor misspellings of them, nor English. */
  mash: boolean;
  /** The question's words that are neither the knowledge's, nor misspellings of them, nor English. */
  madeUpWords?: string[];
  /** The question's words the knowledge does not use and no one misspelt: English words, and names far from any word. */
  farWords?: string[];
}

const INTENT_WEIGHT = 0.25;
const BODY_WEIGHT = 0.6;
/** How many letters a word spelt by ear may differ by from the known word it sounds like. */
const MAX_SOUND_EDITS = 2;
/** Words this long may carry two typos (see plausibleTypo). */
const LONG_WORD = 7;
/**
 * Two typed words that are each known still join into a known word this long: voice typing and
 * phones split compounds into the words they sound like ("head line"); "in chess" stays apart.
 */
const LONG_JOIN = 8;
/** The score kept when a one-word question is not (nearly) one of the fact's own phrasings. */
const SINGLE_WORD_PENALTY = 0.5;
/** A question this similar (weighted Jaccard) to one of a fact's phrasings, and fully explained by it, is a way of asking it. */
const OWN_PHRASING = 0.9;
/** The score kept when a fact lacks the question's heaviest word (calibrated with eval --sweep). */
const MISSING_PENALTY = 0.7;
/** A term in more phrasings than this only scores; it does not bring in candidates (see match). */
const MAX_POSTINGS = 800;
/** Once the rarer terms have brought in this many phrasings, commoner terms only score. */
const MAX_CANDIDATES = 200;
/** An unknown Chinese bigram (mostly the seam between two words) weighs this share of an unknown word. */
const CHINESE_SEAM = 0.3;
/**
 * A lone Chinese syllable (one character between stop words: 发 in 红包还发吗) is a sound many
 * characters share, so as a fact's strongest match it explains a question's unknown word only this
 * much: "红包还发吗" (are red envelopes still handed out?) is not about when the article was 发表.
 * Rounds 17–23's Chinese dev and the older test splits: one near-miss more refused, two wrong
 * answers fewer, nothing answered lost.
 */
const SYLLABLE_EVIDENCE = 0.3;
/** A Chinese matching term that is one pinyin syllable (zh:fa, not zh:hongbao or zh:fa_biao). */
export const isSyllable = (term: string): boolean =>
  isChineseTerm(term) && /^(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv]+(?:ng|n|r)?$/.test(term.slice(3));
/**
 * An unknown whole Chinese word (ICU's segment) weighs this share of an unknown English word:
 * less, as colloquial words are common, but enough that a word the knowledge never uses (申诉
 * "appeal", 回本 "break even") tells a question about something else. 0.3 → 0.5: round 14's
 * Chinese dev refused 39 → 41 of 46, nothing else moved on any dev split.
 */
const CHINESE_WORD = 0.5;
/** With a classifier, the likeliest facts whose phrasings are compared with the question. */
const PHRASED_FACTS = 3;
/**
 * Without a classifier, the facts whose nearest phrasings are closest are read in full (coverage,
 * missed words); the rest of the candidates, a few hundred in a 10,000-fact file, are not.
 */
const MAX_READ_FACTS = 48;
/** The most distinct terms of one question that are matched. */
const MAX_TERMS = 40;
/** Words that make a string of words a question (a question word or an auxiliary verb). */
const QUESTION_CUES = new Set(
  "what whats who whos whom whose when where why how which is are was were am do does did can could will would should has have had tell explain".split(
    " ",
  ),
);
/** An unknown word that is not content (a verb, an adverb…) weighs this share of an unknown noun. */
const LIGHT_FACTOR = 0.3;
/** How many unknown words of one question typo correction looks at (cached words are free). */
const CORRECTION_BUDGET = 6;
/** How much more than the rarest known word an unknown word weighs. */
const UNKNOWN_FACTOR = 1.5;

/**
 * How many unmentioned names a Chinese question matched by names alone counts as (the decision
 * reads at most two). A blind probe of everyday questions in the article's words, its dev half:
 * Chinese refused 47 → 53 of 60; the labelled sets: one wrong answer fewer, nothing lost.
 */
const NAMES_ONLY = 2;
/**
 * Chinese words of time and degree that say when or how long, not what about: a question a fact
 * matches by these alone (and its question words), holding a word no fact knows, asks about that
 * word ("沙田搭港铁去旺角要多久", "藏历新年今年是哪天"), as a question matched by names alone does.
 */
const GENERIC_ZH = new Set(
  [
    "多久",
    "今年",
    "新年",
    "去年",
    "明年",
    "时候",
    "时间",
    "具体",
    "夏天",
    "冬天",
    "春天",
    "秋天",
    "每年",
    "今天",
    "明天",
    "昨天",
    "周末",
  ].flatMap((w) => chineseTerms(w)),
);

/** How much an example's Chinese word counts as explained by its fact (a curated phrasing's counts 1). */
const EXAMPLE_WEIGHT = 0.3;

/**
 * The matcher: an inverted index of normalised terms with IDF weights, and fuse.js over the
 * knowledge's own vocabulary so that misspelt words ("provinses", "headqaurters") find the word the
 * curators wrote. Scores are 0..1, higher is better (Fuse's 0 = perfect is converted here, once).
 */
export function createMatcher(
  docs: MatchDoc[],
  refusals: readonly string[] = [],
  prepare?: Prepare,
  labelled: readonly LabelledExample[] = [],
) {
  const phrasings: Phrasing[] = [];
  const examples: Example[] = [];
  const bareWordings = new Map<string, number[]>();
  const vocabulary = new Map<string, string>(); // surface word -> stem
  const stems = new Set<string>();
  const factBags: Map<string, number>[] = docs.map(() => new Map());

  docs.forEach((doc, factIndex) => {
    const add = (text: string, weight: number) => {
      const n = normalise(text, prepare);
      for (const w of n.words) vocabulary.set(w, stem(w));
      for (const t of n.terms) {
        stems.add(t);
        const bag = factBags[factIndex] as Map<string, number>;
        bag.set(t, Math.max(bag.get(t) ?? 0, weight));
      }
      if (n.terms.length) phrasings.push({ factIndex, terms: [...new Set(n.terms)], weight });
      if (n.terms.length || (n.tokens.length && weight === 1))
        examples.push({ label: factIndex, terms: n.terms, tokens: n.tokens, typed: n.typed, weight: weight === 1 ? 1 : 0.5 });
      // A phrasing of function words only ("i don't know", "where is it made?"): its exact words
      // are its only evidence.
      if (weight === 1 && n.tokens.length && n.terms.every((t) => INTENT_WORDS.has(t))) {
        const key = n.tokens.join(" ");
        bareWordings.set(key, [...(bareWordings.get(key) ?? []), factIndex]);
      }
    };
    for (const q of doc.questions) add(q, 1);
    for (const k of doc.keywords) add(k, 1);
    for (const b of doc.body) add(b, BODY_WEIGHT);
  });

  const df = new Map<string, number>();
  for (const bag of factBags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(docs.length, 1);
  const idfOf = (docFreq: number) => Math.log(1 + (n - docFreq + 0.5) / (docFreq + 0.5));
  /** A word the knowledge never uses weighs as much as its rarest word: it is probably the point of the question. */
  const unknownWeight = UNKNOWN_FACTOR * idfOf(1);
  /**
   * The subject's own name as askers type it and the knowledge never writes it (a ticker: "how much
   * is ACME sinking into stores?"): a firm typed in capitals as the subject of questions the
   * knowledge answers. Every fact is about it, so every fact explains it, and it weighs as the
   * commonest word does: it is no name the top fact leaves out. The classifier reads it as before. Filled
   * in with the labelled examples, below.
   */
  const subjectAliases = new Set<string>();
  const weight = (term: string, names?: Set<string>, light?: Set<string>): number => {
    if (INTENT_WORDS.has(term)) return INTENT_WEIGHT;
    const d = df.get(term) ?? (subjectAliases.has(term) ? docs.length : undefined);
    if (d) return idfOf(d);
    // Unknown words say "this is about something else": most of all names the article never
    // mentions ("Italy", "JD") and years it does not cover; least of all one-letter scraps.
    if (term.length === 1 && !isChineseTerm(term)) return 0;
    if (/^(19|20)\d\d$/.test(term)) return 2 * unknownWeight;
    if (names?.has(term)) return 1.5 * unknownWeight;
    // "usually", "reckons", "dumb": how the question is worded, not what it asks (see parts-of-speech.ts).
    if (light?.has(term)) return LIGHT_FACTOR * unknownWeight;
    // Unknown Chinese bigrams are mostly the seam between two words: they count for little. An
    // unknown whole word (ICU's segment) is evidence like an unknown English word.
    if (isChineseTerm(term)) return term.includes("_") ? CHINESE_SEAM * unknownWeight : CHINESE_WORD * unknownWeight;
    return term.length === 2 ? 0.75 * unknownWeight : unknownWeight;
  };

  // Curated refusals are one more class: questions near the facts' words that the source does not
  // answer (the role of negative examples in Dialogflow's fallback intent). Questions people asked,
  // labelled, are more of what the classifier learns from, in askers' own words; an unanswered one
  // joins the refusals' class. Neither adds vocabulary.
  const unanswered = refusals.map((q): LabelledExample => ({ q, factIndex: undefined }));
  /** Words askers used in questions a fact answers (a ticker, "baba"): known to the classifier, so made up by no one. */
  const askersWords = new Set<string>();
  for (const e of [...unanswered, ...labelled]) {
    const n = normalise(e.q, prepare);
    if (e.factIndex !== undefined) for (const w of n.words) askersWords.add(w);
    const alias = e.factIndex === undefined ? undefined : acronymSubjectOf(e.q);
    if (alias) for (const t of normalise(alias, prepare).terms) if (!df.has(t)) subjectAliases.add(t);
    if (n.terms.length || (n.tokens.length && e.factIndex !== undefined))
      examples.push({ label: e.factIndex ?? docs.length, terms: n.terms, tokens: n.tokens, typed: n.typed, weight: 1 });
    // An example's Chinese words explain a question's for its fact, lightly: the curated Chinese
    // phrasings are few, and askers' own words (乡下 for 农村, 城里 for 大城市) otherwise stay
    // "unexplained" however sure the classifier is. Added after the weights, so they change no
    // word's rarity. English examples' words do not: the English phrasings are many, and the
    // examples' extra words answered near-misses ("who heads the germany office?").
    if (e.factIndex !== undefined) {
      const bag = factBags[e.factIndex] as Map<string, number>;
      for (const t of n.terms) if (isChineseTerm(t) && !bag.has(t)) bag.set(t, EXAMPLE_WEIGHT);
    }
  }
  const phrasingsOf: number[][] = docs.map(() => []);
  phrasings.forEach((p, i) => {
    phrasingsOf[p.factIndex]?.push(i);
  });
  /** The phrasings of the classifier's likeliest facts, for one question (reused: no array per question). */
  const phrasedIds = new Int32Array(phrasings.length);
  const classifier: Classifier | undefined = trainClassifier(
    examples,
    docs.length + (examples.some((e) => e.label === docs.length) ? 1 : 0),
  );

  const postings = new Map<string, number[]>();
  phrasings.forEach((p, i) => {
    for (const t of p.terms) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  // Each phrasing's known-term weights, summed once: the query loop then only adds what it shares.
  const phraseTotal = Float64Array.from(phrasings, (p) => p.terms.reduce((sum, t) => sum + weight(t), 0));
  // Terms as numbers: the query loop reads a candidate phrasing's terms from a typed array and the
  // question's weights from another, hundreds of phrasings a question in a large file.
  const termIds = new Map([...postings.keys()].map((t, i) => [t, i]));
  // Every phrasing's term ids in one array (phrasing i's are from termStart[i] to termStart[i + 1]),
  // with its fact and its scale beside: the loop touches a few flat arrays, not 30,000 objects.
  const termStart = new Int32Array(phrasings.length + 1);
  phrasings.forEach((p, i) => {
    termStart[i + 1] = (termStart[i] as number) + p.terms.length;
  });
  const termOf = new Int32Array(termStart[phrasings.length] as number);
  phrasings.forEach((p, i) => {
    p.terms.forEach((t, k) => {
      termOf[(termStart[i] as number) + k] = termIds.get(t) as number;
    });
  });
  const factOf = Int32Array.from(phrasings, (p) => p.factIndex);
  const scaleOf = Float64Array.from(phrasings, (p) => (p.weight === 1 ? 1 : BODY_WEIGHT + 0.2));
  const questionWeights = new Float64Array(termIds.size);
  /** Per fact, the similarity of its nearest phrasing scored so far (zeroed after each question). */
  const nearest = new Float64Array(docs.length);
  /** Per phrasing, whether it is already a candidate of this question (cleared after each). */
  const taken = new Uint8Array(phrasings.length);
  // Scratch space for one question's candidates, the facts it reaches and their similarities: filled
  // and read within one call, so a question allocates none of them (on a 10,000-fact file they were
  // a third of what a question allocated, and the collector's pauses are what a p99 timing meets).
  const candidateIds = new Int32Array(phrasings.length);
  const reachedIds = new Int32Array(docs.length);
  const reachedSims = new Float64Array(docs.length);

  // Misspelt synonyms ("custumers") correct to the word the synonym stands for.
  for (const [from, to] of Object.entries(WORDS)) {
    const target = stem(to.split(" ")[0] as string);
    if (!vocabulary.has(from) && stems.has(target)) vocabulary.set(from, target);
  }
  for (const w of INTENT_WORDS) vocabulary.set(w, w);
  // Misspelt stop words ("abotu") are dropped, not guessed at.
  for (const w of STOP_WORDS) if (!vocabulary.has(w) && w.length >= 3) vocabulary.set(w, "");
  const words = [...vocabulary.keys()].filter((w) => w.length >= 4 && !/\d/.test(w));
  const corrections = new Map<string, string | null>();

  // Typos are found exactly with a symmetric-delete index (SymSpell): every known word filed under
  // itself with each letter deleted in turn, and words of seven letters or more (which may carry
  // two typos) with each pair deleted too. A look-up costs a few dozen map reads, whatever the
  // size of the vocabulary (a fuzzy search over 6,000 words took tens of milliseconds).
  const file = (index: Map<string, string[]>, key: string, word: string) => {
    const list = index.get(key);
    if (!list) index.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  };
  const deletes = new Map<string, string[]>();
  for (const w of vocabulary.keys())
    if (w.length >= 3 && w.length <= 30 && !/\d/.test(w))
      for (let i = 0; i < w.length; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        file(deletes, d, w);
        if (w.length >= LONG_WORD) for (let j = i; j < d.length; j++) file(deletes, d.slice(0, j) + d.slice(j + 1), w);
      }
  /** Known words by how they sound (Double Metaphone's first code): a few microseconds a word, at build. */
  const bySound = new Map<string, string[]>();
  for (const w of words) file(bySound, doubleMetaphone(w)[0], w);

  /**
   * Whether a word nobody knows still looks like a misspelling the corrector found too far to
   * trust: one edit from an English word, sharing a deletion with a word of the knowledge
   * ("zhhag"), or two letters longer than one ("chinnesse"). A name ("pinduoduo", "meituan") is
   * far from all of them.
   */
  const typoLike = (word: string): boolean => {
    if (deletes.has(word) || nearEnglishWord(word)) return true;
    for (let i = 0; i < word.length; i++) {
      const d = word.slice(0, i) + word.slice(i + 1);
      if (vocabulary.has(d) || deletes.has(d)) return true;
      // A long word may carry two letters too many ("chinnesse").
      if (word.length >= LONG_WORD) for (let j = i; j < d.length; j++) if (vocabulary.has(d.slice(0, j) + d.slice(j + 1))) return true;
    }
    return false;
  };

  /** The known surface word ("" for a stop word) that a misspelt word stands for, or undefined. */
  function correctSurface(word: string): string | undefined {
    // No real word is longer than 30 letters; a run of "xxxx…" is not worth the look-ups.
    if (word.length < 3 || word.length > 30 || /\d/.test(word) || isChineseTerm(word)) return undefined;
    const cached = corrections.get(word);
    if (cached !== undefined) return cached ?? undefined;
    // A real word is what the asker meant: "code" is not a misspelt "come" (see dictionary.ts).
    // Run-together words ("fakegoods") are never real words, so they are still split below.
    const real = isEnglishWord(word);
    // A question word with a letter struck twice ("whoo", "whyy", "hoow"): that word, before any
    // known word one edit away ("woo").
    const single = word.replace(/(.)\1+/g, "$1");
    if (single !== word && INTENT_WORDS.has(single) && !real) {
      corrections.set(word, single);
      return single;
    }
    // Two typos only in long words.
    const candidates = real ? new Set<string>() : knownNear(word, word.length >= LONG_WORD - 1);
    const near = [...candidates].filter((w) => plausibleTypo(word, w, vocabulary.get(w) === ""));
    // Nearest first; between equals, the one with the typed letters swapped ("wnat" is "want",
    // not "what"), then one whose letter was slipped to a key beside it ("loxal" is "local", not
    // "loyal"), then the longer.
    const swapped = (w: string) => (w.length === word.length && sameLetters(w, word) ? 0 : 1);
    const slip = (w: string) => (slipped(word, w) ? 0 : 1);
    let hit = near.sort(
      (a, b) => editDistance(a, word) - editDistance(b, word) || swapped(a) - swapped(b) || slip(a) - slip(b) || b.length - a.length,
    )[0];
    // A letter held down or struck twice more than once ("whhhat", "tiittle", "approxiimately"): the
    // word with each run of one letter shortened, when it is known or one plausible typo from a known word.
    if (hit === undefined && !real && REPEATED_LETTER.test(word)) hit = shortenedRuns(word);
    // Run-together words ("fakegoods", "villagecenters"): two known words of three letters or more.
    if (hit === undefined && word.length >= 6) hit = splitRunTogether(word, real);
    // Or a word spelt as it sounds ("foren", "hedquaters"): the known word it sounds like, when only
    // one does, no shorter (spelling by ear drops silent letters, it does not add them: "bloke" is
    // no "blog") and not far off in letters either.
    if (hit === undefined && word.length >= 4 && !real) hit = soundsLike(word);
    // Failing that, a word that is a clear prefix of a known one ("direct" for "directly").
    if (hit === undefined && word.length >= 5 && !real) hit = words.find((w) => w.length > word.length && w.startsWith(word));
    if (corrections.size > 50_000) corrections.clear();
    corrections.set(word, hit ?? null);
    return hit;
  }

  /**
   * The known words that share a deletion with `word` (a look-up in the symmetric-delete index):
   * candidates within one typo of it, or two when `twoTypos` (the second deletion meets the known
   * word's own). In the order found, which breaks ties when they are ranked.
   */
  function knownNear(word: string, twoTypos: boolean): Set<string> {
    const candidates = new Set<string>(deletes.get(word));
    for (let i = 0; i < word.length; i++) {
      const d = word.slice(0, i) + word.slice(i + 1);
      if (vocabulary.has(d)) candidates.add(d);
      for (const w of deletes.get(d) ?? []) candidates.add(w);
      if (twoTypos) for (let j = i; j < d.length; j++) for (const w of deletes.get(d.slice(0, j) + d.slice(j + 1)) ?? []) candidates.add(w);
    }
    return candidates;
  }

  function shortenedRuns(word: string): string | undefined {
    for (const v of new Set([word.replace(/(.)\1{2,}/g, "$1$1"), word.replace(/(.)\1+/g, "$1")])) {
      if (v === word || v.length < 3) continue;
      if (vocabulary.has(v)) return v;
      // One edit from a known word, no more: "importtax" shortened is no typo for "important".
      const hit = [...knownNear(v, false)].find((w) => editDistance(w, v) === 1 && plausibleTypo(v, w, vocabulary.get(w) === ""));
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  function soundsLike(word: string): string | undefined {
    const near = (bySound.get(doubleMetaphone(word)[0]) ?? []).filter(
      (w) => w[0] === word[0] && w.length >= word.length && editDistance(w, word) <= MAX_SOUND_EDITS,
    );
    return near.length === 1 ? near[0] : undefined;
  }

  /**
   * "fakegoods" → "fake goods" when both halves are words the knowledge uses (or stop words); and
   * "whatsthe" → "whats the", two function words typed together (not a real word: "somewhat"
   * stays), which would otherwise weigh as an unknown word, the likely point of the question.
   */
  function splitRunTogether(word: string, real: boolean): string | undefined {
    const functionWord = (w: string) => STOP_WORDS.has(w) || INTENT_WORDS.has(w);
    for (let i = 3; i <= word.length - 3; i++) {
      const a = word.slice(0, i);
      const b = word.slice(i);
      if ((vocabulary.has(a) || STOP_WORDS.has(a)) && vocabulary.has(b) && (vocabulary.get(a) !== "" || vocabulary.get(b) !== ""))
        return `${a} ${b}`;
      if (!real && functionWord(a) && functionWord(b)) return `${a} ${b}`;
    }
    return undefined;
  }

  /** A word the knowledge uses with a meaning (not a stop word). */
  const knownWord = (w: string) => vocabulary.has(w) && vocabulary.get(w) !== "";
  /**
   * Two words with the space typed a letter off ("cross borde rexpansion", "cros sborder"), neither
   * a word as typed: the two the knowledge knows once the letter moves back.
   */
  const movedSpace = (a: string, b: string): [string, string] | undefined => {
    if (a.length < 3 || b.length < 3 || !/^[a-z]+$/.test(a + b)) return undefined;
    if (knownWord(a) || knownWord(b) || isEnglishWord(a) || isEnglishWord(b)) return undefined;
    // Both words, one of them the knowledge's.
    const words = (x: string, y: string) =>
      (knownWord(x) || knownWord(y)) && (knownWord(x) || isEnglishWord(x)) && (knownWord(y) || isEnglishWord(y));
    if (words(a + b[0], b.slice(1))) return [a + b[0], b.slice(1)];
    if (words(a.slice(0, -1), a.slice(-1) + b)) return [a.slice(0, -1), a.slice(-1) + b];
    return undefined;
  };
  /**
   * "face book" → "facebook", "e-mail" → "email", "road map" → "roadmap": two typed words that the
   * knowledge writes as one (its possessive too: "ali babas", not "in chess"), unless both halves are
   * words it already knows on their own. So are
   * two whose second half is misspelt ("first-teir" → the knowledge's "firsttier"), when the pair
   * corrects to one of its words that begins with the first half as typed (a few tries a question).
   * Failing those, a space typed a letter off is put back (`movedSpace`), or two words heard in a name
   * are joined by sound (`joinedBySound`).
   */
  function rejoin(typed: readonly string[]): string | undefined {
    let joined = false;
    let tries = CORRECTION_BUDGET;
    /** The knowledge's word for a known word and a misspelt one typed apart, if it begins with the first. */
    const correctedPair = (a: string, b: string): string | undefined => {
      if (!/^[a-z]{3,}$/.test(b) || !knownWord(a) || vocabulary.has(b) || stems.has(stem(b)) || tries-- <= 0) return undefined;
      const word = correctSurface(a + b);
      return word && knownWord(word) && word.startsWith(a) && word.length > a.length + 2 ? word : undefined;
    };
    /**
     * Two words that voice typing heard in a name the knowledge writes as one ("alley baba", "bay
     * jing", "hung joe"): together they sound as that one word does (Double Metaphone), begin with its
     * letter, and are at most half its length of edits away; the word is a name, no English word ("pre
     * sino" is no "person"). Not two words the knowledge knows, nor a function word (whose short
     * sounds match too much), nor a sound shared by two of its words; a few tries a question.
     */
    let soundTries = CORRECTION_BUDGET;
    const joinedBySound = (a: string, b: string): [string] | undefined => {
      if (a.length < 2 || b.length < 2 || !/^[a-z]+$/.test(a + b) || knownWord(a) || knownWord(b)) return undefined;
      if ([a, b].some((w) => STOP_WORDS.has(w) || INTENT_WORDS.has(w)) || soundTries-- <= 0) return undefined;
      const joined = a + b;
      const code = doubleMetaphone(joined)[0];
      if (code.length < 3) return undefined;
      const near = (bySound.get(code) ?? []).filter(
        (w) =>
          w[0] === joined[0] && knownWord(w) && !isEnglishWord(w) && w.length >= 5 && editDistance(w, joined) <= Math.ceil(w.length / 2),
      );
      return near.length === 1 ? [near[0] as string] : undefined;
    };
    const out: string[] = [];
    for (let i = 0; i < typed.length; i++) {
      const a = typed[i] as string;
      const b = typed[i + 1];
      const word =
        b === undefined
          ? undefined
          : a.length + b.length >= 5 &&
              (knownWord(a + b) || (b.endsWith("s") && !isEnglishWord(b) && knownWord(a + b.slice(0, -1)))) &&
              (!(knownWord(a) && knownWord(b)) || (a.length >= 3 && b.length >= 3 && a.length + b.length >= LONG_JOIN))
            ? a + b
            : correctedPair(a, b);
      const moved = word || b === undefined ? undefined : (movedSpace(a, b) ?? joinedBySound(a, b));
      if (word) {
        out.push(word);
        joined = true;
        i++;
      } else if (moved) {
        out.push(...moved);
        joined = true;
        i++;
      } else out.push(a);
    }
    return joined ? out.join(" ") : undefined;
  }

  /**
   * Rejoins split words and corrects misspelt ones, then normalises again so that phrases and
   * synonyms apply to the corrected words ("head qaurters" → "head quarters" → headquarters).
   * Also returns, for each typed token that was corrected, the tokens it stands for: the
   * classifier reads tokens too, and a misspelt one ("vilage") is a feature it never saw.
   */
  function correctTerms(normalised: Normalised): {
    terms: string[];
    fixedTokens: Map<string, string[]>;
    madeUp: number;
    farWords: string[];
    read: number;
    known: number;
    foreign: number;
  } {
    const fixedTokens = new Map<string, string[]>();
    let madeUp = 0;
    const farWords: string[] = [];
    let read = 0;
    let known = 0;
    let foreignMadeUp = 0;
    const rejoined = rejoin(normalised.typed);
    const source = rejoined === undefined ? normalised : normalise(rejoined, prepare);
    let changed = false;
    // A fixed budget per question: a 1,000-character message of made-up words costs no more
    // than a few corrections (each a handful of map look-ups, or one Fuse search for long words).
    let budget = CORRECTION_BUDGET;
    const fixed = source.words.map((w) => {
      const word = /^[a-z]{3,}$/.test(w);
      // A word in a script the engine does not read (Cyrillic, Hangul, Greek…) is made up to it.
      const foreign = !word && /[^\p{Script=Latin}\p{N}]/u.test(w);
      if (word || foreign) read++;
      if (vocabulary.has(w) || stems.has(stem(w)) || INTENT_WORDS.has(w)) {
        if (knownWord(w) && !INTENT_WORDS.has(w)) known++;
        return w;
      }
      if (!corrections.has(w) && budget-- <= 0) return w;
      const hit = correctSurface(w);
      if (hit === undefined || hit === w) {
        // Neither the knowledge's word, nor a misspelling of one, nor an English word: made up.
        if (foreign || (word && !isEnglishWord(w))) madeUp++;
        // A word no one misspelt: an English word, or one far from every known word (a name).
        if (word && (isEnglishWord(w) || !typoLike(w))) farWords.push(w);
        if (foreign) foreignMadeUp++;
        return w;
      }
      changed = true;
      if (hit) known++;
      fixedTokens.set(stem(w), hit.split(" ").map(stem));
      return hit;
    });
    if (!changed && rejoined === undefined)
      return { terms: normalised.terms, fixedTokens, madeUp, farWords, read, known, foreign: foreignMadeUp };
    const again = changed ? normalise(fixed.filter(Boolean).join(" "), prepare) : source;
    return {
      terms: [...again.terms, ...normalised.terms.filter(isChineseTerm)],
      fixedTokens,
      madeUp,
      farWords,
      read,
      known,
      foreign: foreignMadeUp,
    };
  }

  /** `standalone: false` for follow-ups, where one word ("who leads it?", "the third?") is normal. */
  function match(question: string | Normalised, limit = 5, standalone = true): MatchResult {
    const normalised = typeof question === "string" ? normalise(question, prepare) : question;
    const { terms, fixedTokens, madeUp, farWords, read, known, foreign } = correctTerms(normalised);
    // Of those, the ones no English speaker or labelled asker used: names the knowledge never gives.
    const madeUpWords = farWords.filter((w) => !isEnglishWord(w) && !askersWords.has(w));
    // Half or more of the words made up ("ssybblg map fvyj fph"): a keyboard mash, not a question,
    // unless as many of them are the knowledge's own words and none is in a script the engine does
    // not read: a ticker beside a known word ("xyz warranty") is a question with a word the engine
    // does not know; "item ॼ" is not. In a Chinese question the Chinese words carry it (and have a
    // test of their own, in decide): its Latin scraps ("der", "leh") never make it a mash.
    const mash = madeUp > 0 && madeUp * 2 >= read && (foreign > 0 || (madeUp > known && !normalised.chinese));
    const tokens = fixedTokens.size ? normalised.tokens.flatMap((t) => fixedTokens.get(t) ?? [t]) : normalised.tokens;
    // No question has more than a few dozen words that matter: past MAX_TERMS a message is prose,
    // and its cost must not grow with its length.
    const unique = [...new Set(terms)].slice(0, MAX_TERMS);
    // Each term's weight once per question: the loops below read it thousands of times.
    const unknownWords = unique.some((t) => !df.has(t) && !INTENT_WORDS.has(t) && !isChineseTerm(t) && !/\d/.test(t));
    // Only in a sentence shaped like a question: in a string of unrelated words ("keeping melt
    // startled") the tagger's verbs are guesses, and nothing pads a question there.
    const asking = normalised.typed.some((w) => QUESTION_CUES.has(w));
    const light = unknownWords && asking && !normalised.chinese ? lightStems(normalised.typed) : undefined;
    const weights = new Map(unique.map((t) => [t, weight(t, normalised.names, light)]));
    // Whether a Chinese question with names holds a word the knowledge never uses, beside them (read
    // once: a word no fact knows is in no fact's bag).
    const nameParts = normalised.chineseNameParts;
    const unknownBesideNames = nameParts !== undefined && unique.some((t) => isChineseTerm(t) && !nameParts.has(t) && !df.has(t));
    // …and whether a Chinese question holds a whole word no fact knows (not a pair of characters).
    const unknownWord = normalised.chinese && unique.some((t) => isChineseTerm(t) && !t.includes("_") && !df.has(t));
    const w = (t: string) => weights.get(t) ?? 0;
    const total = unique.reduce((s, t) => s + w(t), 0);
    // A question of function words only ("i don't know", "what was that?") has nothing for the
    // index; the classifier, which reads every word as typed, may still know it.
    if ((!unique.length || total === 0) && !(classifier && normalised.tokens.length))
      return { normalised, terms: unique, ranked: [], refusal: 0, mash, madeUpWords, farWords };
    // In words that are not a question ("bold item", "spoiler link"), a word the knowledge never uses
    // is no second word: one known word among unknown ones is a lone word. A question ("where is the
    // item from?") and a Chinese one count every word.
    // A letter on its own ("x" in `code`, "q") is no content word, whatever else the message holds.
    const contentTerms = unique.filter(
      (t) => !INTENT_WORDS.has(t) && !/^[a-z]$/.test(t) && (asking || normalised.chinese || df.has(t)),
    ).length;

    // Best phrasing per fact: weighted Jaccard between the question and one way of asking.
    const best = new Map<number, number>();
    /**
     * Scores the listed phrasings: each fact's nearest one (weighted Jaccard) goes into `best`, for
     * the `keep` facts whose nearest phrasings are closest.
     */
    const score = (indexes: ArrayLike<number>, count: number, keep = Number.POSITIVE_INFINITY) => {
      for (const t of unique) {
        const id = termIds.get(t);
        if (id !== undefined) questionWeights[id] = w(t);
      }
      let reached = 0;
      for (let n = 0; n < count; n++) {
        const i = indexes[n] as number;
        let inter = 0;
        const end = termStart[i + 1] as number;
        for (let k = termStart[i] as number; k < end; k++) inter += questionWeights[termOf[k] as number] as number;
        const union = total + (phraseTotal[i] as number) - inter;
        const sim = (inter / union) * (scaleOf[i] as number);
        const f = factOf[i] as number;
        if (sim > (nearest[f] as number)) {
          if (nearest[f] === 0) reachedIds[reached++] = f;
          nearest[f] = sim;
        }
      }
      for (const t of unique) {
        const id = termIds.get(t);
        if (id !== undefined) questionWeights[id] = 0;
      }
      // The keep-th closest similarity (a numeric sort of a typed array: no comparator, no pairs).
      let cut = 0;
      if (reached > keep) {
        for (let r = 0; r < reached; r++) reachedSims[r] = nearest[reachedIds[r] as number] as number;
        cut = reachedSims.subarray(0, reached).sort()[reached - keep] as number;
      }
      const put = (f: number) => best.set(f, Math.max(best.get(f) ?? 0, nearest[f] as number));
      for (let r = 0; r < reached; r++) {
        const f = reachedIds[r] as number;
        if ((nearest[f] as number) > cut) put(f);
      }
      // Ties at the cut, in the order they were reached, while there is room.
      for (let r = 0; r < reached; r++) {
        const f = reachedIds[r] as number;
        if (nearest[f] === cut && best.size < keep) put(f);
        nearest[f] = 0;
      }
    };
    const probs = classifier?.predict(unique, tokens.slice(0, 2 * MAX_TERMS), normalised.typed.slice(0, 2 * MAX_TERMS));
    if (probs) {
      // The classifier ranks; phrasings are compared only for its likeliest facts, where the
      // nearest phrasing is evidence (a one-word question must nearly be one of them).
      const top = likeliest(probs, docs.length, limit);
      for (const f of top) best.set(f, 0);
      let count = 0;
      for (const f of top.slice(0, PHRASED_FACTS)) for (const i of phrasingsOf[f] ?? []) phrasedIds[count++] = i;
      score(phrasedIds, count);
    } else {
      // Candidates come from the rarer terms first; a term shared by thousands of phrasings (or a
      // question word) still counts in every score but does not pull in candidates once rarer
      // terms have, which keeps a 10,000-fact file fast.
      let candidates = 0;
      const byRarity = unique
        .filter((t) => postings.has(t))
        .sort((a, b) => (postings.get(a)?.length ?? 0) - (postings.get(b)?.length ?? 0));
      for (const t of byRarity) {
        const list = postings.get(t) as number[];
        // A question word or a word in thousands of phrasings never brings in candidates, even
        // first: "what does confrontation mean" must not score every phrasing with "what".
        if (INTENT_WORDS.has(t)) continue;
        if (list.length > MAX_POSTINGS || candidates >= MAX_CANDIDATES) break;
        for (const i of list) {
          if (taken[i]) continue;
          taken[i] = 1;
          candidateIds[candidates++] = i;
        }
      }
      for (let n = 0; n < candidates; n++) taken[candidateIds[n] as number] = 0;
      score(candidateIds, candidates, MAX_READ_FACTS);
    }

    const ranked: Scored[] = [];
    for (const [factIndex, phraseSim] of best) {
      const bag = factBags[factIndex] as Map<string, number>;
      let covered = 0;
      let heaviestMatched = 0;
      let heaviestMissed = 0;
      let specific = 0;
      let matchedAny = false;
      let matchedOnlyNames = true;
      // What the fact explains of the question besides generic words: a whole word, or two pairs of
      // characters (a name the segmenter splits, 王明 as wang_ming; one pair may straddle two words).
      let contentWords = 0;
      let contentPairs = 0;
      for (const t of unique) {
        const inBag = bag.get(t) ?? (subjectAliases.has(t) ? 1 : undefined);
        if (inBag) {
          covered += w(t) * inBag;
          heaviestMatched = Math.max(heaviestMatched, isSyllable(t) ? SYLLABLE_EVIDENCE * w(t) : w(t));
          if (!INTENT_WORDS.has(t)) {
            matchedAny = true;
            if (!nameParts?.has(t)) matchedOnlyNames = false;
            if (!GENERIC_ZH.has(t)) t.includes("_") ? contentPairs++ : contentWords++;
          }
        } else {
          heaviestMissed = Math.max(heaviestMissed, w(t));
          // A name the asker capitalised, or a number, that this fact never mentions; a Chinese name
          // (written without capitals, found by its part of speech) when the knowledge never does.
          if ((normalised.names.has(t) && !(isChineseTerm(t) && df.has(t))) || /\d/.test(t)) specific++;
        }
      }
      // A Chinese question this fact matches by place and firm names alone, with words the
      // knowledge never uses ("成都有什么好吃的", "日本的首都是哪里"): the names set the scene and
      // the unknown words are what it asks. Unknown Chinese words weigh little (segmentation makes
      // spurious ones), so this counts as names the fact does not mention would.
      if (nameParts && unknownBesideNames && matchedAny && matchedOnlyNames) specific += NAMES_ONLY;
      else if (unknownWord && contentWords === 0 && contentPairs < 2) specific += NAMES_ONLY;
      const coverage = total > 0 ? covered / total : 1;
      // A one-word question ("channel") must be a curated phrasing of its own, nearly: a word that
      // merely appears in a fact's phrasings says too little to answer with it.
      const loneWord =
        standalone &&
        ((contentTerms === 1 && phraseSim < 0.75) ||
          (contentTerms === 0 && !bareWordings.get(normalised.tokens.join(" "))?.includes(factIndex)));
      const score = (0.6 * coverage + 0.4 * phraseSim) * (loneWord ? SINGLE_WORD_PENALTY : 1);
      // The question's most specific word is not explained by this fact: "the CFO's salary"
      // matches his name, but the point of the question is the salary.
      const index = heaviestMissed >= heaviestMatched ? score * MISSING_PENALTY : score;
      ranked.push({
        factIndex,
        score: probs ? (probs[factIndex] as number) : index,
        // Filled in below for the facts returned: most of those scored are not.
        matched: [],
        index,
        coverage,
        missed: heaviestMissed / (heaviestMatched || 1e-9),
        specific,
        loneWord,
      });
    }
    let refusal = probs && probs.length > docs.length ? (probs[docs.length] as number) : 0;
    // A question that is nearly one of a fact's own phrasings, every word of it explained, is that
    // fact's, whatever the curated refusals share with it ("what does the new hire do at the firm?"
    // against the refusal "what did the new hire do at his old firm?"): the refusals' share goes
    // back to the facts.
    const own = (r: Scored) => r.coverage >= 1 - 1e-9 && (best.get(r.factIndex) ?? 0) >= OWN_PHRASING;
    if (refusal > 0) for (const r of ranked) if (own(r)) r.score /= 1 - refusal;
    ranked.sort((a, b) => b.score - a.score || a.factIndex - b.factIndex);
    if (refusal > 0 && ranked[0] && own(ranked[0])) refusal = 0;
    const returned = ranked.slice(0, limit);
    for (const r of returned) {
      const bag = factBags[r.factIndex] as Map<string, number>;
      r.matched = unique.filter((t) => Boolean(bag.get(t)));
    }
    return { normalised, terms: unique, ranked: returned, refusal, mash, madeUpWords, farWords };
  }

  return { match, weight, vocabularySize: vocabulary.size };
}

export type Matcher = ReturnType<typeof createMatcher>;

/**
 * The `limit` likeliest of the first `facts` classes, likeliest first, ties in index order (as a
 * stable sort of them all would give, without sorting them all).
 */
function likeliest(probs: Float32Array, facts: number, limit: number): number[] {
  const top: number[] = [];
  for (let f = 0; f < facts; f++) {
    const p = probs[f] as number;
    if (top.length >= limit && p <= (probs[top[top.length - 1] as number] as number)) continue;
    let at = top.length;
    while (at > 0 && (probs[top[at - 1] as number] as number) < p) at--;
    top.splice(at, 0, f);
    if (top.length > limit) top.pop();
  }
  return top;
}

/**
 * Whether `typed` is plausibly a misspelling of `known`: one edit for short words, two from seven
 * letters, the first letter kept (people rarely miss it: "airport" is not "import"), and for short
 * words and short stop words only a swap of letters ("abotu"), so that "light" is not "might".
 */
export function plausibleTypo(typed: string, known: string, knownIsStopWord = false): boolean {
  // Short words and short stop words only by swapped letters or a doubled one ("theiir", "stuf"):
  // any other edit turns "div" into "dig".
  if ((knownIsStopWord && known.length < 7) || typed.length <= 3)
    return (
      (typed.length === known.length && sameLetters(typed, known) && editDistance(typed, known) === 1) ||
      doubled(typed, known) ||
      (typed.length === 3 && !knownIsStopWord && droppedVowel(typed, known))
    );
  const firstKept = typed[0] === known[0] || (typed[0] === known[1] && typed[1] === known[0]);
  const allowed = Math.min(typed.length, known.length) >= LONG_WORD ? 2 : 1;
  return firstKept && Math.abs(typed.length - known.length) <= allowed && editDistance(typed, known) <= allowed;
}

/** Each letter's row and column on a QWERTY keyboard (rows staggered half a key to the right). */
const KEYS = new Map(["qwertyuiop", "asdfghjkl", "zxcvbnm"].flatMap((row, r) => [...row].map((k, c) => [k, [r, c]] as const)));

/** Whether `typed` is `known` with one letter struck on a key beside it ("loxal" for "local"). */
function slipped(typed: string, known: string): boolean {
  if (typed.length !== known.length) return false;
  let at = -1;
  for (let i = 0; i < typed.length; i++)
    if (typed[i] !== known[i])
      if (at < 0) at = i;
      else return false;
  const a = KEYS.get(typed[at] as string);
  const b = KEYS.get(known[at] as string);
  if (!a || !b) return false;
  const [dr, dc] = [b[0] - a[0], b[1] - a[1]];
  // Beside on its row, or above or below (the row below sits half a key to the right).
  return (dr === 0 && Math.abs(dc) === 1) || (dr === 1 && (dc === 0 || dc === -1)) || (dr === -1 && (dc === 0 || dc === 1));
}

/** One letter typed two or more times in a row. */
const REPEATED_LETTER = /(.)\1/;

const sameLetters = (a: string, b: string) => [...a].sort().join("") === [...b].sort().join("");

/**
 * Three consonants typed for a four-letter word with its vowel left out ("pln", "tch"), the way
 * people text: the letters kept, in order, are all consonants, so "div" is still not "dig".
 */
function droppedVowel(typed: string, known: string): boolean {
  if (known.length !== typed.length + 1 || /[aeiouy]/.test(typed)) return false;
  for (let i = 0; i < known.length; i++)
    if (/[aeiou]/.test(known[i] as string) && known.slice(0, i) + known.slice(i + 1) === typed) return true;
  return false;
}

/** Whether `typed` is `known` with one of its letters typed twice, or a double letter typed once ("stuf"). */
function doubled(typed: string, known: string): boolean {
  const [long, short] = typed.length > known.length ? [typed, known] : [known, typed];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i + 1 < long.length; i++) if (long[i] === long[i + 1] && long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n] as number;
}
