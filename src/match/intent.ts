import { asMandarin, simplified } from "./chinese.js";
import { escapeRegExp, hasChinese, STOP_WORDS } from "./normalise.js";

/**
 * The shape of answer a question asks for. "How many…?" wants a number, "when…?" a time, "who…?"
 * a person, "which provinces…?" names. A fact whose answer lacks that shape is a poor match even
 * when its words fit: "How old is the CEO?" shares a word with the CEO fact but asks for
 * something it lacks.
 */
const SHAPES = {
  // A person, or the people and firms a "who" can be about ("who is the company competing with?").
  who: /\b[A-Z][a-z]+ [A-Z][a-z]+\b|\b(startups|merchants|brands|farmers|shoppers|buyers|consumers|suppliers|middlemen|rivals|companies)\b|初创|商家|品牌|农民/,
  // A count that is not a year.
  many: /\b(?!(19|20)\d\d\b)\d[\d,.]*\b|\b(two|three)\b|[一二三两万亿]/,
  // Money: a currency, not a count (一万个 is ten thousand of something, 十亿美元 a sum).
  much: /\$|billion|million|dollar|yuan|美元|人民币|元/,
  when: /\b(1[89]\d\d|20\d\d|month|summer|september|december|january|last year)\b|月|年|夏/i,
  // An age or a birth.
  age: /\b\d{1,3}[- ]years?[- ]old\b|\baged? \d|\bborn\b|岁|出生/i,
  // A distance, or the time it takes to get there.
  far: /\b(km|kilomet\w*|miles?|hours?|minutes?)\b|公里|小时|分钟/i,
  // A share of a whole ("a third", not "the third option"; "a quarter", not "the fourth quarter").
  share: /%|\bper ?cent|\bhalf\b|\b(?:a|one|two)[- ]thirds?\b|\b(?:a|one|three)[- ]quarters?\b|百分|一半|分之/i,
  // What came of something: it succeeded, it failed.
  outcome: /\bsucce|\bfail|成功|失败|失敗/i,
  // What kind of firm something is: no answer text shows it (see ASKS_KIND), so only a fact whose
  // own curated questions ask it answers.
  kind: /(?!)/,
  // A month: "in January", "Dec 2015".
  month:
    /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|[\d一二三四五六七八九十]\s*月/i,
  // A length of time: "for three years", "since 2014", "a 2-minute read".
  long: /\b(?:\d+|one|two|three|four|five|six|ten|a few|several)[- ]?(?:years?|months?|weeks?|days?|hours?|minutes?|mins?|decades?)\b|\bsince (?:19|20)\d\d\b|\bdecades?\b|分钟|小时|个月|多年|[一二两三四五六七八九十\d]+年(?:内|里|间|之内)/i,
};

/** Names everyone asks about; they do not count as the names a "which…?" question wants. */
const COMMON_NAMES = new Set(["the", "ceo", "us"]);
/** The thing a "which…?" asks for ("cities" in "which Chinese cities…"), captured. */
const WHICH_NOUN =
  /\bwhich\s+(?:[\w-]+\s+)?(cit(?:y|ies)|towns?|provinces?|regions?|countr(?:y|ies)|startups?|compan(?:y|ies)|firms?|apps?|brands?|marketplaces?|platforms?|banks?|universit(?:y|ies)|schools?|products?|goods|foods?|items?|crops?|fruits?)\b/i;
/** "Which city…?", "the name of…": questions that want a named place, firm or thing. */
const WHICH = new RegExp(
  `${WHICH_NOUN.source}|\\bnames?\\b|\\bcalled\\b|(?<!\\b(?:their|the|a|my|your|our|his|her|its|on|of|in)\\s+)\\blist (?:the|all|every)\\b`,
  "i",
);

/** "哪几个省", "哪20个省", "哪些平台", "哪些 startup", "叫什么名字", "叫啥", Hunan and Wuhan "叫么子名字", Tianjin "叫嘛": a Chinese question that wants names. */
const ZH_WHICH =
  /(?:哪|边|邊)(?:几|幾|些|\d+)?(?:个|個|间|間|家|座)?(?:省|城市|区|區|国家|國家|公司|平台|商城|初创|初創|创业公司|創業公司|品牌|应用|應用|\s*(?:[a-z]+\s+)?(?:brands?|platforms?|cit(?:y|ies)|countr(?:y|ies)|compan(?:y|ies)|apps?|startups?|provinces?|marketplaces?)\b)|(?:app|平台|公司|品牌|应用|應用|网站|網站)是哪(?:一)?[个個家]|(?:省|省份|城市|国家|國家|公司|平台|品牌|应用|應用|初创|初創)(?:具体|具體|分别|分別|都|又)?(?:是|有|在)哪(?:些|几|幾|一)|叫(?:什么|什麼|啥|咩|么子|么事|麼事|嘛)|(?:什么|什麼|么子|么事|麼事)名字|啥名|名字叫/i;

/** The proper nouns of an answer that the question did not already name. */
function newNames(answer: string, question: string, common: ReadonlySet<string>): string[] {
  const asked = question.toLowerCase();
  return (answer.match(/(?<![.:]\s|^)\b[A-Z][A-Za-z]+/g) ?? []).filter(
    (w) => !COMMON_NAMES.has(w.toLowerCase()) && !common.has(w.toLowerCase()) && !asked.includes(w.toLowerCase()),
  );
}

/** True when the question asks for a shape of answer ("how many" → a number) that this answer lacks. */
/** What the knowledge file says about names: its people (a "who" answer), and names too common to ask for. */
export interface NameFacts {
  /** Matches a person the knowledge names, in either script. */
  people?: RegExp;
  /** Lower-case names that never count as the name a "which…?" question wants (the subject itself). */
  common?: ReadonlySet<string>;
  /** Every name the knowledge lists, in either script, but the common ones: what a Chinese "哪些…?" can be answered with. */
  all?: readonly string[];
  /** Matches a firm the knowledge names, in either script (the common ones too). */
  firms?: RegExp;
  /** Matches a place the knowledge names, in either script. */
  places?: RegExp;
  /** The normalised terms of every person and organisation the knowledge names, the common ones too. */
  terms?: ReadonlySet<string>;
  /** Capitals askers typed as the subject of questions a fact answers (a ticker: "is BABA…"), lower-cased: the knowledge's own firm. */
  askersFirms?: ReadonlySet<string>;
  /** Matches a firm the knowledge lists as one the source never mentions (`other_names`), in either script, in Simplified text. */
  others?: RegExp;
  /** Matches the knowledge's own firm (a common organisation), in either script, and its usual Chinese short form. */
  own?: RegExp;
  /** Each organisation the knowledge names but the common ones, as its forms in either script. */
  organisations?: readonly (readonly string[])[];
}

