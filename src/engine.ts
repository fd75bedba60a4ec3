import type { About, Answered, Engine, Topic, Turn } from "./contract.js";
import type { Knowledge } from "./knowledge/schema.js";
import { indexKnowledge } from "./knowledge-index.js";
import { loadDictionary } from "./match/dictionary.js";
import { loadTagger } from "./match/parts-of-speech.js";
import { GENERIC_CAPABILITIES } from "./messages.js";
import { cleanTurn, defaultSuggestions, nextTurn, questionOf, respond, type Settings } from "./respond.js";

/** Defaults, frozen in one place. The threshold is calibrated on the labelled sets (see README). */
export const DEFAULTS = Object.freeze({
  /**
   * The decision's operating point: answer when the estimated probability that the top fact is
   * right reaches it. Chosen from the curve in the README (answered right against refused right):
   * 0.5 until the classifier read word vectors, whose surer ranking (CLINC150 val: the right intent
   * first for 93.6% of questions, from 91.5%) lets it answer lower.
   */
  threshold: 0.3,
  /** Two facts closer than this in probability (and both answerable) are "about equal". */
  ambiguityMargin: 0.01,
  maxQuestionLength: 1000,
});

export interface EngineOptions {
  knowledge: Knowledge;
  /** The decision's operating point (0..1); below it the engine refuses. */
  threshold?: number;
  ambiguityMargin?: number;
  /** Longer messages get a short "too long" reply, unread. */
  maxQuestionLength?: number;
  /**
   * Each source's text by source id (the app reads the files a source's `text` names), so citation
   * links are built from the page's paragraphs; without it they link the quote alone.
   */
  sourceTexts?: Readonly<Record<string, string>>;
}

/**
 * Builds the engine for one knowledge file. The engine holds only what it derives from the file;
 * a new file means a new engine (the app swaps it in on hot reload).
 *
 * @example
 * const engine = createEngine({ knowledge });
 * const { answer, turn } = engine.answer("Who leads the push abroad?");
 */
export function createEngine(options: EngineOptions): Engine {
  const { knowledge, sourceTexts, ...tuning } = options;
  const settings: Settings = { ...DEFAULTS, ...definedOnly(tuning) };
  const ix = indexKnowledge(knowledge, sourceTexts);

  return {
    answer(text: string, previous?: Turn): Answered {
      const safe = typeof text === "string" ? text : String(text ?? "");
      const ctx = cleanTurn(ix, previous);
      const { answer, facts } = respond(ix, settings, safe, ctx);
      return { answer, turn: nextTurn(ctx, answer, facts) };
    },
    complete(partial: string, limit = 25): string[] {
      const max = Math.max(0, Math.min(limit, 25));
      const text = String(partial ?? "")
        .slice(0, 200)
        .trim();
      if (!text) return [...new Set([...defaultSuggestions(ix), ...ix.facts.map((f) => questionOf(f, "en"))])].slice(0, max);
      // One suggestion per fact, its best-matching wording, best fact first: 25 slots show 25
      // different answers, not four wordings of each of six.
      const seen = new Set<string>();
      const out: string[] = [];
      for (const r of ix.complete().search(text)) {
        if (out.length >= max) break;
        if (seen.has(r.item.id)) continue;
        seen.add(r.item.id);
        out.push(r.item.q);
      }
      return out;
    },
    topics(): Topic[] {
      return (ix.knowledge.topics ?? []).map((t) => ({
        id: t.id,
        title: t.title,
        examples: ix.facts
          .filter((f) => f.topic === t.id)
          .map((f) => f.questions[0] as string)
          .slice(0, 4),
      }));
    },
    about(): About {
      const s = ix.knowledge.sources[0];
      return {
        title: s?.title ?? "",
        publisher: s?.publisher ?? "",
        author: s?.author ?? "",
        date: s?.date ?? "",
        url: s?.url ?? "",
        can: ix.knowledge.bot?.can ?? GENERIC_CAPABILITIES.can,
        cannot: ix.knowledge.bot?.cannot ?? GENERIC_CAPABILITIES.cannot,
      };
    },
    get factCount() {
      return ix.facts.length;
    },
    warm() {
      ix.chinese();
      ix.complete();
      loadTagger();
      loadDictionary();
    },
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
