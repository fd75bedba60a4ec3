import type { Turn } from "./contract.js";
import type { Fact } from "./knowledge/schema.js";
import type { MatchResult, Scored } from "./match/fuse-matcher.js";
import { INTENT_SHAPES } from "./match/intent.js";
import { INTENT_WORDS, type Normalised, normalise } from "./match/normalise.js";

const MORE =
  /^\s*(and\s*)?(tell me more|more|more please|go on|continue|keep going|elaborate|more details?|details?|what else|anything else|and|then what|and then|more info|say more|展开说说|详细(说说|一点|点)?|还有(呢|吗|什么)?|更多|继续|然后呢)[\s?？!.。]*$/i;
// …and asking what the thing just named is for: "what are they for?", "what's the point?", 有什么用.
const WHY =
  /^\s*(and\s*)?(why|how come|why so|why is that|what for|what(?:'s| is| are| was| were) (?:it|they|that|those|these|this|them) (?:for|used for|meant for)|what(?:'s| is) the (?:point|purpose|idea)(?: of (?:it|that|them|those|this))?|为什么|为啥|为何|(?:那|这|它们?|那些|这些)?(?:有(?:什么|啥)用|是?干嘛用的|用来干嘛的?))[\s?？!.。]*$/i;
/** Words that point back at what was just discussed. */
// Not "there" ("is there…?"), "they" (mostly the company itself) nor "this" ("who wrote this?": the article).
const ANAPHORA =
  /\b(it|its|he|him|his|she|her)\b|\b(that|these|those)\b(?=\s*([?.!]|$|(is|was|are|were|does|did|do|has|have|mean|about|for)\b))|它|他|她|这个|那个|这些|那些|其/i;
/** An answer that says where: "in Paris", a blog; the knowledge's own places are added per file. */
const WHERE = /\b(in|at|outside|on) (its |the )?[A-Z]|blog|博客/;
/** How strong a match must be for a question with a pronoun to stand alone. */
const STANDALONE_SCORE = 0.8;
/** The boost a fact gets for being related to (or on the same topic as) the last answer. */
const CONTEXT_BOOST = 0.15;

/** What follow-up resolution reads of the knowledge. */
export interface FollowUpView {
  facts: Fact[];
  byId: Map<string, Fact>;
  /** The knowledge's place names, for "where?" after an answer. */
  places?: RegExp | undefined;
}

/** Ranks a normalised question against the knowledge (`standalone` false: inside a conversation). */
export type Ranker = (n: Normalised, standalone?: boolean) => MatchResult;

/**
 * Resolves a follow-up ("tell me more", "why?", "who leads it?", "how many?", a number picking one
 * of the offered choices) against the conversation; undefined when the question stands alone.
 */
