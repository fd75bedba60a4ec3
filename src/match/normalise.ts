import { stemmer } from "stemmer";
import { chineseTerms, readChinese, withArabicNumerals, withMixedScriptWords, ZH_NOW, ZH_QUESTION_WORD } from "./chinese.js";
import { isEnglishWord } from "./dictionary.js";
import { SHORTHAND } from "./shorthand.js";
import { PHRASES, WORDS } from "./synonyms.js";

/** Words that carry no meaning for matching. Question words are kept (see INTENT_WORDS). */
export const STOP_WORDS = new Set(
  (
    "a an the is are am was were be been being do does did doing done have has had having i me my mine we us our " +
    "you your yours it its itself they them their theirs he him his she her this that these those of to in on at by for " +
    "with about from into onto as and or but so if then than there here can could would should will shall may might must " +
    "please pls plz tell know want wanna gonna like hey hi hello yo bot roadmap-bot quick q question questions just also " +
    "any some anything something thing things really actually kind sort info information explain describe clarify say said says " +
    "give gave get got let lets make made going go goes not no yes ok okay thanks thank well very more most up out " +
    "over under such s t d ll re ve m own same other another all each both few only again once further whats whos wheres hows " +
    "mean means talk talking regarding re: exactly guys folks everyone anyone someone one's curious wondering wonder confused confusing puzzled among amongst alongside cmere " +
    "me about able list listed mention mentioned mentions stuff find kinds types type part lot lots bit " +
    "guess basically currently plz thx ty maybe probably piece story deal whole anyway though lemme " +
    "new main back known current today nowadays presently latest recently still actually quote quotes quoted worried worry matter too cant thered theres therell talked tells told wat r u ur ya thru w abt bc cuz tho btw imo smth sth pls im ive id dont doesnt didnt isnt arent " +
    "kindly guy guys dude etc lol hmm um uh gotta kinda sorta yet again also instead insted po " +
    "happening happen exist exists according supposed seems seem think thinks reckon reckons reckoned look looking mr mrs ms grateful specifically stated side sides " +
    // Chat fillers that say how the asker feels, not what they ask ("is it deadass true or nah, fr").
    "tbh ngl fr frfr lowkey highkey deadass idk nah ong smh fwiw imho istg bruh " +
    // Words for the people asked ("bro", "mate", "fam", "sir", South Asia's "sir ji") and vague
    // places ("mentions it somewhere"). Ghana's "chale" (mate) among them: typo correction had read
    // it as "chase".
    "bro bruv fam mate sis chur chale sir sirs maam madam ji somewhere somehow anywhere " +
    // …Indonesian and Malay's "Pak" / "Bu" (Bapak, Ibu: sir, madam), "Pak/Bu, can you explain…".
    "pak bu bapak ibu " +
    // Nigerian Pidgin's particles and fillers ("wetin dem dey plan", "abeg", "na so", "e don do"):
    // the grammar between its content words, which are English.
    "dey abeg wan na sef oga una dem don wey " +
    // Hinglish particles around an English question ("global imports wala point, kya scene hai?",
    // "yaar", "bhai"): "wala" ties a noun to what follows, "kya … hai" frames "what".
    "yaar yar bhai wala wale wali waala hai hain scene " +
    // Kenyan English's Swahili and Sheng greetings and particles ("Poa poa. Kwani how will…?", "sasa
    // wasee", "asante"): the words around an English question.
    "kwani sasa poa ama sawa asante wasee " +
    // Jamaican Patois's ("wah gwaan", "weh di plan fi di city dem", "mi seh", "inna"), likewise.
    "pon di mi fi seh nuh inna deh yuh unu gwaan wah weh ting " +
    // Irish and Scots English's "craic" (the news: "what's the craic with the rural plan?") and "yer"
    // ("yer man Lee", that man): how the asker talks, not what they ask.
    "craic yer " +
    // Spanglish's articles and fillers ("el campo", "las grandes", "oye", "pues", "¿verdad?", "ahora
    // mismo"). Not "la" or "los", which name Los Angeles as often.
    "el las del oye pues verdad mismo wepa " +
    // Israeli English's Hebrew fillers ("yalla", "achi", "tachles": come on, bro, bottom line).
    "yalla achi tachles sababa " +
    // Taglish particles ("ano plano ng company ngayon?", "pa-help naman", "diba?").
    "naman ng ang sa mga ba lang kasi diba yung nga talaga sana pa " +
    // …and its pronouns, linkers and fillers ("sino sumulat nung piece na to", "salamat po").
    "nila nilang niya niyang nito nun nung yun iyon eh pala rin daw ko mo natin namin nyo kanila kanya sila siya " +
    "kami tayo ito dito doon para pero kung meron mayroon nang si ni ay buong salamat grabe hehe tanong"
  ).split(/\s+/),
);

