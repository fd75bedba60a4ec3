import type { Citation } from "./contract.js";
import type { Fact, Knowledge } from "./knowledge/schema.js";
import { escapeRegExp } from "./match/normalise.js";

/**
 * One text directive of a link (`text=[prefix-,]start[,end]`), as the Text Fragments spec reads it:
 * each term must match within one block (paragraph) of the page, word-bounded, ignoring case.
 */
export interface TextDirective {
  prefix?: string;
  start: string;
  end?: string;
}

/**
 * Where a directive (or a quote's piece) lies: a block's index and a character range in it; a
 * range whose end the spec found in a later block says which (`endBlock`, with `to` in that block).
 */
export interface Place {
  block: number;
  from: number;
  to: number;
  endBlock?: number;
}

/** Quotes longer than this many words link by their first and last words (`start,end`). */
const RANGE_WORDS = 10;
/** Words at each end of a `start,end` directive, before any are added to tell it from an earlier match. */
const END_WORDS = 5;
/** Later directives are dropped past this length, so that a quote with many elisions still gives a link chat clients accept. */
const MAX_FRAGMENT_CHARS = 1500;
const ELISION = /\s*\[?(?:…|\.\.\.)\]?\s*/;
const word = (s: string) => s.split(" ").filter(Boolean);

/**
 * A source's blocks, as a page lays them out: paragraphs are separated by blank lines, and line
 * breaks and runs of spaces inside one read as a single space.
 *
 * @example sourceBlocks("Staff Writer\n\nLois\nLane") // ["Staff Writer", "Lois Lane"]
 */
export function sourceBlocks(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/**
 * The text directives that highlight a quote on its source page, in page order: one for each block
 * the quote touches (a quote that runs from one paragraph into the next gets one per paragraph, as
 * does each part of an elided quote), each made to match its own passage before any other.
 * Without the source's blocks, or when the quote is not found in them, the quote's first part.
 */
export function textDirectives(quote: string, blocks?: readonly string[]): TextDirective[] {
  const places = blocks && locate(quote, blocks);
  if (!blocks || !places?.length) {
    const first = trimmed(quote.split(ELISION)[0] ?? quote);
    const words = word(first.replace(/\s+/g, " "));
    return [
      words.length > RANGE_WORDS
        ? { start: words.slice(0, END_WORDS).join(" "), end: words.slice(-END_WORDS).join(" ") }
        : { start: words.join(" ") },
    ];
  }
  return places.map((p) => directiveFor(p, blocks));
}

/** The directive in a URL: terms percent-encoded, including the `-`, `,` and `&` the syntax reserves. */
export function formatDirective(d: TextDirective): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, "%2D").replace(/,/g, "%2C").replace(/&/g, "%26");
  return `text=${d.prefix ? `${enc(d.prefix)}-,` : ""}${enc(d.start)}${d.end ? `,${enc(d.end)}` : ""}`;
}

/**
 * A link that scrolls to and highlights the quote: `url#:~:text=…&text=…`, built from the
 * source's blocks when its text is given (see `textDirectives`).
 *
 * @example quoteLink("https://example.com/a", "Staff Writer Lois Lane", "Staff Writer\n\nLois Lane")
 * // "https://example.com/a#:~:text=Staff%20Writer&text=Lois%20Lane"
 */
export function quoteLink(url: string, quote: string, sourceText?: string): string {
  const directives = textDirectives(quote, sourceText === undefined ? undefined : sourceBlocks(sourceText)).map(formatDirective);
  let fragment = directives[0] ?? "";
  for (const d of directives.slice(1)) if (fragment.length + d.length < MAX_FRAGMENT_CHARS) fragment += `&${d}`;
  return `${url.split("#")[0]}#:~:${fragment}`;
}

/**
 * Where the spec's matching finds a directive first: the first word-bounded, case-blind match of
 * its start within one block (right after its prefix, which may end the block before), then the
 * first match of its end after that, in the same block or a later one. Undefined when none.
 */
