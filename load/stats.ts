/** The few statistics the load scenarios report. */

/** The p-th percentile (nearest rank) of `xs`, or NaN when there are none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** `x` rounded to `digits` decimals. */
export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** A figure for a table: one decimal, or "n/a" when it could not be measured. */
export const fixed = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : "n/a");

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