/** "crackin", "doin": a word typed without its final g, when only the word with it is English. */
const withoutDroppedG = (word: string): string | undefined =>
  word.length >= 4 && word.endsWith("in") && !isEnglishWord(word) && isEnglishWord(`${word}g`) ? `${word}g` : undefined;

/**
 * An English verb with Tagalog's "in" in it, as Taglish conjugates ("ininvest", "dinescribe",
 * "pinromise"): the verb, when only it is English.
 */
const withoutTagalogInfix = (word: string): string | undefined => {
  if (word.length < 6 || isEnglishWord(word)) return undefined;
  const verb = word.startsWith("in") ? word.slice(2) : word.slice(1, 3) === "in" ? word[0] + word.slice(3) : undefined;
  return verb && verb.length >= 4 && isEnglishWord(verb) ? verb : undefined;
};

/**
 * Question words: kept as tokens (they separate "where is the HQ?" from "why a Paris HQ?") but weigh
 * little. "overview" (what "summarise", "tl;dr", "big picture" become) asks for a kind of answer
 * too: "summarise the big cities part" is about the cities.
 */
export const INTENT_WORDS = new Set(["who", "what", "where", "when", "why", "how", "which", "many", "much", "overview"]);

/** Words that ask about the present; the answer is framed as of the article. */
const NOW_PATTERN =
  /\b(now|currently|current|today|nowadays|these days|at present|at the present time|at this (?:point|moment) in time|as things stand|presently|(?:at|in|for) (?:the|this) moment|right now|as of now|still|anymore|any more|latest|recently|ahora(?: mismo)?|ahorita)\b/;

/** British and Irish "at the minute" (and "for the minute"): now. */
const AT_THE_MINUTE = /\b(?:at|for) (?:the|this) minute\b/gi;
/** "hwo" before what "how" asks: "how" (both "how" and "who" are one swap away). */
const TYPED_HOW = /\bhwo(?=\s+(?:much|many|long|far|big|old|often|soon|do|does|did|can|could|will|would|should|to|come|exactly)\b)/gi;

/**
 * French "qualifier" (to call something by a name), as French-shaped English asks it: "with which
 * expression the text qualifies Acme?" describes it; not "qualifies for / to / as", which are English.
 */
const QUALIFIES = /\bqualif(?:y|ies|ied)(?=\s+(?!(?:for|to|as|in|by)\b)[a-z])/gi;
/**
 * "how does the article put it?": how the source words it, what "describe" asks (a Winnipeg writer
 * of round 128); not "who put it out", nor "where did they put it".
 */
const PUTS_IT =
  /\bhow\s+(?:does|did|do|would|could)\s+(?:the|this|that|your)\s+(?:article|piece|story|text|report|post|author|writer)\s+put\s+it\b/gi;

/** A number and the noun that only says it is one: "the 500 million figure", "that 20 stat". */
const NUMBER_NOUN = /(?<![\d,.])(\d[\d,.]*(?:\s*(?:million|billion|thousand|mn|bn|m|k))?)\s+(?:figures?|numbers?|stats?|statistics?)\b/gi;
/**
 * A thing's place in a numbered list: "phase number 2" is "phase 2" (as "#2" is). Not
 * after a determiner or a preposition: "the number 2 man", "set it on number 4" name a rank or a
 * setting, and "number" before a count ("the number of stores") is untouched (no digit follows).
 */
const NUMBERED =
  /\b(?!(?:the|a|an|my|your|our|their|his|her|its|this|that|what|which|on|at|to|in|of|for|is|was|are|and|or|with|by|from)\b)(\p{L}+)\s+(?:number|num)\s+(?=[1-9](?![\d,.]*\d))/giu;
/** At a question's end only: "refer to me as Dee" names, it does not ask. */
const REFERS_TO = /\b(?:refers?|referring)\s+to(?=\W*$)/i;

/** Chinese characters: the Han script, the rarer planes included (random Unicode is mostly those). */
const CJK = /\p{Script=Han}/u;
const CJK_RUN = /\p{Script=Han}+/gu;

