/** What the engine remembers about one conversation. */
export interface ConversationState {
  /** Facts stated in the last answer, most relevant first. */
  lastFactIds: string[];
  /** Every fact already shown in this conversation (for "tell me more"). */
  shown: string[];
  /** The options offered by the last "which did you mean?" reply. */
  choices: string[];
  /** How the last answer was chosen (for `:why`). */
  explanation?: unknown;
  updatedAt: number;
}

export interface ConversationStoreOptions {
  /** Forget a conversation after this long without a message (ms). Default 30 minutes. */
  idleMs?: number;
  /** Keep at most this many conversations; the least recently used go first. Default 10,000. */
  maxConversations?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * Conversation context keyed by an id the adapter supplies, bounded in memory (least recently used
 * go first) and expiring after an idle time. A Map keeps insertion order, so re-inserting on each
 * access makes its first key the least recently used.
 */
export function createConversationStore(options: ConversationStoreOptions = {}) {
  const idleMs = options.idleMs ?? 30 * 60_000;
  const max = options.maxConversations ?? 10_000;
  const now = options.now ?? Date.now;
  const states = new Map<string, ConversationState>();

  return {
    get(id: string): ConversationState | undefined {
      const state = states.get(id);
      if (!state) return undefined;
      if (now() - state.updatedAt > idleMs) {
        states.delete(id);
        return undefined;
      }
      return state;
    },
    set(id: string, state: Omit<ConversationState, "updatedAt">): void {
      states.delete(id);
      states.set(id, { ...state, updatedAt: now() });
      while (states.size > max) {
        const oldest = states.keys().next().value;
        if (oldest === undefined) break;
        states.delete(oldest);
      }
    },
    get size() {
      return states.size;
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
