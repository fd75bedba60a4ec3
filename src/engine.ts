import Fuse from "fuse.js";
import { citationFor } from "./citation.js";
import { type ConversationStoreOptions, createConversationStore } from "./conversation.js";
import type { About, Engine } from "./engine-api.js";
import { resolveFollowUp } from "./follow-up.js";
import type { Fact, Knowledge } from "./knowledge/schema.js";
import { readChat, stripMarkup } from "./match/chat.js";
import { answerProbability } from "./match/decide.js";
import { createMatcher, type Matcher, type MatchResult, type Scored } from "./match/fuse-matcher.js";
import { lacksAskedShape, type NameFacts, shapesAskedBy } from "./match/intent.js";
import { escapeRegExp, INTENT_WORDS, normalise } from "./match/normalise.js";
import { GENERIC_CAPABILITIES, messagesFor } from "./messages.js";
import type { Answer, AskOptions, Evidence, Explanation, Topic } from "./types.js";

/** Defaults, frozen in one place. The threshold is calibrated on the labelled set (see README). */
export const DEFAULTS = Object.freeze({
  /**
   * The decision's operating point: answer when the estimated probability that the top fact is
   * right reaches it. Chosen from the curve in the README (answered right against refused right).
   */
  threshold: 0.75,
  /** Two facts closer than this in probability (and both answerable) are "about equal". */
  ambiguityMargin: 0.01,
  maxQuestionLength: 1000,
});

export interface EngineOptions extends ConversationStoreOptions {
  knowledge: Knowledge;
  /** The decision's operating point (0..1); below it the engine refuses. */
  threshold?: number;
  ambiguityMargin?: number;
  /** Longer messages get a short "too long" reply. */
  maxQuestionLength?: number;
  /** Called for every question the engine could not answer (or found ambiguous): the curator's log. */
  onUnanswered?: (event: { question: string; platform: string; kind: Answer["kind"] }) => void;
}