export function firstMatch(d: TextDirective, blocks: readonly string[]): Place | undefined {
  // Blocks are single-spaced and joined by newlines, so no term can match across two of them.
  const page = blocks.join("\n");
  const startRe = new RegExp(`${d.prefix ? `${bounded(d.prefix)}\\s+` : ""}(${bounded(d.start)})`, "giu");
  const m = startRe.exec(page);
  if (!m) return undefined;
  const from = m.index + m[0].length - (m[1] ?? "").length;
  let to = from + (m[1] ?? "").length;
  if (d.end) {
    const endRe = new RegExp(bounded(d.end), "giu");
    endRe.lastIndex = to;
    const e = endRe.exec(page);
    // No end after the first start means no match at all: a later start has even less page after it.
    if (!e) return undefined;
    to = e.index + e[0].length;
  }
  const at = (offset: number) => page.slice(0, offset).split("\n").length - 1;
  const lineStart = (offset: number) => page.lastIndexOf("\n", offset - 1) + 1;
  const block = at(from);
  const endBlock = at(to);
  return endBlock === block
    ? { block, from: from - lineStart(from), to: to - lineStart(from) }
    : { block, from: from - lineStart(from), to: to - lineStart(to), endBlock };
}

/** A term as a pattern: word-bounded at both ends. */
function bounded(term: string): string {
  return `(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`;
}

/** The quote's pieces in the source, one per block it touches, found in order after each other. */
function locate(quote: string, blocks: readonly string[]): Place[] | undefined {
  const starts: number[] = [];
  let joined = "";
  for (const b of blocks) {
    starts.push(joined.length);
    joined += `${b} `;
  }
  const places: Place[] = [];
  let after = 0;
  for (const part of quote.split(ELISION).map((p) => p.replace(/\s+/g, " ").trim())) {
    if (!part) continue;
    const at = joined.indexOf(part, after);
    if (at < 0) return undefined;
    after = at + part.length;
    for (const [block, start] of starts.entries()) {
      const from = Math.max(at, start) - start;
      const to = Math.min(after, start + (blocks[block]?.length ?? 0)) - start;
      if (to > from) places.push(...inner(block, from, to, blocks[block] ?? ""));
    }
  }
  return places;
}

/** A piece without the quotation marks and end punctuation around it (none when nothing is left). */
function inner(block: number, from: number, to: number, text: string): Place[] {
  const piece = text.slice(from, to);
  const lead = piece.length - piece.replace(/^["“”‘’'(\s]+/, "").length;
  const kept = trimmed(piece);
  return /[\p{L}\p{N}]/u.test(kept) ? [{ block, from: from + lead, to: from + lead + kept.length }] : [];
}

function trimmed(text: string): string {
  return text.replace(/^["“”‘’'(\s]+|["“”‘’'.,:;)\s]+$/g, "").trim();
}

/**
 * The shortest directive for a passage that matches it first: its first and last words when long
 * (more of them until no earlier passage matches), else its whole text; then with the words before
 * it as a prefix. When nothing tells it apart, its whole text.
 */
function directiveFor(p: Place, blocks: readonly string[]): TextDirective {
  const block = blocks[p.block] ?? "";
  const text = block.slice(p.from, p.to);
  const words = word(text);
  // The words before it, within one block: its own, or the end of the block before when it opens one.
  const before = word(block.slice(0, p.from)).length ? word(block.slice(0, p.from)) : word(blocks[p.block - 1] ?? "");
  const candidates: TextDirective[] = [];
  for (let n = END_WORDS; words.length > RANGE_WORDS && 2 * n < words.length; n++)
    candidates.push({ start: words.slice(0, n).join(" "), end: words.slice(-n).join(" ") });
  candidates.push({ start: text });
  for (let n = 1; n <= Math.min(before.length, END_WORDS); n++) candidates.push({ prefix: before.slice(-n).join(" "), start: text });
  const same = (m: Place | undefined) => m?.block === p.block && m.endBlock === undefined && m.from === p.from && m.to === p.to;
  return candidates.find((d) => same(firstMatch(d, blocks))) ?? { start: text };
}

/**
 * The quote between quotation marks, for display: a quote that opens with its own mark (a speaker's
 * words, `“We will grow,” she said.`) is shown as it is, not as `““We will grow…`.
 */
export function inQuotationMarks(quote: string): string {
  return /^["“]/.test(quote.trim()) ? quote : `“${quote}”`;
}

/**
 * The citation of a fact; with its source's text (`sourceTexts`, by source id), the link
 * highlights the quote block by block.
 */
export function citationFor(knowledge: Knowledge, fact: Fact, sourceTexts?: Readonly<Record<string, string>>): Citation {
  const source = knowledge.sources.find((s) => s.id === fact.source);
  // The schema guarantees the source exists; fall back to empty strings rather than throw.
  return {
    factId: fact.id,
    quote: fact.quote,
    title: source?.title ?? "",
    publisher: source?.publisher ?? "",
    author: source?.author ?? "",
    date: source?.date ?? "",
    url: quoteLink(source?.url ?? "", fact.quote, sourceTexts?.[fact.source]),
    sourceUrl: source?.url ?? "",
  };
}