/** Before a firm: it is an example of a kind ("apps like X", 像X那种), not what is asked about. */
const EXAMPLE_BEFORE = /(?:\blike|\bsuch as|\bthe likes of|\be\.g\.?|\bincluding|\bvs\.?|\bversus|像|比如|例如|譬如|跟|和|与|同)\s*$/i;
/** After a firm: "X and the like", X那些, X这种, X之类; or the name used as a verb (X一下, "search it on X"). */
const EXAMPLE_AFTER =
  /^\s*(?:(?:and|&)\s+(?:the like|co\.?|others|such)\b|(?:那些|这些|那种|这种|这类|那类|之类|等|们|那样|这样|一下|了一下|了半天))/i;

/** A clause that points back to the one before it: "Globex in Oslo, what plans has Acme there?". */
const REFERS_TO_IT = /\b(?:it|its|they|them|their|there)\b|它|他们|她们|那里|那边|那儿|那裡|那邊|那兒/i;
/** A clause that asks something itself: "Globex has how many, and Acme?" asks about both. */
const CLAUSE_ASKS =
  /[?？]|多少|几|幾|什么|什麼|啥|怎|哪|谁|誰|吗|嗎|呢|咩|\b(?:what|how|who|when|where|which|why)\b|^\s*(?:does|did|do|is|are|was|were|has|have|can|will)\b/i;

/**
 * Whether a question is about a firm the knowledge lists as one its source never mentions
 * (`other_names`): one it names, but not as an example of a kind or as what a fact is set against
 * ("how do they differ from X and the like?", "怕大家都跑去用X那种app").
 */
export function namesOtherFirm(asked: string, names: NameFacts): boolean {
  if (!names.others) return false;
  // The list is written in Simplified: a Traditional question (華為) is read converted.
  const question = hasChinese(asked) ? simplified(asked) : asked;
  const found = [...question.matchAll(names.others)];
  // A firm in a clause of context before the question, when a later clause asks about the
  // knowledge's own firm ("X and Y are so strong, how much is <own firm> putting in?"), sets the
  // scene: the question is about the own firm, unless it points back to that clause.
  // (`search` ignores the list's global flag: no state carries over between clauses.)
  const { own, others } = names;
  const clauses = own && found.length ? [...question.matchAll(/[^，,；;。！!？?\n]+[，,；;。！!？?\n]*/gu)] : [];
  const askedOfOwn = (at: number) => {
    const clause = clauses.findIndex((c) => at >= (c.index as number) && at < (c.index as number) + c[0].length);
    return (
      clause >= 0 &&
      !CLAUSE_ASKS.test(clauses[clause]?.[0] ?? "") &&
      clauses.slice(clause + 1).some((c) => own?.test(c[0]) && c[0].search(others) < 0 && !REFERS_TO_IT.test(c[0]))
    );
  };
  return found.some((m, i) => {
    if (askedOfOwn(m.index)) return false;
    const end = m.index + m[0].length;
    // A list of firms ("X、Y那些", "XY那种", "X or Y") is read as its last.
    const next = found[i + 1];
    if (next && /^(?:[\s、,，/和与及]*|\s*,?\s*(?:and|or)\s+)$/i.test(question.slice(end, next.index))) return false;
    return !EXAMPLE_BEFORE.test(question.slice(Math.max(0, m.index - 16), m.index)) && !EXAMPLE_AFTER.test(question.slice(end, end + 16));
  });
}

/**
 * "哪个国家的人", "which country", "what nationality": only a country answers, one the question does
 * not already name (a fact's own "which" phrasings do not excuse it: "which editor?" is not "which
 * country is the editor from?").
 */
function lacksCountry(question: string, answer: string, names: NameFacts): boolean {
  // Only a file that names its places can say which country: in one that names none, nothing is read.
  if (!names.places) return false;
  const origin = ASKS_ORIGIN.exec(question)?.[1];
  const asksCountry =
    ASKS_COUNTRY.test(question) ||
    (origin !== undefined &&
      (PERSON_WORD.test(origin) || (names.people !== undefined && new RegExp(names.people.source, "i").test(origin))));
  if (!asksCountry) return false;
  const asked = question.toLowerCase();
  return !ownPlaces(answer, names).some((p) => !asked.includes(p));
}
/** The places the knowledge names that an answer holds, lower-cased, but the common ones (the subject's own country) in either script. */
function ownPlaces(answer: string, names: NameFacts): string[] {
  if (!names.places) return [];
  const uncommon = new Set((names.all ?? []).map((n) => n.toLowerCase()));
  return [...new Set((answer.match(new RegExp(names.places.source, "gi")) ?? []).map((p) => p.toLowerCase()))].filter((p) =>
    uncommon.has(p),
  );
}
/**
 * "Did it open an office in Japan?": a fact whose answer names its places (offices in X and Y)
 * does not answer about a country it does not name, unless the question names one of its places
 * too ("the draft says France and Spain: right?"). Countries are ICU's region names (Node's Intl),
 * as written ("Japan", "Saudi Arabia", "UK"), or in lower case after "in", "from", "to"…: "japan"
 * is also a word. Only in a file that names its places (CLINC150's names none).
 */
function asksAnotherCountry(question: string, answer: string, names: NameFacts): boolean {
  // Most questions name no country: that is settled once per question, before any answer is read.
  const asked = countriesIn(question);
  if (!names.places || !asked.length) return false;
  const known = ownPlaces(answer, names);
  // A question that names one of them too checks a claim about them ("France and Spain, right?").
  const lower = question.toLowerCase();
  if (!known.length || known.some((p) => lower.includes(p))) return false;
  const ownPlace = new RegExp(`^(?:${names.places.source})$`, "i");
  return asked.some((c) => !ownPlace.test(c));
}
/** "Where in France did it open its office?": a place inside the country named after "where in". */
const WHERE_WITHIN = /\bwhere\s+(?:exactly\s+)?(?:in|within|inside|abouts\s+in)\s+(?:the\s+)?([a-z][\w'’.-]*(?:\s+[a-z][\w'’.-]*){0,2})/i;
/** Places larger than a country, which name no place inside one. */
const CONTINENT =
  /^(?:europe|asia|africa|north america|south america|latin america|the americas|americas|oceania|the middle east|middle east|southeast asia|east asia|central asia|south asia|scandinavia|the caribbean|caribbean)$/i;
let countryName: RegExp | undefined;
/** Whether a place is one of ICU's countries, whole (the same names as `countries()`, built once). */
function isCountry(place: string): boolean {
  // `cased` is \b(?:names)\b: the names alone, anchored.
  if (!countryName) countryName = new RegExp(`^${countries().cased.source.slice(2, -2)}$`, "i");
  return countryName.test(place);
}
/**
 * "Where in France did it open its office?" asks for a place inside France: an answer that names
 * countries only (offices in France and Germany) says no more than the question. Only a country
 * after "where in" (ICU's names, as for the rules above), and only in a file that names its places.
 */
function asksWithinCountry(question: string, answer: string, names: NameFacts): boolean {
  if (!names.places) return false;
  const within = WHERE_WITHIN.exec(question)?.[1];
  // "in France did it", "in the United States does it": the country is the first word or words.
  const words = within?.split(/\s+/) ?? [];
  if (!words.some((_, i) => isCountry(words.slice(0, i + 1).join(" ")))) return false;
  const lower = question.toLowerCase();
  return !ownPlaces(answer, names).some((p) => !isCountry(p) && !CONTINENT.test(p) && !lower.includes(p));
}
/**
 * `read`, remembering its last reading: every ranked fact of one question is checked against the
 * same reading of the question, which is made once.
 */