export function createEngine(options: EngineOptions): Engine & { replaceKnowledge(k: Knowledge): void; warm(): void } {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const conversations = createConversationStore(options);
  let state = index(options.knowledge);
  let lastExplanation: Explanation | undefined;

  function index(knowledge: Knowledge) {
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
    const english = createMatcher(
      docs(false),
      refusals.filter((r) => !CJK.test(r)),
      prepare,
    );
    let full: Matcher | undefined;
    const chinese = (): Matcher => (full ??= createMatcher(docs(true), refusals, prepare));
    let completer: Fuse<{ q: string; id: string }> | undefined;
    const complete = (): Fuse<{ q: string; id: string }> =>
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
      ));
    const byId = new Map(facts.map((f) => [f.id, f]));
    const source = knowledge.sources[0];
    const say = messagesFor({
      subject: knowledge.bot?.subject,
      intro: knowledge.bot?.intro,
      publisher: source?.publisher,
      date: source?.date,
    });
    const asked = facts.map((f) => shapesAskedBy(f.questions));
    return { knowledge, facts, english, chinese, byId, complete, say, names: nameFacts(knowledge), asked, prepare };
  }

  type Responded = { answer: Answer; explanation?: Explanation; facts: Fact[] };
  /** Two answers to a two-part question, each with its own citation. */
  function combine(a: Answer, b: Answer): Answer {
    return {
      ...a,
      answer: `${a.answer}\n\n${b.answer}`,
      citations: [...a.citations, ...b.citations],
      confidence: Math.min(a.confidence, b.confidence),
      factIds: [...a.factIds, ...b.factIds],
      suggestions: [],
      kind: "fact",
    };
  }

  function respond(text: string, opts: AskOptions & { noSplit?: boolean }): Responded {
    // Checked before any work: a 100,000-character message costs nothing.
    if (text.length > settings.maxQuestionLength) {
      const lang = normalise(text.slice(0, 200)).chinese ? "zh" : "en";
      return { answer: reply(lang, "too-long", state.say[lang].tooLong(settings.maxQuestionLength)), facts: [] };
    }
    const reading = readChat(text);
    const n = normalise(reading.text, state.prepare);
    const lang = n.chinese ? "zh" : "en";
    const say = state.say[lang];
    const threshold = settings.threshold;
    const ctx = opts.conversationId ? conversations.get(opts.conversationId) : undefined;
    const rank = (q: typeof n, standalone = true, asked = reading.text) =>
      penaliseShape(asked, (q.chinese ? state.chinese() : state.english).match(q, 8, standalone), state);
    /** How likely answering with `r` is right, given the rest of the ranking. */
    const rightness = (m: MatchResult, r: Scored | undefined, other?: Scored): number =>
      r
        ? answerProbability({
            probability: r.score,
            runnerUp: other?.score ?? 0,
            coverage: r.coverage,
            missed: r.missed,
            refusal: m.refusal,
            specific: r.specific,
            shapeMissed: r.shapeMissed ?? false,
            chinese: m.normalised.chinese,
          })
        : 0;
    const decide = (m: MatchResult): boolean => !m.ranked[0]?.loneWord && rightness(m, m.ranked[0], m.ranked[1]) >= threshold;
    // A long message is prose: it is read once, as a whole. Splitting it into parts or trying other
    // readings would multiply the cost of the longest messages, and real two-part questions are short.
    const short = reading.text.length <= SHORT_MESSAGE;
    if (short && reading.parts.length === 2 && !opts.noSplit) {
      const both = reading.parts.map((part) => respond(part, { ...opts, conversationId: undefined, noSplit: true }));
      const [a, b] = both as [Responded, Responded];
      if (a.answer.answered && b.answer.answered && a.answer.factIds[0] !== b.answer.factIds[0])
        return { answer: combine(a.answer, b.answer), explanation: a.explanation, facts: [...a.facts, ...b.facts] };
      const one = a.answer.answered ? a : b.answer.answered ? b : undefined;
      if (one && a.answer.factIds[0] !== b.answer.factIds[0])
        return { ...one, answer: { ...one.answer, answer: `${say.partly}${one.answer.answer}` } };
    }
    const followUp = resolveFollowUp(text, n, ctx, { ...state, places: state.names.places }, rank);
    // Inside a conversation a one-word question ("the third?") is a normal follow-up.
    const standalone = !ctx?.lastFactIds.length;
    let result: MatchResult = followUp?.result ?? rank(n, standalone);
    // The lead-in clause or the sentence of context may be what names the subject: "As a rural
    // buyer, what is the company promising me?". Try the fuller readings when the focused one fails.
    if (!followUp && !decide(result))
      for (const alt of reading.alternatives.filter((a) => a.length <= SHORT_MESSAGE)) {
        const r = rank(normalise(alt, state.prepare), standalone, alt);
        if (decide(r)) {
          result = r;
          break;
        }
      }
    // A greeting, "help", or words that say nothing: what the bot can do, unless the knowledge
    // itself answers exactly that (a file of chat intents has facts for "hi" and "thanks").
    if (!followUp && (n.terms.every((t) => INTENT_WORDS.has(t)) || ABOUT_THE_BOT.test(reading.text)) && !decide(result))
      return { answer: reply(lang, "help", say.empty, defaultSuggestions(lang)), facts: [] };
    const [top, second] = result.ranked;
    const explanation: Explanation = {
      question: text,
      normalised: result.terms,
      threshold,
      ...(top && { matched: evidenceOf(top) }),
      ...(second && { runnerUp: evidenceOf(second) }),
      refusal: round(result.refusal),
      decision: round(rightness(result, top, second)),
      ...(followUp && { context: followUp.why }),
    };
    // "Europe or Asia?": each side answered by a different fact is a question of which was meant
    // (an explicit choice, so it wins over the conversation's context).
    const sides = !short ? [] : reading.text.split(/\s+(?:or|vs\.?|versus)\s+|还是|或者/i);
    if (sides.length === 2) {
      const [ra, rb] = sides.map((side) => rank(normalise(side, state.prepare), true, side));
      const [a, b] = [ra?.ranked[0], rb?.ranked[0]];
      // "…fresh food from France or Italy?" lists two names inside one question: when the whole
      // question confidently picks one side's fact, that is the answer, not a choice.
      const [longer, shorter] = ra && rb && ra.terms.length >= rb.terms.length ? [a, rb] : [b, ra];
      const listed =
        !followUp &&
        decide(result) &&
        result.ranked[0]?.factIndex === longer?.factIndex &&
        (shorter?.terms.length ?? 0) <= 1 &&
        ((longer === a ? ra : rb)?.terms.length ?? 0) >= 3;
      if (a && b && ra && rb && a.factIndex !== b.factIndex && decide(ra) && decide(rb) && !listed)
        return {
          answer: clarify(
            lang,
            [a, b].map((r) => state.facts[r.factIndex] as Fact),
            Math.min(a.score, b.score),
          ),
          explanation,
          facts: [],
        };
    }
    // A follow-up's candidates are already narrowed to what was just discussed: its pick stands
    // unless the words themselves say it is about something else.
    const answerable = followUp ? !!top && top.coverage >= 0.5 && top.missed < 1.5 && !top.shapeMissed : decide(result);
    if (!top || !answerable) {
      const suggestions = suggestionsFrom(result, lang);
      return { answer: reply(lang, "out-of-scope", say.outOfScope, suggestions, top?.score ?? 0), explanation, facts: [] };
    }
    let fact = state.facts[top.factIndex] as Fact;
    const other = second && (state.facts[second.factIndex] as Fact);
    // A part and the overview that lists it are not two meanings: answer the specific one.
    if (other && top.score - (second?.score ?? 0) < settings.ambiguityMargin && isParentOf(fact, other, state.knowledge.bot?.overview))
      fact = other;
    else if (
      second &&
      other &&
      top.score - second.score < settings.ambiguityMargin &&
      second.coverage >= 0.5 &&
      !followUp &&
      !isParentOf(other, fact, state.knowledge.bot?.overview)
    )
      return { answer: clarify(lang, [fact, other], top.score), explanation, facts: [] };
    const body = lang === "zh" && fact.answer_zh ? fact.answer_zh : fact.answer;
    const related = (fact.related ?? []).map((id) => state.byId.get(id)).filter((f): f is Fact => !!f);
    const answer: Answer = {
      answered: true,
      answer: (n.asksAboutNow ? say.asOf(sourceOf(fact)?.date) : "") + body,
      citations: [citationFor(state.knowledge, fact)],
      confidence: round(followUp ? Math.min(1, top.score) : rightness(result, top, second)),
      suggestions: related.slice(0, 3).map((f) => questionOf(f, lang)),
      kind: fact.id === state.knowledge.bot?.overview ? "overview" : "fact",
      factIds: [fact.id],
      language: lang,
    };
    return { answer, explanation, facts: [fact] };
  }

  /** "Which did you mean?", with each fact's first question as the way to pick it. */
  function clarify(lang: "en" | "zh", facts: Fact[], confidence: number): Answer {
    const choices = facts.map((f) => ({ factId: f.id, question: questionOf(f, lang) }));
    const answer = reply(
      lang,
      "clarify",
      state.say[lang].clarify,
      choices.map((c) => c.question),
      confidence,
    );
    return { ...answer, choices };
  }

  function reply(lang: "en" | "zh", kind: Answer["kind"], text: string, suggestions: string[] = [], confidence = 0): Answer {
    return {
      answered: false,
      answer: text,
      citations: [],
      confidence: round(Math.min(1, confidence)),
      suggestions,
      kind,
      factIds: [],
      language: lang,
    };
  }

  function evidenceOf(r: Scored): Evidence {
    return {
      factId: state.facts[r.factIndex]?.id ?? "",
      probability: round(r.score),
      coverage: round(r.coverage),
      similarity: round(r.index),
      specific: r.specific,
      shapeMissed: r.shapeMissed ?? false,
      missed: round(Math.min(r.missed, 99)),
      terms: r.matched,
    };
  }

  function sourceOf(f: Fact) {
    return state.knowledge.sources.find((s) => s.id === f.source);
  }

  function questionOf(f: Fact, lang: "en" | "zh"): string {
    return (lang === "zh" ? f.questions_zh?.[0] : undefined) ?? (f.questions[0] as string);
  }

  function defaultSuggestions(lang: "en" | "zh" = "en"): string[] {
    const ids = state.knowledge.bot?.suggestions ?? [];
    const picks = ids.map((id) => state.byId.get(id)).filter((f): f is Fact => !!f);
    return (picks.length ? picks : state.facts.slice(0, 4)).map((f) => questionOf(f, lang));
  }

  /** Near misses first (facts that shared some words), then the big picture. */
  function suggestionsFrom(result: MatchResult, lang: "en" | "zh"): string[] {
    const near = result.ranked
      .filter((r) => r.score >= settings.threshold / 2)
      .map((r) => questionOf(state.facts[r.factIndex] as Fact, lang));
    return [...new Set([...near, ...defaultSuggestions(lang)])].slice(0, 4);
  }

  return {
    answer(text: string, opts: AskOptions = {}): Answer {
      const safe = typeof text === "string" ? text : String(text ?? "");
      const { answer, explanation, facts } = respond(safe, opts);
      if (!answer.answered && (answer.kind === "out-of-scope" || answer.kind === "clarify"))
        options.onUnanswered?.({
          // Markup gone: no user, channel or role id reaches the curator's log, even inside the text.
          question: stripMarkup(safe.slice(0, settings.maxQuestionLength)).replace(/\s+/g, " "),
          platform: opts.platform ?? "unknown",
          kind: answer.kind,
        });
      if (opts.conversationId) {
        const prev = conversations.get(opts.conversationId);
        const lastFactIds = facts.length ? facts.map((f) => f.id) : (prev?.lastFactIds ?? []);
        conversations.set(opts.conversationId, {
          lastFactIds,
          shown: [...new Set([...(prev?.shown ?? []), ...facts.map((f) => f.id)])],
          choices: answer.choices?.map((c) => c.factId) ?? [],
          explanation,
        });
      }
      lastExplanation = explanation;
      return answer;
    },
    complete(partial: string, limit = 25): string[] {
      const max = Math.max(0, Math.min(limit, 25));
      const text = String(partial ?? "")
        .slice(0, 200)
        .trim();
      if (!text) return [...defaultSuggestions(), ...state.facts.map((f) => questionOf(f, "en"))].filter(unique).slice(0, max);
      // One suggestion per fact, its best-matching wording, best fact first: 25 slots show 25
      // different answers, not four wordings of each of six.
      const seen = new Set<string>();
      const out: string[] = [];
      for (const r of state.complete().search(text)) {
        if (out.length >= max) break;
        if (seen.has(r.item.id)) continue;
        seen.add(r.item.id);
        out.push(r.item.q);
      }
      return out;
    },
    topics(): Topic[] {
      return (state.knowledge.topics ?? []).map((t) => ({
        id: t.id,
        title: t.title,
        examples: state.facts
          .filter((f) => f.topic === t.id)
          .map((f) => f.questions[0] as string)
          .slice(0, 4),
      }));
    },
    about(): About {
      const s = state.knowledge.sources[0];
      return {
        title: s?.title ?? "",
        publisher: s?.publisher ?? "",
        author: s?.author ?? "",
        date: s?.date ?? "",
        url: s?.url ?? "",
        can: state.knowledge.bot?.can ?? GENERIC_CAPABILITIES.can,
        cannot: state.knowledge.bot?.cannot ?? GENERIC_CAPABILITIES.cannot,
      };
    },
    explain(conversationId?: string): Explanation | undefined {
      if (conversationId) return conversations.get(conversationId)?.explanation as Explanation | undefined;
      return lastExplanation;
    },
    exportConversation(conversationId: string) {
      const c = conversations.get(conversationId);
      return c && { lastFactIds: c.lastFactIds, shown: c.shown, choices: c.choices };
    },
    importConversation(conversationId: string, snapshot) {
      const ids = (xs: unknown) =>
        Array.isArray(xs) ? xs.filter((x): x is string => typeof x === "string" && state.byId.has(x)).slice(0, 50) : [];
      conversations.set(conversationId, {
        lastFactIds: ids(snapshot?.lastFactIds),
        shown: ids(snapshot?.shown),
        choices: ids(snapshot?.choices),
      });
    },
    get factCount() {
      return state.facts.length;
    },
    replaceKnowledge(knowledge: Knowledge) {
      state = index(knowledge);
    },
    warm() {
      state.chinese();
      state.complete();
    },
  };
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
  return { common, ...(people && { people }), ...(places && { places }) };
}