/** Whether a text holds a Chinese character. */
export const hasChinese = (text: string): boolean => CJK.test(text);

/**
 * Chinese text is segmented in slices of this many characters: ICU's word segmenter takes
 * quadratic time on one long run (100,000 characters: 50-100 s), and a word cut at a slice's edge
 * costs a single term of a run far longer than any question.
 */
const CJK_SLICE = 200;
/**
 * Chinese characters of one text that become terms; the rest of a longer text is not read. One
 * slice: the matcher keeps a question's first 40 different terms, and 100 characters of Chinese
 * already give about 60, so reading further only cost time (a 1,000-character message took 3–4 ms
 * to read whole; 400 characters gave the same answers on every set, and so do 200).
 */
const MAX_CJK_CHARS = 200;

const phraseList = Object.keys(PHRASES).sort((a, b) => b.length - a.length);
/** Text made safe to match literally inside a regular expression. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const PHRASE_RE = new RegExp(`\\b(${phraseList.map(escapeRegExp).join("|")})\\b`, "g");
const SILENT_RE = new RegExp(
  `\\b(?:${phraseList
    .filter((p) => PHRASES[p] === "")
    .map(escapeRegExp)
    .join("|")})\\b`,
  "gi",
);
/** Chinese "at the time" (当时, 那时候), as of the source, and hedges (我记得, 听说), which say where the asker stands. */
const ZH_THEN = /当时|當時|那个时候|那個時候|那时候|那時候|那会儿|那會兒|我记得|我記得|我听说|我聽說|听说|聽說|据说|據說/g;
/**
 * 有没有 before a verb of saying ("文章有没有讲到假货问题", did the article mention the fakes): it asks
 * whether, but ICU reads it as 有 and 没有 ("not"), and the classifier learns 没有 from the
 * phrasings that have it.
 */
const ZH_WHETHER_SAID = /(?:有没有|有沒有|有冇|有无|有無)(?=讲|講|提|说|說|谈|談|写|寫|交代|披露|透露)/g;
/**
 * The text without the phrases that weigh nothing ("at the time", "kindly share"): the classifier
 * still reads their words as typed, so a question is also worth reading without them.
 */
export const withoutSilentPhrases = (text: string): string =>
  text.replace(SILENT_RE, " ").replace(ZH_THEN, "").replace(ZH_WHETHER_SAID, "");

/**
 * The word tables as maps: read for every word of every question, and own entries only. A user
 * types "constructor" and "__proto__" too, and a plain object's inherited keys had crashed the
 * engine.
 */
const SHORTHAND_OF = new Map(Object.entries(SHORTHAND));
const PHRASE_OF = new Map(Object.entries(PHRASES));
const WORD_OF = new Map(Object.entries(WORDS));

/** The result of normalising a question. */
export interface Normalised {
  /** Matching terms: stemmed English words (synonyms applied) and Chinese words and character bigrams. */
  terms: string[];
  /** The surface words before stemming (English only), for typo correction. */
  words: string[];
  /** Every English word as typed, stop words included, in order: for rejoining split words ("ali baba"). */
  typed: string[];
  /**
   * Every word as typed (stemmed, shorthand expanded, stop and "now" words kept), for the
   * classifier: "what is my" and "how many" tell intents apart even though they never decide.
   */
  tokens: string[];
  /** True when the question asks about "now" (answers are framed as of the article). */
  asksAboutNow: boolean;
  /** True when the question is mostly Chinese. */
  chinese: boolean;
  /** How many Chinese characters the question holds, as typed (names not yet read as names). */
  cjkChars: number;
  /**
   * The share of the Chinese characters read that are in words jieba's dictionary knows (1 with
   * none): about 0.4 at the median for random strings of Chinese characters, 0.8 or more for every
   * labelled question that holds Chinese.
   */
  chineseKnown: number;
  /** Terms the asker wrote as names (capitalised mid-sentence, short ALL-CAPS words, Chinese proper nouns). */
  names: Set<string>;
  /** A Chinese question's proper nouns as terms, with their syllable pairs (zh:chengdu, zh:cheng_du). */
  chineseNameParts?: Set<string>;
}

/** A Latin, Greek or Cyrillic letter still followed by a combining mark after composition (NFKC). */
const STACKED_MARK = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}/u;

/**
 * Whether a message holds a word at all: two letters or more in a row, or two Chinese characters.
 * "$", "3喩", "o" and zalgo text hold none, and a symbol or a digit alone is never a question.
 */
