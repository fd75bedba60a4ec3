/** The real engine over the real knowledge file, as the end-to-end Discord tests use it. */

import { loadKnowledgeFile } from "../../app/knowledge-file.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../../app/knowledge-path.js";
import { createEngine, type Engine } from "../../src/index.js";

export function realEngine(): Engine {
  return createEngine({ knowledge: loadKnowledgeFile(DEFAULT_KNOWLEDGE_PATH) });
}

/** Questions the tests ask; what they expect back is always computed by a real engine, not written here. */
export const IN_SCOPE = "Where did Alibaba open offices in Europe?";
export const OUT_OF_SCOPE = "Who is Alibaba's chairman?";