/** How many of each fact's questions (per language) autocomplete offers. */
const COMPLETION_PER_FACT = 6;

/** True when `general` is the knowledge's overview fact and `specific` one of the parts it lists as related. */
function isParentOf(general: Fact, specific: Fact, overview: string | undefined): boolean {
  return general.id === overview && (general.related ?? []).includes(specific.id);
}

/** Facts whose answer lacks the shape the question asks for ("how many" → a number) drop down. */
function penaliseShape(
  question: string,
  result: MatchResult,
  { facts, names, asked }: { facts: Fact[]; names: NameFacts; asked: Set<string>[] },
): MatchResult {
  const ranked = result.ranked
    .map((r) => {
      const f = facts[r.factIndex] as Fact;
      const answer = result.normalised.chinese ? (f.answer_zh ?? f.answer) : f.answer;
      return lacksAskedShape(question, result.terms, answer, asked[r.factIndex], names)
        ? { ...r, score: r.score * SHAPE_PENALTY, shapeMissed: true }
        : r;
    })
    .sort((a, b) => b.score - a.score);
  return { ...result, ranked };
}
const SHAPE_PENALTY = 0.5;
/** Questions about the bot itself get the help reply, not a fact that shares a word ("your name"). */
const ABOUT_THE_BOT =
  /^\W*(hey\W+|hi\W+|hello\W+)?(bot\W+)?(help|what can you do|what do you know|who are you|what are you|what('?s| is) (your|ur) name|(your|ur) name|how are you( doing)?|are (you|u) (a |an )?(bot|robot|human|real|ai)|你是谁|你能做什么|帮助)(\W*today)?\W*$/i;
const CJK = /[\u3400-\u9fff]/;
/** Messages up to this many characters may be split into two questions or read more than one way. */
const SHORT_MESSAGE = 300;
const round = (x: number) => Math.round(x * 1000) / 1000;
const unique = <T>(v: T, i: number, a: T[]) => a.indexOf(v) === i;
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What follow-up resolution may read of the engine's current knowledge. */
export type EngineState = { facts: Fact[]; byId: Map<string, Fact>; places?: RegExp | undefined };