export function hasWords(input: string): boolean {
  return input
    .normalize("NFKC")
    .split(/\s+/)
    .some((word) => !STACKED_MARK.test(word) && /\p{L}{2}/u.test(word.replace(CJK_RUN, (run) => (run.length > 1 ? "字字" : " "))));
}

/** Case, Unicode (NFKC, curly quotes, full-width forms), numbers and punctuation, before tokenising. */
export function cleanText(input: string): string {
  return (
    input
      .normalize("NFKC")
      // A word of Latin, Greek or Cyrillic letters with marks stacked on them that no composed
      // letter has is zalgo text: noise, unreadable by design, so it never counts as the word under it.
      .replace(/\S+/g, (word) => (STACKED_MARK.test(word) ? " " : word))
      // Other combining marks (accents typed separately, Devanagari vowel signs) carry no meaning here.
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .normalize("NFC")
      // An amount in US dollars ("a billion US", "US dollars"): the currency, not the country.
      .replace(/(?<=(?:\d|\b(?:million|billion|trillion|thousand|bn|mn))\s*)US\b(?![\p{L}\p{N}$])(?:\s+dollars?\b)?/gu, "dollars")
      .replace(/\bU\.?S\.?\s+(?=dollars?\b)/gi, "")
      // "the US", "the U.S.": a country, not the pronoun "us" lower case would make it (a message
      // all in capitals says nothing by its case; "US$" is the currency, read below).
      .replace(/\bU\.?S\.?(?:A\b\.?)?(?![\p{L}\p{N}]|\s*\$)/gu, (us) => (input === input.toUpperCase() ? us : "USA"))
      // …and so is "us" in lower case after an article ("is there a us office too?", "in the us"),
      // where the pronoun never stands.
      .replace(/\b([Aa]n?|[Tt]he)\s+us\b(?![\p{L}\p{N}'’]|\s*\$)/gu, "$1 USA")
      .toLowerCase()
      // Lone surrogates and control characters carry nothing and can break regexes or terminals.
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, " ")
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, " ")
      .replace(/[\u2018\u2019\u201b\u2032`´]/g, "'")
      .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
      .replace(/[\u2010-\u2015]/g, "-")
      // Zhuyin letters typed for a particle in Taiwanese chat (有關係ㄇ, 好ㄉ): the particle itself.
      .replace(ZHUYIN, (c) => ZHUYIN_PARTICLES.get(c) ?? " ")
      // A year said aloud (dictation, or typed as spoken): "twenty sixteen", "two thousand and fifteen".
      .replace(SPOKEN_YEAR, (_, teen: string) => `20${SPOKEN_TEENS.indexOf(teen) + 10}`)
      // A year in Chinese digits (二零一六年, 二〇一六年, 一六年), as voice input writes it: 2016年.
      .replace(/(?:[零〇一二三四五六七八九]{2}(?=[零〇一二三四五六七八九]{2}年))?一[零〇一二三四五六七八九](?=年)/g, (year) =>
        [...year].map((c) => "〇一二三四五六七八九".indexOf(c === "零" ? "〇" : c)).join(""),
      )
      .replace(/(\d),(?=\d{3}\b)/g, "$1")
      .replace(/\b(\d+)\s*k\b/g, "$1000")
      .replace(/\b(\d+(?:\.\d+)?)\s*(?:bn|b)\b/g, "$1 billion")
      .replace(/\b(\d+(?:\.\d+)?)\s*(?:m|mn)\b/g, "$1 million")
      // …and a number run together with its word ("1billion", "10thousand").
      .replace(/\b(\d+(?:\.\d+)?)(billion|million|thousand|hundred)s?\b/g, "$1 $2")
      // Dollar signs say "dollars" beside an amount ($1bn, 1 $, US$) or as a word of their own ("how
      // much $ is it", "$$-wise"); among other symbols ("^$\*~", "$.`{"), or a ticker's ("$BABA"), nothing.
      .replace(/\bus\s*\$|\$+(?=\s*\d)|(?<=\d)\s*\$+|(?<=^|\s)\$+(?=$|\s|[?.,!]+(?:\s|$)|-\p{L})/gu, (signs) =>
        " dollars ".repeat(signs.split("$").length - 1),
      )
      .replace(/'s\b/g, "")
      .replace(/n't\b/g, " not")
      .replace(/'/g, "")
      // "who's it by?", "who is the piece by": a "by" closing a who-question about a thing asks who
      // made it ("who was he hired by" is left alone).
      .replace(/^(\s*who(?:s| is| was)?\s+(?:it|this|that|(?:the|this|that) \w+))\s+by(?=[\s?.!]*$)/i, "$1 written by")
  );
}

const ZHUYIN = /[\u3100-\u312f\u31a0-\u31bf]/g;
const ZHUYIN_PARTICLES = new Map([
  ["ㄉ", "的"],
  ["ㄇ", "嗎"],
  ["ㄅ", "吧"],
  ["ㄋ", "呢"],
  ["ㄌ", "了"],
  ["ㄚ", "啊"],
]);
const SPOKEN_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(" ");
const SPOKEN_YEAR = new RegExp(`\\b(?:twenty|two thousand(?: and)?)[ -](${SPOKEN_TEENS.join("|")})\\b`, "g");

/**
 * A knowledge file's own wording, applied by the normaliser: its synonyms over the Latin words, and
 * (`chinese`) the Chinese forms of the names it lists, read as those names (knowledge-index.ts).
 */
export type Prepare = ((spaced: string) => string) & { chinese?: (text: string) => string };

/** English words that frame a question: with any of them, Latin text is English, not names. */
const ENGLISH_FRAME = /\b(?:what|whats|who|whos|when|where|why|how|which|is|are|was|were|does|do|did|can|the|a|an|of|about|for)\b/;

/** Letters and digits outside Chinese runs: how much of a text is Latin. */
const latinLength = (text: string) => text.replace(CJK_RUN, "").replace(/[^\p{L}\p{N}]+/gu, "").length;

const cjkLength = (text: string) => (text.match(CJK_G) ?? []).length;
const CJK_G = new RegExp(CJK.source, "gu");

/** Japanese hiragana, and the voicing marks cleaning leaves apart from them. */
const HIRAGANA = /[\u3041-\u3096\u3099-\u309c]/g;
/**
 * Chinese typed online with a sprinkle of Japanese kana: の for 的 ("这篇文章の作者是谁"), and a
 * particle (じゃ, ね) that carries nothing (a Tokyo daigou writer of round 116). Only a sprinkle: a
 * Japanese question, mostly kana, stays one the engine does not read.
 */
function withoutKanaSprinkle(text: string, han: number): string {
  const kana = text.match(HIRAGANA)?.length ?? 0;
  return kana === 0 || kana > han ? text : text.replace(/の/g, "的").replace(HIRAGANA, " ");
}

/** Turns a question (or a curated phrasing) into matching terms. Never throws. */
export function normalise(input: string, synonyms?: Prepare): Normalised {
  let text = cleanText(input);
  // Counted before names are rewritten: a name written as the knowledge's English name still
  // counts as Chinese where it was written so.
  const cjkChars = cjkLength(text);
  let namedLetters = 0;
  if (cjkChars > 0) text = withoutKanaSprinkle(withMixedScriptWords(withArabicNumerals(text)), cjkChars);
  if (synonyms?.chinese && cjkChars > 0) {
    const named = synonyms.chinese(text);
    if (named !== text) {
      namedLetters = latinLength(named) - latinLength(text);
      text = named;
    }
  }
  // "The 500 million figure": a number is what is asked about, and "figure", "number" or "stat"
  // after it name nothing more. "What does X refer to?" asks what X means ("the apps it refers
  // to?" does not).
  text = text.replace(NUMBER_NOUN, "$1").replace(NUMBERED, "$1 ");
  const refers = REFERS_TO.exec(text);
  if (refers && /\bwhat\b/i.test(text.slice(0, refers.index))) text = `${text.slice(0, refers.index)} mean`;
  // British and Irish "at the minute" is "right now" (the classifier has seen the one, not the other).
  // "hwo" is "how" before what "how" asks ("hwo much", "hwo do farmers…"); elsewhere, "who".
  text = text
    .replace(AT_THE_MINUTE, "right now")
    .replace(TYPED_HOW, "how")
    .replace(QUALIFIES, "describes")
    .replace(PUTS_IT, "how does the article describe it");
  const tokens = text
    .replace(CJK_RUN, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t && t.length < 40)
    .flatMap((t) => (SHORTHAND_OF.get(t) ?? t).split(" ").map(stem));
  const asksAboutNow = NOW_PATTERN.test(text) || ZH_NOW.test(text);
  const asksInChinese = cjkChars > 0 && ZH_QUESTION_WORD.test(text);
  if (asksAboutNow) text = text.replace(new RegExp(NOW_PATTERN.source, "g"), " ");
  const terms: string[] = [];
  let cjkBudget = MAX_CJK_CHARS;
  let [cjkRead, cjkUnknown] = [0, 0];
  const names = namesIn(input, cjkChars === 0);
  const chineseNamed: string[] = [];
  const nameParts = new Set<string>();
  text = text.replace(CJK_RUN, (run) => {
    for (let i = 0; i < run.length && cjkBudget > 0; i += CJK_SLICE) {
      const slice = run.slice(i, i + Math.min(CJK_SLICE, cjkBudget));
      cjkBudget -= slice.length;
      const own = chineseTerms(slice);
      terms.push(...own);
      const read = readChinese(slice);
      [cjkRead, cjkUnknown] = [cjkRead + read.chars, cjkUnknown + read.unknown];
      for (const p of read.nameParts) nameParts.add(p);
      // A name ICU's dictionary splits (马来西亚 → 马来 西亚) is a word of its own as well.
      for (const name of read.names) {
        chineseNamed.push(name);
        if (!own.includes(name)) terms.push(name);
      }
    }
    return " ";
  });
  const spaced = text.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  // The knowledge file's own synonyms first, then the general table.
  const phrased = (synonyms ? synonyms(spaced) : spaced).replace(PHRASE_RE, (p) => PHRASE_OF.get(p) ?? p);
  const words: string[] = [];
  for (const typed of phrased.split(" ")) {
    const raw = SHORTHAND_OF.get(typed) ?? withoutDroppedG(typed) ?? withoutTagalogInfix(typed) ?? typed;
    if (!raw || STOP_WORDS.has(raw)) continue;
    const word = WORD_OF.get(raw) ?? raw;
    for (const w of word.split(" ")) {
      if (STOP_WORDS.has(w)) continue;
      words.push(w);
      terms.push(stem(w));
    }
  }
  const latin = spaced.replace(/\s/g, "").length - namedLetters;
  // A question framed in Chinese around Latin names ("Jane Doe 在 Acme Corp 是什么职位？")
  // is Chinese, though its names hold more letters than it holds characters.
  const chinese = cjkChars > 0 && (cjkChars >= latin / 3 || (asksInChinese && !ENGLISH_FRAME.test(spaced)));
  // In a Latin question the Chinese words are unknown anyway: only a Chinese one counts them as names.
  if (chinese) for (const name of chineseNamed) names.add(name);
  return {
    terms,
    words,
    typed: spaced ? spaced.split(" ") : [],
    tokens,
    asksAboutNow,
    chinese,
    cjkChars,
    chineseKnown: cjkRead ? 1 - cjkUnknown / cjkRead : 1,
    names,
    ...(chinese && nameParts.size && { chineseNameParts: nameParts }),
  };
}

/** Words written as names: "Italy" mid-sentence, "JD" in a sentence that is not all capitals. */
function namesIn(input: string, latinOnly: boolean): Set<string> {
  const names = new Set<string>();
  if (input.length > 2000 || input === input.toUpperCase()) return names;
  for (const m of input.matchAll(/(?<=[\p{L}\p{N},;'"]\s+)([A-Z][a-z]+|[A-Z]{2,4})\b/gu)) names.add(stem((m[1] as string).toLowerCase()));
  // A sentence's first word is capitalised anyway: it is a name when it is no English word
  // ("Pinduoduo is…"). Not in a question holding Chinese, whose Latin words are mostly names the
  // knowledge writes in Chinese too.
  if (latinOnly)
    for (const m of input.matchAll(/(?:^[^\p{L}\p{N}]{0,10}|[.?!]\s+)([A-Z][a-z]{2,})\b/gu)) {
      const word = (m[1] as string).toLowerCase();
      if (!isEnglishWord(word)) names.add(stem(word));
    }
  return names;
}

/** Porter stemming for English words; numbers and intent words are kept as they are. */
export function stem(word: string): string {
  if (INTENT_WORDS.has(word) || /\d/.test(word) || word.length <= 3 || word.startsWith("zh:")) return word;
  let s = STEMS.get(word);
  if (s === undefined) {
    if (STEMS.size > 50_000) STEMS.clear();
    s = stemmer(word);
    STEMS.set(word, s);
  }
  return s;
}
/** Stems seen before (bounded): the same words come back in every question. */
const STEMS = new Map<string, string>();

export const isChineseTerm = (term: string): boolean => term.startsWith("zh:");
