/**
 * Remembers which question each button's custom_id key stands for. Bounded, because every reply
 * adds keys and a busy bot must not grow without limit; the oldest keys go first. A key forgotten
 * (or lost in a restart) falls back to the button's label, so old buttons still mostly work.
 */
export class QuestionMemory {
  readonly #keys = new Map<string, string>();
  constructor(readonly capacity = 5000) {}

  remember(questions: Map<string, string>): void {
    for (const [key, question] of questions) {
      // Re-inserting moves a key to the newest end, so questions in use stay.
      this.#keys.delete(key);
      this.#keys.set(key, question);
    }
    while (this.#keys.size > this.capacity) {
      const oldest = this.#keys.keys().next().value;
      if (oldest === undefined) break;
      this.#keys.delete(oldest);
    }
  }

  resolve(key: string): string | undefined {
    return this.#keys.get(key);
  }

  get size(): number {
    return this.#keys.size;
  }
}
