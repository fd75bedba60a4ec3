import { z } from "zod";

/**
 * The core's settings from the environment, parsed once at start with zod. Empty values count as
 * unset (a copied .env.example has many). Each adapter parses its own platform variables.
 */
const optionalNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : Number(v)),
    z
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .optional(),
  );

export const CoreConfigSchema = z.object({
  KNOWLEDGE_PATH: z.string().optional(),
  LOG_LEVEL: z.preprocess(
    (v) => (v === "" ? undefined : typeof v === "string" ? v.toLowerCase() : v),
    z.enum(["debug", "info", "warn", "error", "silent"], { message: "must be one of debug, info, warn, error, silent" }).optional(),
  ),
  UNANSWERED_LOG: z.string().optional(),
  // 10,000 characters of the most hostile text take about 0.1 s to answer; longer ones hold the
  // event loop long enough to delay other users' replies (see the README's limits).
  MAX_QUESTION_LENGTH: optionalNumber(10, 10_000),
  CONVERSATION_IDLE_MS: optionalNumber(1000, 7 * 24 * 3600 * 1000),
  MAX_CONVERSATIONS: optionalNumber(1, 10_000_000),
  RATE_LIMIT_BURST: z.union([z.literal("off"), z.literal(""), z.string().regex(/^\d+$/, 'must be a whole number or "off"')]).optional(),
  RATE_LIMIT_PER_SECOND: z.union([z.literal(""), z.string().regex(/^\d+(\.\d+)?$/, "must be a number")]).optional(),
});

export type CoreConfig = z.infer<typeof CoreConfigSchema>;

/** Parses the core settings; every problem is named with its variable, never its value. */
export function parseCoreConfig(
  env: Record<string, string | undefined>,
): { ok: true; config: CoreConfig } | { ok: false; problems: string[] } {
  const r = CoreConfigSchema.safeParse(env);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${String(i.path[0])} ${i.message}`) };
}