function lastReading<A extends unknown[], R>(read: (...args: A) => R, keyOf: (...args: A) => string): (...args: A) => R {
  let last: { key: string; value: R } | undefined;
  return (...args) => {
    const key = keyOf(...args);
    if (last?.key !== key) last = { key, value: read(...args) };
    return last.value;
  };
}
/** The countries a question names, lower-cased. */
const countriesIn = lastReading(
  (question: string): string[] => {
    const { cased, afterPlaceWord, mayName } = countries();
    return mayName(question)
      ? [...question.matchAll(cased), ...question.matchAll(afterPlaceWord)].map((m) => (m[1] ?? m[0]).toLowerCase())
      : [];
  },
  (question) => question,
);
interface CountryPatterns {
  cased: RegExp;
  afterPlaceWord: RegExp;
  /**
   * False when neither pattern can match, read from the words alone: a match starts where a word
   * starts with a name's first run of Latin letters ("United" of "United States", "C" of "Côte
   * d’Ivoire"), in its case for `cased`, in any case after a place word. Two alternations of some
   * 500 names each cost more than the rest of the question's reading; most questions name none.
   */
  mayName: (question: string) => boolean;
}
let countryPatterns: CountryPatterns | undefined;
/**
 * English country names from ICU (long and short forms), built once (about 20 ms): at the build of
 * an engine whose knowledge names places, so that no question pays for it.
 */
export function countries(): CountryPatterns {
  if (countryPatterns) return countryPatterns;
  const forms = new Set<string>();
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const style of ["long", "short"] as const) {
    const display = new Intl.DisplayNames(["en"], { type: "region", style });
    for (const a of letters)
      for (const b of letters) {
        const name = display.of(a + b);
        // Unassigned codes come back as themselves; "Unknown Region", "World" and the like are no country.
        if (name && name !== a + b && !/\b(?:Unknown|World|Outlying|Pseudo|SAR)\b|&/.test(name)) forms.add(name);
      }
  }
  const alternation = [...forms]
    .sort((x, y) => y.length - x.length)
    .map(escapeRegExp)
    .join("|");
  const firstRuns = [...forms].map((name) => /^[A-Za-z]*/.exec(name)?.[0] ?? "");
  const casedRuns = new Set(firstRuns.filter(Boolean));
  const lowerRuns = new Set([...casedRuns].map((r) => r.toLowerCase()));
  // A name that starts with another letter ("Åland Islands") lets through a question holding that letter, in either case.
  const otherStarts = [...forms].filter((_, i) => !firstRuns[i]).map((name) => name.charAt(0).toLowerCase());
  countryPatterns = {
    cased: new RegExp(`\\b(?:${alternation})\\b`, "g"),
    afterPlaceWord: new RegExp(`\\b(?:in|from|to|into|across|throughout|outside|inside)\\s+(?:the\\s+)?(${alternation})\\b`, "gi"),
    mayName: (question) => {
      if ((question.match(WORD_START_RUN) ?? []).some((run) => casedRuns.has(run) || lowerRuns.has(run.toLowerCase()))) return true;
      const lower = question.toLowerCase();
      return otherStarts.some((c) => lower.includes(c));
    },
  };
  return countryPatterns;
}

/** Each run of Latin letters that starts a word, as `\\b` reads one (after no letter, digit or _). */
const WORD_START_RUN = /(?<![A-Za-z0-9_])[A-Za-z]+/g;

/** "哪个国家的人", "which country", "what nationality", "哪里人" (where someone is from), "hometown". */
const ASKS_COUNTRY =
  /(?:哪|边|邊)(?:几|幾|些|\d+)?(?:个|個)?(?:国家|國家|国|國)(?!内|外)|(?:哪里|哪裡|哪儿|哪兒|哪|什么地方|什麼地方|边度|邊度)(?:的)?人(?!员|員|才|手|口|数|數)|\b(?:which|what)\s+countr(?:y|ies)\b|\bnationality\b|\bhome ?town\b/i;
