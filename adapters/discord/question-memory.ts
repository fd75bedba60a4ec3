import { LRUCache } from "lru-cache";

/**
 * Remembers which question each button's custom_id key stands for. Bounded, because every reply
 * adds keys and a busy bot must not grow without limit; the least recently used keys go first. A key
 * forgotten (or lost in a restart) falls back to the button's label, so old buttons still mostly work.
 */
export class QuestionMemory {
  readonly #keys: LRUCache<string, string>;
  constructor(readonly capacity = 5000) {
    this.#keys = new LRUCache({ max: capacity });
  }

  remember(questions: Map<string, string>): void {
    for (const [key, question] of questions) this.#keys.set(key, question);
  }

  resolve(key: string): string | undefined {
    return this.#keys.get(key);
  }

  get size(): number {
    return this.#keys.size;
  }
}
