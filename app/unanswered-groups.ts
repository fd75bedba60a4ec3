/**
 * Groups term sets by Jaccard similarity: each set joins the oldest group whose first set is at
 * least `threshold` similar, else starts a new group. Returns each group's member indices, oldest
 * group first.
 *
 * Comparing every set with every group is quadratic (50,000 log lines took 72 s). Prefix filtering,
 * the standard set-similarity join, makes it near-linear: order terms rarest first; two sets with
 * Jaccard >= t always share a term among the first |s| - ceil(t·|s|) + 1 of each, so a set is
 * compared only with groups that share one of its rarest terms, and identical sets are looked up.
 * A set is compared with at most MAX_CHECKS groups, which bounds the work even when thousands of
 * groups share a rare-looking term (it may then start a group of its own: a split, never a merge).
 */
export function groupNearDuplicates(
  sets: readonly (readonly string[])[],
  threshold: number,
  /** Counts the similarity computations (for tests of the growth, which must stay near-linear). */
  stats: { comparisons: number } = { comparisons: 0 },
): number[][] {
  // Terms become numbers, rarest first: sets are sorted number arrays, compared by merging.
  const frequency = new Map<string, number>();
  for (const set of sets) for (const t of new Set(set)) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const rank = new Map(
    [...frequency.keys()]
      .sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
      .map((t, i) => [t, i]),
  );

  const groups: number[][] = [];
  const firsts: Int32Array[] = [];
  const byPrefixTerm: number[][] = [];
  const byExactSet = new Map<string, number>();
  // Which findHome call last compared each group (so a group is compared once per call).
  const checkedFor = new Int32Array(sets.length);
  let call = 0;

  sets.forEach((set, index) => {
    const sorted = Int32Array.from(new Set(set), (t) => rank.get(t) ?? 0).sort();
    const key = sorted.join(",");
    let home = byExactSet.get(key);
    if (home === undefined) {
      home = findHome(sorted);
      if (home === undefined) {
        home = groups.length;
        groups.push([]);
        firsts.push(sorted);
        for (const t of sorted.subarray(0, prefixLength(sorted.length))) {
          const list = byPrefixTerm[t];
          if (list) list.push(home);
          else byPrefixTerm[t] = [home];
        }
      }
      byExactSet.set(key, home);
    }
    groups[home]?.push(index);
  });
  return groups;

  function findHome(sorted: Int32Array): number | undefined {
    // Two empty sets are the same question (similarity 1); an empty and a non-empty one never are.
    if (!sorted.length) return undefined;
    let best: number | undefined;
    let checks = 0;
    const stamp = ++call;
    for (const t of sorted.subarray(0, prefixLength(sorted.length))) {
      for (const g of byPrefixTerm[t] ?? []) {
        // Groups are listed oldest first: past the best home so far, nothing older follows.
        if (best !== undefined && g >= best) break;
        if (checkedFor[g] === stamp) continue;
        checkedFor[g] = stamp;
        if (++checks > MAX_CHECKS) return best;
        const first = firsts[g] as Int32Array;
        // Sizes alone rule most out: Jaccard is at most the smaller size over the larger.
        if (Math.min(first.length, sorted.length) < threshold * Math.max(first.length, sorted.length) - 1e-9) continue;
        stats.comparisons++;
        if (jaccard(first, sorted) >= threshold) best = g;
      }
    }
    return best;
  }

  function prefixLength(size: number): number {
    // The epsilon keeps 0.6 × 5 = 3.0000000000000004 from rounding up to 4 (a too-short prefix).
    return size - Math.ceil(threshold * size - 1e-9) + 1;
  }
}

/** Groups a set is compared with at most (see groupNearDuplicates). */
const MAX_CHECKS = 500;

function jaccard(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) shared++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return shared / (a.length + b.length - shared);
}