export function resolveFollowUp(
  text: string,
  n: Normalised,
  ctx: Turn | undefined,
  state: FollowUpView,
  rank: Ranker,
): { result: MatchResult; why: string } | undefined {
  if (!ctx) return undefined;
  const pick = text.trim().match(/^#?(\d{1,2})[.)]?$/);
  if (pick && ctx.choices.length) {
    const id = ctx.choices[Number(pick[1]) - 1];
    if (id) return only(state, n, id, `picked option ${pick[1]} of the last reply`);
  }
  // A choice's own question (what a choice button sends) picks it, whatever else it might match.
  const asked = comparable(text);
  const chosen = ctx.choices.find((id) => {
    const f = state.byId.get(id);
    return f && [f.questions[0], f.questions_zh?.[0]].some((q) => q !== undefined && comparable(q) === asked);
  });
  if (chosen) return only(state, n, chosen, `asked option "${text.trim()}" of the last reply`);
  const last = ctx.lastFactIds[0] ? state.byId.get(ctx.lastFactIds[0]) : undefined;
  if (!last) return undefined;
  const related = (last.related ?? []).filter((id) => state.byId.has(id));
  if (MORE.test(text) || WHY.test(text)) {
    const next = related.find((id) => !ctx.shown.includes(id)) ?? related[0];
    return next ? only(state, n, next, `"${text.trim()}" after ${last.id}: its next related fact`) : undefined;
  }
  const contentTerms = n.terms.filter((t) => !INTENT_WORDS.has(t));
  if (contentTerms.length === 0) {
    // "how many?", "who?": the last fact or a related one whose answer has that shape.
    const intent = n.terms.find((t) => INTENT_SHAPES.has(t)) ?? (n.terms.includes("where") ? "where" : undefined);
    const shape = intent === "where" ? WHERE : intent ? INTENT_SHAPES.get(intent) : undefined;
    const places = intent === "where" ? state.places : undefined;
    const candidates = [last.id, ...related].map((id) => state.byId.get(id)).filter((f): f is Fact => !!f);
    const says = (f: Fact) => !!shape && (shape.test(f.answer) || !!places?.test(f.answer) || !!places?.test(f.answer_zh ?? ""));
    const hit = candidates.find(says);
    return hit ? only(state, n, hit.id, `"${text.trim()}" after ${last.id}`) : undefined;
  }
  // "who leads that effort?": the noun after "that" names what was just discussed; leave it out.
  const pointer = text.match(
    /\b(that|this|these|those)\s+(?!(article|piece|story|post|report|news|source|year)\b)[\p{L}-]+\s*[?？.!。]*\s*$/iu,
  );
  // Chinese drops the pronoun ("谁负责？" is "who leads it?"): a one-word Chinese question points back too.
  const pronoun = ANAPHORA.test(text) || Boolean(pointer) || (n.chinese && contentTerms.filter((t) => !t.includes("_")).length <= 1);
  if (!pronoun && contentTerms.length > 2) return undefined;
  const base = pointer ? rank(normalise(text.slice(0, pointer.index)), false) : rank(n, false);
  const isNear = (f: Fact) => f.id === last.id || related.includes(f.id) || (f.topic !== undefined && f.topic === last.topic);
  const boosted = base.ranked
    // "it", "they", "that" point at what was just discussed: only facts near it may answer.
    .filter((r) => !pronoun || isNear(state.facts[r.factIndex] as Fact))
    .map((r): Scored => {
      const boost = isNear(state.facts[r.factIndex] as Fact) ? CONTEXT_BOOST : 0;
      return { ...r, score: r.score + boost };
    })
    .sort((a, b) => b.score - a.score);
  if (!pronoun && boosted[0]?.factIndex === base.ranked[0]?.factIndex && boosted[0]?.score === base.ranked[0]?.score) return undefined;
  // "Is it true the company is fighting fake goods?": a pronoun, but the question names its subject in
  // full. When a fact elsewhere matches two or more of its words strongly, it stands alone.
  const alone = base.ranked[0];
  if (
    pronoun &&
    alone &&
    alone.score >= STANDALONE_SCORE &&
    alone.matched.filter((t) => !INTENT_WORDS.has(t) && !t.includes("_")).length >= 2 &&
    !boosted.some((r) => r.score >= alone.score)
  )
    return undefined;
  return { result: { ...base, ranked: boosted }, why: `${pronoun ? "a pronoun refers to" : "boosted facts related to"} ${last.id}` };
}

function only(state: FollowUpView, n: Normalised, id: string, why: string): { result: MatchResult; why: string } {
  const factIndex = state.facts.findIndex((f) => f.id === id);
  return {
    result: {
      normalised: n,
      terms: n.terms,
      ranked: [{ factIndex, score: 1, matched: [], index: 1, coverage: 1, missed: 0, specific: 0, loneWord: false }],
      refusal: 0,
      mash: false,
    },
    why,
  };
}

/** A question as compared with an offered choice: case, spacing and closing punctuation aside. */
const comparable = (q: string): string =>
  q
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[?？.!。！\s]+$/u, "");
