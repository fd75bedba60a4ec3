import type { Citation } from "./contract.js";
import type { Fact, Knowledge } from "./knowledge/schema.js";

/**
 * A link that scrolls to and highlights the quote: `url#:~:text=start,end`. Elided quotes (`[…]`)
 * link their first part. Long passages use the text-fragment range form so the link stays short.
 */
export function quoteLink(url: string, quote: string): string {
  const first = (quote.split(/\s*\[?(?:…|\.\.\.)\]?\s*/)[0] ?? quote).replace(/^["“”]+|["“”.,:]+$/g, "").trim();
  const words = first.split(/\s+/).filter(Boolean);
  // Percent-encode everything the fragment syntax reserves (",", "-", "&") besides what URLs do.
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, "%2D").replace(/,/g, "%2C").replace(/&/g, "%26");
  const fragment = words.length > 10 ? `${enc(words.slice(0, 5).join(" "))},${enc(words.slice(-5).join(" "))}` : enc(first);
  return `${url.split("#")[0]}#:~:text=${fragment}`;
}

/**
 * The quote between quotation marks, for display: a quote that opens with its own mark (a speaker's
 * words, `“We will grow,” she said.`) is shown as it is, not as `““We will grow…`.
 */
export function inQuotationMarks(quote: string): string {
  return /^["“]/.test(quote.trim()) ? quote : `“${quote}”`;
}

export function citationFor(knowledge: Knowledge, fact: Fact): Citation {
  const source = knowledge.sources.find((s) => s.id === fact.source);
  // The schema guarantees the source exists; fall back to empty strings rather than throw.
  return {
    factId: fact.id,
    quote: fact.quote,
    title: source?.title ?? "",
    publisher: source?.publisher ?? "",
    author: source?.author ?? "",
    date: source?.date ?? "",
    url: quoteLink(source?.url ?? "", fact.quote),
    sourceUrl: source?.url ?? "",
  };
}
