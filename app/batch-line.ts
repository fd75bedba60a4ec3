/**
 * A batch line is a question as typed, or, for a message of several lines, that message as JSON: a
 * string ("line one\nline two") or an object with a `q`, `question` or `text` field (a labelled
 * set's own lines). Anything else, JSON-looking or not, is the question as typed.
 */
export function questionOfLine(line: string): string {
  if (!/^\s*[{"]/.test(line)) return line;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === "string") return value;
    if (value && typeof value === "object") {
      const { q, question, text } = value as Record<string, unknown>;
      const found = [q, question, text].find((v) => typeof v === "string");
      if (typeof found === "string") return found;
    }
  } catch {
    // Not JSON: a question that happens to open with a quote or a brace.
  }
  return line;
}
