import { createRequire } from "node:module";
import { isEnglishWord } from "./dictionary.js";
import { stem } from "./normalise.js";

/**
 * Which words of an English question are not content: verbs, adverbs, interjections
 * and function words, by wink-nlp's part-of-speech tagger (its English "lite" model, in context).
 *
 * A word the knowledge never uses counts against answering: it is most likely what the question
 * is really about ("Singapore", "age", "2020", "popular"). That holds for nouns, adjectives, names and numbers. It holds
 * much less for "usually", "roughly", "intends", "reckons": how people word and pad a
 * question, not what they ask. The matcher weighs such unknown words lightly.
 */

/**
 * Tags whose words are content: nouns, names, numbers, and what the tagger could not place. A word
 * that is no English word is content whatever its tag: the tagger reads "Kering" (a company) as a
 * verb for its -ing, most of all in a question typed in lower case or capitals.
 */
const CONTENT = new Set(["NOUN", "PROPN", "NUM", "ADJ", "X", "SYM", "PUNCT", "SPACE"]);

/** Past this many characters a message is prose, and is not tagged (a few tenths of a millisecond per 1,000). */
const MAX_TAGGED = 400;

interface Tagger {
  readDoc(text: string): { tokens(): { out(what?: unknown): string[] } };
  its: { pos: unknown };
}
let tagger: Tagger | undefined;

/** Loads the tagger (about 150 ms, once per process); the engine calls it at build time. */
export function loadTagger(): void {
  if (tagger) return;
  const require = createRequire(import.meta.url);
  const winkNLP = require("wink-nlp") as (model: unknown, pipe: string[]) => Tagger;
  tagger = winkNLP(require("wink-eng-lite-web-model"), ["pos"]);
}

/** The stems of the words of `words` (lower-case, as typed) that the tagger reads as not content. */
export function lightStems(words: readonly string[]): Set<string> {
  const light = new Set<string>();
  const text = words.join(" ");
  if (!words.length || text.length > MAX_TAGGED) return light;
  loadTagger();
  const tokens = (tagger as Tagger).readDoc(text).tokens();
  const surface = tokens.out();
  const tags = tokens.out((tagger as Tagger).its.pos);
  const content = new Set<string>();
  surface.forEach((w, i) => {
    const word = w.toLowerCase();
    (CONTENT.has(tags[i] as string) || !isEnglishWord(word) ? content : light).add(stem(word));
  });
  // A word used once as a noun ("the approach") is content wherever else it appears.
  for (const s of content) light.delete(s);
  return light;
}