/** "Where's Jane Doe from (originally)?", "where is the author from?": a person's origin, a country. */
const ASKS_ORIGIN = /\bwhere(?:'s|\s+is|\s+was)\s+([^?]{1,40}?)\s+(?:originally\s+)?from(?:\s+originally)?\s*[?.!]*$/i;
const PERSON_WORD = /\b(?:he|she|author|writer|editor|journalist|reporter|ceo|boss|chief|founder|chairman|exec|executive)\b/i;

export function lacksAskedShape(
  question: string,
  terms: readonly string[],
  answer: string,
  asked: ReadonlySet<string> = new Set(),
  names: NameFacts = {},
  namesAsked = asksForNames(question),
): boolean {
  const kind = lackedShape(question, terms, answer, names);
  // A fact whose own curated questions ask this way answers it, whatever its answer text looks
  // like (a knowledge file of intents, such as CLINC150's, has no numbers or names in its answers),
  // unless the asker asks outright for names the answer does not give ("which firms make them? can
  // you give me the names?"): a fact that answers "which kind" says what kind, not who.
  return kind !== undefined && (!asked.has(kind) || (kind === "which" && namesAsked));
}
/**
 * Whether any answer states a count, a sum, a date, a length of time or a person: only then can an
 * answer lacking the shape a question asks be told from one that has it. A file of intents
 * (CLINC150's, answered "Intent: …") states none, so its "how many…?" and "when…?" questions are
 * not near-misses for that.
 */
export function answersHoldShapes(answers: readonly string[]): boolean {
  const shapes = [SHAPES.many, SHAPES.much, SHAPES.when, SHAPES.long, SHAPES.who];
  return answers.some((a) => shapes.some((shape) => shape.test(a)));
}

/** Names asked for outright, anywhere in a message: "…? can you give me the names?", "names please". */
const ASKS_FOR_NAMES =
  /\b(?:the|their|any|some|its)\s+names\b|\bnames\s+(?:please|pls|plz)\b|\bneed\s+names\b|\bname\s+(?:them|those|these)\b/i;
export const asksForNames = (message: string): boolean => ASKS_FOR_NAMES.test(message);

/** The shapes a fact's own questions ask for (computed once per fact, at load). */
export function shapesAskedBy(questions: readonly string[]): Set<string> {
  return new Set(questions.flatMap((q) => askedShapes(q, questionWords(q))));
}

type Shape = "many" | "much" | "when" | "who" | "which" | "age" | "far" | "share" | "long" | "month" | "outcome" | "kind";

/** Questions about an age, a distance, a date: "how old is…", "how far…", "the opening date". */
const ASKS_AGE = /\bhow old\b|\bage\b|\bbirthday\b|\bborn\b|几岁|多大年纪|年龄|年纪/;
// Not how far along a plan is ("how far with the rural plan?"), nor a gap opened or kept between
// rivals (拉开距离, "to set apart"), which is no distance.
const ASKS_FAR = /\bhow far\b(?!\s+(?:with|on|along|into)\b)|\bdistance\b|多远|(?<!拉开|拉大|拉近|保持|隔开|拉開|拉遠)距[离離]/;
/** "What month…", "几月份": a month, not only a year. */
const ASKS_MONTH = /\b(?:what|which) month\b|[几幾]月|哪(?:一)?[个個]月|什[么麼]月份/;
/** A length of time: "how long has she been…", "for how long", "how many years", "几年了". */
const ASKS_LONG = /\bhow long\b|\bhow many (?:years|months)\b|多少年|几年了|多久了|[分用花][几幾](?:多)?年|[几幾]多年/;
/**
 * Questions about a sum of money without "how much": "what amount" (a Mongolian trader's "What amount
 * Acme invests…", round 128), a salary, a valuation, a share price, takings.
 */
const ASKS_MONEY =
  /\b(?:what|which)\s+(?:amount|sum)\b(?!\s+of\s+(?:time|people|shoppers|users|villages|centers|centres))|\b(?:salary|salaries|wages?|compensation|(?:being|get|gets|getting|is|was) paid|earns?|earnings(?! calls?)|valuation|valued|market cap\w*|net worth|stock price|share price|revenue|revenues|profits?(?! from| by| off)|income)\b|薪水|薪资|工资|年薪|市值|股价|营收|利润|收入|耗资|耗資|花费|花費|成本|造价|造價|费用|費用|运费|運費/;
// …and a part of a counted whole: "how many of the 20 million users are students?", "用户里有多少是学生",
// and tenths (抽多少成, 有几成: what cut, what share; round 128).
const ASKS_SHARE =
  /\bpercent(?:age)?s?\b|\bper cent\b|%|\bproportion\b|\bwhat share\b|\bmarket share\b|\bwhat fraction\b|\bhow many of (?:the |those |these |its |their )?[\d][\d,.]*(?: million| billion| thousand|k)?\b|百分之|百分比|比例|占比|比重|份额|占有率|市占率|(?:多少|几|幾|几多)成(?![本功立长長熟交为為绩績员員果都效])|(?:里|里面|入面|当中|之中|中间)(?:有)?(?:多少|几多|几)(?:个|位|成|家)?(?:是|系|来自)/;
/**
 * Whether a plan worked: what came of it later, which a report of the plan does not know (成效, 成果,
 * 後來如何: a Yunlin writer of round 115). (What a plan means to make of something, "想做成啥样子",
 * asks its aim.)
 */
const ASKS_OUTCOME =
  /\b(?:succeed(?:ed|s)?|successful(?:ly)?|a success|work(?:ed)? out|pa(?:y|ys|id) off|pan(?:s|ned)? out|outcomes?|fail(?:ed|s)?|a failure|flop(?:ped)?)\b|成功|失败|失敗|(?<!想|要|打算|计划|計劃|准备|準備)(?:做成|搞成)|成效|成果|(?:赚|賺)回(?:来|來)?|回本|(?:后来|後來)(?:怎么样|怎麼樣|怎样|怎樣|如何|咋样|咋樣)/;
// "till date", "to date": so far, not a date.
const ASKS_DATE = /(?<!\b(?:till|until|to)\s+)\bdate\b|\b(?:what day|which day|what time)\b|哪天|哪一天|日期/;

/**
 * What kind of firm something is ("what kind of company is Acme?", "Acme是个啥公司", "是做什么生意的
 * 公司", and "what does Acme Bank even do lol", a Winnipeg writer of round 128; not "what does Acme
 * plan to do"): an answer that merely names the firm (a person's former employer) does not say. No answer
 * text shows it, so only a fact whose own curated questions ask it answers.
 */
const ASKS_KIND =
  /\bwhat\s+(?:does|do)\s+(?!it\b|they\b|he\b|she\b|i\b|we\b|you\b|u\b|ya\b|people\b)(?:(?!to\b|plans?\b|want\b|wants\b|intends?\b|going\b|need\b|have\b)[\w.&-]+\s+){1,3}(?:even\s+|actually\s+|exactly\s+)?do(?:\s+(?:lol|lmao|exactly|anyway|again))*\s*[?!.]*$|\bwhat\s+(?:kind|sort|type)s?\s+of\s+(?:an?\s+)?(?:company|companies|firm|business|bank|outfit|organi[sz]ation|corporation)\b|\b(?:is|are)\s+what\s+(?:kind\s+of\s+)?(?:company|firm|business|bank)\b|是(?:一?[个個]|一家|家)?(?:什么|什麼|啥|啥子|么斯|么事|麼事|哪样|哪樣|怎样|怎樣|咩)(?:样|樣|类型|類型|性质|性質)?的?(?:公司|企业|企業|银行|銀行|机构|機構)|是(?:做|干|幹|搞)(?:什么|什麼|啥|啥子|么事|么斯|麼事|哪样|哪樣|咩)(?:生意)?的(?:公司|企业|企業|银行|銀行|机构|機構)/;

/** The shapes of answer a question asks for. */
function askedShapes(question: string, terms: ReadonlySet<string>): Shape[] {
  // Chinese as typed and as Mandarin: "叫甚名" (Jin) asks a name as "叫什么名" does.
  const lower = (hasChinese(question) ? `${question}\n${asMandarin(question)}` : question).toLowerCase();
  // "Who"/"when" ask only when they open the question: "the middlemen who sell fakes" asks no one.
  const opening = lower
    .replace(/^[^a-z\u4e00-\u9fff]+/, "")
    .split(/\s+/)
    .slice(0, 3)
    .join(" ");
  // …and not as a relative pronoun after a noun ("for listeners who don't know…").
  const asks = (w: string) =>
    terms.has(w) &&
    (/[\u4e00-\u9fff]/.test(question) || (new RegExp(`\\b${w}\\b`).test(opening) && !new RegExp(`\\b[a-z]{3,}s\\s+${w}\\b`).test(opening)));
  const shapes: Shape[] = [];
  if (terms.has("how") && terms.has("many")) shapes.push("many");
  // "How much service centres…?" (a learner's "how many") counts things; "how much does it cost?" asks a sum.
  if (terms.has("how") && terms.has("much")) shapes.push(COUNTED_MUCH.test(lower) ? "many" : "much");
  if (asks("when")) shapes.push("when");
  if (asks("who")) shapes.push("who");
  if (WHICH.test(question) && /[a-z]/i.test(question)) shapes.push("which");
  else if (ZH_WHICH.test(lower)) shapes.push("which");
  if (ASKS_MONEY.test(lower) && !shapes.includes("much")) shapes.push("much");
  if (ASKS_AGE.test(lower)) shapes.push("age");
  if (ASKS_FAR.test(lower)) shapes.push("far");
  if (ASKS_LONG.test(lower)) shapes.push("long");
  if (ASKS_MONTH.test(lower)) shapes.push("month");
  if (ASKS_SHARE.test(lower)) shapes.push("share");
  if (ASKS_DATE.test(lower) && !shapes.includes("when")) shapes.push("when");
  if (ASKS_OUTCOME.test(lower)) shapes.push("outcome");
  if (ASKS_KIND.test(lower)) shapes.push("kind");
  return shapes;
}

const AUXILIARY = "(?:is|was|are|were|does|did|do|has|have|had|will|would|can|it|its|this|that|these|those|money)\\b";
/** "how much" followed by a plural noun, within two words. */
const COUNTED_MUCH = new RegExp(`\\bhow much\\s+(?!${AUXILIARY})(?:\\w+\\s+)?(?!${AUXILIARY})\\w+s\\b`);

const questionWords = (q: string): Set<string> => new Set(q.toLowerCase().match(/\b(how|many|much|when|who)\b/g) ?? []);

/** "Who owns Acme Mart?", "whose apps…", "是谁家的": a firm answers, not only a person. */
const ASKS_OWNER =
  /\bwho\s+(?:owns?|owned|runs?|ran|operates?|controls?|is behind|are behind|was behind)\b|\bwhose\b|谁家|誰家|属于谁|屬於誰|归谁|歸誰|哪家公司的|边间公司/i;
const namesFirmNotAsked = (question: string, answer: string, names: NameFacts): boolean =>
  (answer.match(new RegExp(names.firms?.source ?? "(?!)", "g")) ?? []).some((f) => !question.toLowerCase().includes(f.toLowerCase()));

/** The shapes a question asks for. */
const shapesOfQuestion = lastReading(
  (question: string, terms: readonly string[]) => askedShapes(question, new Set(terms)),
  (question, terms) => `${question}\u0000${terms.join(" ")}`,
);

/** The first shape the question asks for that the answer lacks. */
function lackedShape(question: string, terms: readonly string[], answer: string, names: NameFacts): Shape | "other" | undefined {
  if (
    asksSomeoneElse(question, answer, names) ||
    asksIfStill(question, answer, names) ||
    OTHER_WRITINGS.test(question) ||
    asksAfterDate(question, answer)
  )
    return "other";
  if (
    asksExactlyWhich(question, answer, names.common ?? new Set()) ||
    lacksCountry(question, answer, names) ||
    asksAnotherCountry(question, answer, names) ||
    asksWithinCountry(question, answer, names)
  )
    return "other";
  for (const shape of shapesOfQuestion(question, terms)) {
    if (shape === "which") {
      // The answer must name something the question did not: a proper noun; for a Chinese "那个平台
      // 叫啥？" or "哪几个省？", any name the knowledge lists; for "which cities…?", the kind of city.
      const chineseOnly = ZH_WHICH.test(question) && !WHICH.test(question);
      const named =
        newNames(answer, question, names.common ?? new Set()).length > 0 ||
        (chineseOnly
          ? (names.all ?? []).some((n) => answer.includes(n) && !question.includes(n)) || zhDescribesAsked(question, answer)
          : describesAsked(question, answer));
      if (!named) return shape;
      continue;
    }
    if (shape === "who" && (names.people?.test(answer) || (ASKS_OWNER.test(question) && namesFirmNotAsked(question, answer, names))))
      continue;
    if (!SHAPES[shape].test(answer)) return shape;
  }
  return undefined;
}

/**
 * "Who was CEO before Ms. Lee?", "who replaced Lee?", "who does Lee report to?": a "who" about someone other than the
 * person the answer names, who is named in the question as the one ruled out or as the subject.
 * No fact's own questions ask this way, so unlike "who" it is never excused by them (a fact about a
 * CEO is asked "who is the CEO?", which had let "who was CEO before him?" through). Found on the
 * blind near-miss probe's dev half (126 → 128 of 150 refused) and rounds 1–21's dev splits (+2
 * refused, nothing answered lost).
 */
function asksSomeoneElse(question: string, answer: string, names: NameFacts): boolean {
  const { ruledOut } = personSlots(question);
  return ruledOut.length > 0 && mentionsAnswersPerson(answer, names, ruledOut);
}

const EXACTLY = /\b(?:exactly|specifically|precisely|in particular)\b/i;
/**
 * "What fresh foods exactly…": "which" asked with "what", the thing it asks about (as WHICH_NOUN's).
 * Not "what kinda apps", which asks the kind, as "what kind of" does when it is not exact.
 */
const WHAT_NOUN = new RegExp(WHICH_NOUN.source.replace("\\bwhich", "\\bwhat(?!\\s+(?:kinda|sorta)\\b)"), "i");
/** "What kind of fresh food…": the thing a "what kind of" asks about. */
const KIND_NOUN = /\bwhat\s+(?:kinds?|types?|sorts?)\s+of\s+(?:\w+\s+)?(\w+)/i;

/**
 * "Which cities exactly…?", "what kind of fresh food exactly…?": the asker wants the instances,
 * named. An answer that mentions the thing only as a kind ("first-tier cities", "even fresh
 * foods") without naming one after it ("cities such as X", "offices in X") or before it ("the X
 * and Y marketplaces") does not answer. Of the labelled questions asking "which … exactly", all
 * but two are near-misses; on the dev splits four more were refused and one answered question
 * lost (a two-part message whose other half is the answered one).
 */
function asksExactlyWhich(question: string, answer: string, common: ReadonlySet<string>): boolean {
  if (!EXACTLY.test(question)) return false;
  const noun = (WHICH_NOUN.exec(question)?.[1] ?? KIND_NOUN.exec(question)?.[1] ?? WHAT_NOUN.exec(question)?.[1])?.toLowerCase();
  if (!noun) return false;
  const stemOf = noun.replace(/(?:ies|y)$/, "").replace(/s$/, "");
  const asked = question.toLowerCase();
  let mentioned = false;
  for (const m of answer.matchAll(new RegExp(`\\b${stemOf}[a-z]{0,3}\\b([^.;]{0,80})`, "gi"))) {
    mentioned = true;
    const named = /^\s*(?:such as|like|including|namely|:|\(|in|at|from)\s*([A-Z][\w-]+)/.exec(m[1] as string)?.[1]?.toLowerCase();
    if (named && !common.has(named) && !asked.includes(named)) return false;
  }
  // …or named right before it ("the Acme and Globex marketplaces").
  for (const m of answer.matchAll(new RegExp(`\\b([A-Z][\\w-]+)\\s+${stemOf}[a-z]{0,3}\\b`, "g"))) {
    const named = (m[1] as string).toLowerCase();
    if (!common.has(named) && !asked.includes(named)) return false;
  }
  // Not mentioned: the answer may still name instances of it ("one in France and one in Germany" for "which countries").
  return mentioned;
}

/** Whether any of the texts names a person the answer names, by any word of the name ("curie", "居里"). */
function mentionsAnswersPerson(answer: string, names: NameFacts, texts: readonly string[]): boolean {
  if (!names.people) return false;
  const parts = (answer.match(new RegExp(names.people.source, "gi")) ?? [])
    .flatMap((p) => p.toLowerCase().split(/[\s·・]+/))
    .filter((w) => w.length > 1);
  return texts.some((text) => parts.some((w) => text.toLowerCase().includes(w)));
}

/**
 * Where a question names a person as someone it does not ask about: the one ruled out ("before
 * Lee", "after Lee", "besides Lee", "Lee之前", "除了Lee还有谁"), the subject of "who does Lee report to?" (`ruledOut`); or the one
 * asked whether they are still in post ("is Lee still…", "Lee现在还在…", `stillInPost`). Read once
 * per question (every ranked fact is checked against it).
 */
function personSlots(question: string): PersonSlots {
  if (question === slotsOf[0]) return slotsOf[1];
  const lower = question.toLowerCase();
  const found = (...xs: (string | undefined)[]) => xs.filter((x): x is string => x !== undefined);
  const ruledOut = found(
    /\b(?:before|prior to|preceded|after|succeed|succeeded|succeeds|succeeding|replace|replaced|replaces|replacing|(?:took|take|takes|taking|taken) over from)\s+(?:mr\.?\s+|ms\.?\s+)?([a-z][\w.]*(?:\s+[a-z]+)?)/.exec(
      lower,
    )?.[1],
    /\b([a-z][\w.]*(?:\s+[a-z]+)?)['’]s\s+(?:successor|predecessor|replacement|boss|manager)\b/.exec(lower)?.[1],
    // "who else besides Lee…", "anyone other than Lee…", "除了Lee还有谁".
    /\b(?:besides|other than|apart from|aside from|except(?: for)?|excluding)\s+(?:mr\.?\s+|ms\.?\s+)?([a-z][\w.]*(?:\s+[a-z]+)?)/.exec(
      lower,
    )?.[1],
    /\bwhom?\s+(?:does|did|do|will|would|has|had|should)\s+(?:mr\.?\s+)?([a-z][\w.]*(?:\s+[a-z]+)?)\s+(?:report|answer|work|replace|succeed|hire|poach|bring|manage|lead|compete)/.exec(
      lower,
    )?.[1],
    // "李明之前的CEO是谁", "在Lee之前谁负责…", "Lee在公司向谁汇报".
    /谁|誰|哪位/.test(question)
      ? (/([\u4e00-\u9fffA-Za-z·]{2,12})(?:之前|以前|前任|之后|以后|接班|的继任|的接班人)/.exec(question.slice(0, SLOT_CHARS))?.[1] ??
          /除了([\u4e00-\u9fffA-Za-z· ]{2,16}?)(?:以外|之外|外)?(?:，|,|\s)?(?:还有|還有|另外|其他|别的|別的)/.exec(
            question.slice(0, SLOT_CHARS),
          )?.[1] ??
          /^(.{2,16}?)(?:向|跟|对|對)(?:谁|誰)(?:汇报|匯報|负责|負責)/.exec(question)?.[1])
      : undefined,
  );
  const stillInPost = found(
    /\b(?:is|are|was|does|did)\s+(?:mr\.?\s+|ms\.?\s+)?([a-z][\w.]*(?:\s+[a-z]+)?)\s+still\b/.exec(lower)?.[1] ??
      /\b([a-z][\w.]*(?:\s+[a-z]+)?)\s+(?:is\s+)?still\s+(?:working|at|with|in charge|the|running|leading|employed|writing|there)\b/.exec(
        lower,
      )?.[1],
    /^(.{2,16}?)(?:现在|現在|目前|如今)?(?:还在|還在|仍在|仍然|依然|依旧|依舊|是否仍|是否还|是否還)/.exec(question)?.[1],
  );
  slotsOf = [question, { ruledOut, stillInPost }];
  return slotsOf[1];
}
interface PersonSlots {
  ruledOut: string[];
  stillInPost: string[];
}
let slotsOf: [string, PersonSlots] = ["", { ruledOut: [], stillInPost: [] }];
/** A name ruled out ("…之前") is read in a question's opening only: a long message costs no more. */
const SLOT_CHARS = 200;

/**
 * "What other articles has Lee written?", "which other pieces did she edit?", "另外還寫過哪些…報導？" (a
 * Yunlin writer of round 115): writings beyond the
 * sources, which a knowledge file drawn from them cannot list. Every such labelled question is a
 * near-miss (23 in the labelled sets; "which other country got one?" asks about what a fact names).
 */
const OTHER_WRITINGS =
  /\b(?:what|which|any)\s+(?:other|more)\s+(?:articles?|pieces?|stories|posts?|reports?|columns?|books?|writings?)\b|(?:另外|其他|其它|别的|別的|还|還)(?:还|還)?(?:写|寫)(?:过|過)(?:哪些|什么|什麼|啥|其他|其它|别的|別的)|(?:其他|其它|别的|別的)(?:的)?(?:文章|报道|報導|报导|稿子|作品)/i;

/**
 * "Is Lee still the CEO?", "Lee现在还在公司吗": whether a person the answer names still holds a post
 * asks about after the source, which a dated source cannot say (as opposed to "who is the CEO
 * now?", answered as of the source, or "is the company still…?", what it was doing). Every such
 * labelled question is a near-miss: rounds 1–21 and 23–25 dev, and the blind near-miss probe.
 */
function asksIfStill(question: string, answer: string, names: NameFacts): boolean {
  const { stillInPost } = personSlots(question);
  return stillInPost.length > 0 && mentionsAnswersPerson(answer, names, stillInPost);
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const AFTER_DATE = new RegExp(
  `\\b(?:after|since|following|post)\\s+(?:the\\s+end\\s+of\\s+)?(${MONTHS.join("|")}|(?:19|20)\\d\\d)\\b`,
  "i",
);
const ZH_AFTER_DATE =
  /([一二三四五六七八九十]{1,2}|\d{1,2})\s*月份?(?:以后|以後|之后|之後|过后|過後|后来|後來)|((?:19|20)\d\d)\s*年(?:以后|以後|之后|之後|过后|過後)/u;
const ZH_MONTH_NUMBER: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};
/**
 * "How many shoppers after September?", 九月以后涨到多少了: what came after the month or year the
 * answer dates its figure to, which the answer cannot know.
 */
function asksAfterDate(question: string, answer: string): boolean {
  const en = AFTER_DATE.exec(question)?.[1]?.toLowerCase();
  if (en) return new RegExp(`\\b${en}\\b`, "i").test(answer);
  const zh = ZH_AFTER_DATE.exec(question);
  if (!zh) return false;
  if (zh[2]) return answer.includes(zh[2]);
  const month = /\d/.test(zh[1] as string) ? Number(zh[1]) : ZH_MONTH_NUMBER[zh[1] as string];
  return (
    month !== undefined && (new RegExp(`(?<!\\d)${month}\\s*月`).test(answer) || new RegExp(`\\b${MONTHS[month - 1]}\\b`, "i").test(answer))
  );
}

/**
 * "Which cities…?" is also answered by the kind of city ("China's biggest cities", "first-tier
 * cities"): the answer names the thing asked with a word that picks out which. A count ("20
 * provinces"), a bare mention ("apps made by startups") or the question's own word does not say which.
 */
function describesAsked(question: string, answer: string): boolean {
  const noun = WHICH_NOUN.exec(question)?.[1]?.toLowerCase();
  if (!noun) return false;
  const stemOf = noun.replace(/(?:ies|y)$/, "").replace(/s$/, "");
  // The question's own word does not pick out which: "which agricultural products…?" is not
  // answered by "agricultural products".
  const asked = new Set(question.toLowerCase().match(/[a-z][a-z'-]*/g));
  for (const m of answer.toLowerCase().matchAll(/([a-z][a-z'-]*)\s+(?=([a-z]+))/g)) {
    const [, before, word] = m as unknown as [string, string, string];
    if (
      word.startsWith(stemOf) &&
      word.length <= stemOf.length + 3 &&
      !STOP_WORDS.has(before) &&
      !NOT_WHICH.has(before) &&
      !asked.has(before)
    )
      return true;
  }
  return false;
}
/** The things a Chinese "哪些…?" asks for (城市 in 哪些城市), captured; "哪个城市" asks for one, by name. */
const ZH_WHICH_NOUN = /(?:哪|边|邊)(?:几|幾|些)(?:个|個|间|間|家|座)?(省|城市|国家|公司|平台|品牌|应用)/u;
/**
 * The same in Chinese: "哪些城市" is answered by "一线城市", the two characters before the noun saying
 * which, when the question does not already say them; not after a measure word or a determiner ("20个省",
 * "这些城市", "最大的城市").
 */
function zhDescribesAsked(question: string, answer: string): boolean {
  // Only the clause that asks: a guess offered after it (哪些城市啦，一线的吗) is what the answer
  // is to confirm, not words the question already says.
  const asked = simplified(question)
    .split(/[，,。？?！!；;]/)
    .find((clause) => ZH_WHICH_NOUN.test(clause));
  const noun = asked && ZH_WHICH_NOUN.exec(asked)?.[1];
  if (!asked || !noun) return false;
  for (let at = answer.indexOf(noun); at >= 2; at = answer.indexOf(noun, at + 1)) {
    const before = answer.slice(at - 2, at);
    if (/^[\u4e00-\u9fff]{2}$/u.test(before) && !/[的个個些这這那几幾多每各]/u.test(before) && !asked.includes(before)) return true;
  }
  return false;
}
/** Words before a noun that do not pick out which ones: determiners, prepositions, counts. */
const NOT_WHICH = new Set(["by", "across", "other", "many", "several", "some", "more", "new", "two", "three", "ten", "twenty"]);

/** For follow-ups: the shape a bare question word asks for ("how many?" → a number). */
export const INTENT_SHAPES: ReadonlyMap<string, RegExp> = new Map([
  ["who", SHAPES.who],
  ["many", SHAPES.many],
  ["much", SHAPES.much],
  ["when", SHAPES.when],
]);

/**
 * The thing a question counts ("how many employees", "多少员工"): a fact that never mentions it
 * cannot answer, however well it matches the rest ("how many employees work in the new offices?" is
 * not answered by the fact about the offices). Found on the persona dev sets: English out of scope
 * refused 91.1% to 92.2%, nothing in scope lost. (Extending it to "which"/"什么" lost in scope.)
 * In English it returns the noun phrase, up to four words: its last is the head noun.
 */
export function countedThing(question: string): string | undefined {
  return (COUNTED.exec(question.toLowerCase()) ?? ZH_COUNTED.exec(question))?.[1];
}
/**
 * What an answer counts: the words right after each number it states ("three new warehouses",
 * "12,000 delivery points", "两个仓库", "1 万个（10,000）配送站"). Not a year ("in 2015 the…"), nor a
 * Chinese number without its measure word (一线 is "front line", 一些 "some").
 */
export function countedPhrases(answer: string): string[] {
  return [...answer.matchAll(COUNTS), ...answer.matchAll(ZH_COUNTS)].map((m) => m[1] as string);
}
const NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen|hundred|thousand|million|billion";
const COUNTS = new RegExp(
  `(?:\\b(?:${NUMBER_WORDS})|(?<![\\d.,])(?!(?:19|20)\\d\\d\\b)\\d[\\d,.]*)\\s+((?:[a-z][\\w'-]*\\s+){0,2}[a-z][\\w'-]*)`,
  "gi",
);
const ZH_NUMERAL = "零〇一二两兩三四五六七八九十百千万萬亿億\\d";
/** A Chinese number with its measure word (an ordinal, 第一个, counts nothing), then up to six characters. */
const ZH_COUNTS = new RegExp(
  `(?<![第${ZH_NUMERAL}])[${ZH_NUMERAL}][${ZH_NUMERAL}\\s,.]*[个個大家间間座名位项項所条條](?:[（(][^）)]*[）)])?([^\\s${ZH_NUMERAL}\\p{P}]{1,6})`,
  "gu",
);
const NOT_COUNTED = "are|is|were|was|do|does|did|have|has|had|will|would|can|could|of|times|more|other|new|total|in|at|on";
/** After "how many": the counted word and up to three more of its noun phrase ("lil village service spots"). */
const COUNTED = new RegExp(
  `\\bhow many\\s+(?:of\\s+(?:the|its|their)\\s+)?(?!(?:${NOT_COUNTED})\\b)([a-z]{3,}(?:\\s+(?!(?:${NOT_COUNTED}|for|from|to|by|across|there|they|so)\\b)[a-z]+){0,3})`,
);
/** 多少 or 几 with a measure word ("几位人员"); not 哪几个 (which ones) nor 几个亿 (a sum in hundreds of millions). */
const ZH_COUNTED = /(?:多少(?:个|位|名|家|间|座)?|(?<!哪)[几幾](?:个|個|位|名|家|间|間|座)(?![亿億万萬千百]))([\u4e00-\u9fff]{2})/;

/**
 * The thing whose duration a question asks ("how long does it take to cook rice?", "how long will
 * delivery take?", "煲汤要多久"): when no fact knows it, "how long" alone must not find the one fact
 * that tells a length of time. Up to four words, as typed.
 */
export function timedThing(question: string): string | undefined {
  const q = question.toLowerCase();
  return (TIMED_TO.exec(q) ?? TIMED_TAKE.exec(q) ?? ZH_TIMED.exec(question))?.[1];
}
const TIMED_WORDS = "[a-z]+(?:\\s+[a-z]+){0,3}";
/** "how long does it take (me) to X", "how long to X", "how much time does it take to X", "how long for X". */
const TIMED_TO = new RegExp(
  `\\bhow (?:long|much time)\\s+(?:(?:(?:does|do|did|will|would|should|could|can|might)\\s+)?(?:it\\s+)?(?:usually\\s+|normally\\s+)?takes?\\s+(?:(?:me|you|us|them|someone|people)\\s+)?)?(?:to|for)\\s+(${TIMED_WORDS})`,
);
/** "how long does delivery take", "how long will the soup take". */
const TIMED_TAKE = new RegExp(`\\bhow long\\s+(?:does|do|did|will|would|should|could|can|might)\\s+(?!it\\b)(${TIMED_WORDS}?)\\s+take\\b`);
const ZH_TIMED = /([\u4e00-\u9fff]{2})(?:大约|大約|大概|约|約)?(?:要|需要|需时|需時|得|花)?(?:多久|多长时间|多長時間|多少时间|多少時間)/;

/**
 * "Who is the CEO of X?", "X's founder", "who runs X", "where is X headquartered?", "X的老板是谁",
 * "X的总部在哪": the firm whose chief or head office is asked about, as typed (in Chinese, with
 * whatever opens the sentence before it). Undefined when the question asks neither of a named firm.
 */
export function firmAskedAbout(question: string): string | undefined {
  const lower = question.toLowerCase();
  // The first way that matches, tried in order (the others are not run), then the Chinese one.
  let firm: string | undefined;
  for (const asked of ANY_FIRM_ASKED) {
    firm = asked.exec(lower)?.[1];
    if (firm) break;
  }
  firm ??= ZH_CHIEF.exec(question)?.[1];
  return firm && !NOT_A_FIRM.test(firm) ? firm : undefined;
}
/**
 * "Who is the CEO of X?", "where is X based?", "X的总部在哪": the forms of the organisation the
 * knowledge names (X, of however many words) whose chief or head office is asked about, if any. A
 * fact whose answer does not name it answers about someone else's chief or head office.
 */
export function namedFirmAskedAbout(question: string, names: NameFacts): readonly string[] | undefined {
  if (!names.organisations?.length) return undefined;
  const lower = question.toLowerCase();
  return firmPatterns(names.organisations).find(([, asked]) => asked.test(lower))?.[0];
}
const compiledFirms = new WeakMap<readonly (readonly string[])[], [readonly string[], RegExp][]>();
/** Each organisation's forms with one pattern for asking its chief or head office, built once per knowledge file. */
function firmPatterns(organisations: readonly (readonly string[])[]): [readonly string[], RegExp][] {
  let built = compiledFirms.get(organisations);
  if (!built) {
    built = organisations.map((forms) => {
      const firm = forms.map((f) => escapeRegExp(f.toLowerCase())).join("|");
      const asked = [
        ...chiefOrSeatAsked(`(?<![\\w-])(?:${firm})(?![\\w-])`, "(?:['’]s)?"),
        `(?:${firm})(?:的|嘅|之)?(?:${ZH_CHIEF_WORDS})`,
      ];
      return [forms, new RegExp(asked.join("|"))];
    });
    compiledFirms.set(organisations, built);
  }
  return built;
}
/** "huawei ceo name?", "netease headquarters": a word right before a chief's title or a head office, lower-cased. */
export function wordBeforeTitle(question: string): string | undefined {
  return new RegExp(`\\b([a-z][a-z]{3,})\\s+(?:${CHIEF}|${SEAT})\\b`).exec(question.toLowerCase())?.[1];
}
const SEAT = "headquarters|hq|head office|main office";
const CHIEF = "ceo|boss|head|chief executive|founders?|co-?founders?|chairman|chairwoman|president|owner|cfo|cto|coo";
/** Chinese words for a firm's chief or head office (lower case: a question is read lower-cased, or CEO is added). */
const ZH_CHIEF_WORDS =
  "老板|老闆|ceo|首席执行官|首席執行官|总裁|總裁|老总|老總|创始人|創始人|创办人|創辦人|董事长|董事長|掌门人|掌門人|一把手|话事人|話事人|总部|總部";
const ZH_CHIEF = new RegExp(`([\\u4e00-\\u9fffA-Za-z0-9]{1,8}?)(?:的|嘅|之)?(?:CEO|${ZH_CHIEF_WORDS})`);
/**
 * The ways an English question asks for a firm's chief or head office ("the CEO of X", "X's boss",
 * "who runs X", "where is X based", "is X headquartered in…"), around a pattern for the firm.
 */
function chiefOrSeatAsked(firm: string, possessive: string): string[] {
  return [
    `\\b(?:${CHIEF}|${SEAT})\\s+(?:of|at|for|over at)\\s+(?:the\\s+)?${firm}`,
    `${firm}${possessive}\\s+(?:${CHIEF}|${SEAT})\\b`,
    `\\bwho\\s+(?:runs|founded|owns|leads|heads|started|ran|is running|is leading|is heading)\\s+(?:the\\s+)?${firm}`,
    `\\b(?:where|which city)\\s+(?:is|are|was)\\s+(?:the\\s+)?${firm}\\s+(?:headquartered|based|located)\\b`,
    `\\b(?:is|are)\\s+${firm}\\s+(?:headquartered|based)\\s+in\\b`,
  ];
}
/** …around any one word, which each captures, tried in that order. */
const ANY_FIRM_ASKED = chiefOrSeatAsked("\\b([a-z0-9][\\w&-]*)", "['’]s").map((p) => new RegExp(p));
/** Words in a firm's place that name none: "the current CEO", "its founder", "现在的老板". */
const NOT_A_FIRM =
  /^(?:current|new|former|then|now|acting|first|second|third|their|its|his|her|this|that|our|your|my|company|firm|group|time|moment|helm|top|present|point|least|all|any|one|[\d]+|[\u4e00-\u9fff]*(?:现在|現在|目前|如今|当时|當時|以前|之前|现任|現任|新任|前任|新|前|他们|他們|它们|它們|他|她|它|该|該|这|這|那|本|贵|貴|公司|集团|集團))$/;

/**
 * Whether a word of four letters or more is the question's subject: after an auxiliary or a
 * preposition of place ("does pinduoduo…", "is meituan…", "at baidu") or as a possessor
 * ("huawei's offices"). Not a sentence's first word: that is as often slang or a typo ("abeg", "wuts").
 */
export function isSubjectOf(question: string, word: string): boolean {
  return (
    word.length >= 4 &&
    /^[a-z]+$/.test(word) &&
    new RegExp(`\\b(?:does|do|did|is|are|was|were|will|has|have|can|at)\\s+${word}\\b|\\b${word}['’]s\\b`, "i").test(question)
  );
}

/**
 * A firm typed as capital letters ("does JD help farmers", "is SAP in china", "JD's rural push"),
 * as the question's subject the way `isSubjectOf` reads one, lower-cased; undefined when there is
 * none or the whole message is in capitals (a shout, or ASL gloss: "STORE OPEN SUNDAY WHEN?").
 */
export function acronymSubjectOf(question: string): string | undefined {
  const letters = question.replace(/[^A-Za-z]/g, "");
  if (letters.replace(/[^A-Z]/g, "").length * 2 > letters.length) return undefined;
  const hit =
    /\b(?:does|do|did|is|are|was|were|will|has|have|can|at)\s+([A-Z]{2,5})(?:\.com)?\b(?!['’.-]\w)/.exec(question) ??
    /\b([A-Z]{2,5})(?:\.com)?['’]s\b/.exec(question);
  return hit?.[1]?.toLowerCase();
}
