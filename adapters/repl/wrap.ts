/**
 * Word wrapping for a terminal, as pure functions of the text and a width in columns.
 *
 * Lines break at spaces, or between two Chinese/Japanese characters (which have no spaces), never
 * inside a word. A continuation line keeps its block's indent; a list item's text (`• `, `1. `,
 * `— `), or the rows of a `label:   value` table, hang under the first word of the value. Links are never broken: one that does
 * not fit starts a line of its own, and one wider than the terminal is left for the terminal to
 * fold, so it can still be selected and opened whole. Colour (SGR) sequences take no columns and
 * are closed at each break and reopened after the indent.
 */

const SGR = /\x1b\[[0-9;]*m/g;
const RESET = "\x1b[0m";

// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, W and F), as wcwidth counts them.
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const EMOJI = /^\p{Emoji_Presentation}$/u;

/** Columns one character takes: 0 for controls and combining marks, 2 for wide (CJK, emoji), else 1. */
export function charWidth(char: string): 0 | 1 | 2 {
  const cp = char.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || ZERO_WIDTH.test(char)) return 0;
  if (WIDE.some(([from, to]) => cp >= from && cp <= to) || EMOJI.test(char)) return 2;
  return 1;
}

/** Columns a string takes on a terminal, ignoring colour sequences. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const char of text.replace(SGR, "")) n += charWidth(char);
  return n;
}

// No line may start with closing punctuation, or end with opening punctuation.
const CLOSING = new Set([..."，。、；：？！）」』】〕〉》”’,.;:?!)]}%…"]);
const OPENING = new Set([..."（「『【〔〈《“‘([{"]);
const URL = /^(?:\x1b\[[0-9;]*m)*https?:\/\//;

/**
 * A word cut where a line may break: between wide characters (Chinese has no spaces), or, when
 * `anywhere`, between any two characters. Zero-width marks and colour codes stay with their character.
 */
function pieces(word: string, anywhere = false): string[] {
  const out: string[] = [];
  let pending = "";
  let prev = "";
  for (const [unit] of word.matchAll(/\x1b\[[0-9;]*m|[\s\S]/gu)) {
    if (unit.startsWith("\x1b")) {
      pending += unit;
      continue;
    }
    const wide = charWidth(prev) === 2 || charWidth(unit) === 2;
    const breakable = prev !== "" && charWidth(unit) > 0 && (anywhere || (wide && !CLOSING.has(unit) && !OPENING.has(prev)));
    if (breakable || out.length === 0) out.push(pending + unit);
    else out[out.length - 1] += pending + unit;
    pending = "";
    prev = unit;
  }
  if (pending && out.length) out[out.length - 1] += pending;
  else if (pending) out.push(pending);
  return out;
}

/** The colour codes still open after `text`, given those open before it. */
function openAfter(open: string, text: string): string {
  let now = open;
  for (const [code] of text.matchAll(SGR)) now = code === RESET || code === "\x1b[m" ? "" : now + code;
  return now;
}

const LABEL = /^[a-z][\w-]*: +(?=\S)/;
const MARKER = /^(?:[•*–—-]|\d{1,3}[.)]) +(?=\S)/;

/**
 * Continuation indent: the leading spaces, plus a list marker when the line has one, or the value
 * column of a `label:   value` table (`table` is that column, when the text has one).
 */
function hangingIndent(indent: string, content: string, width: number, table: number | undefined): string {
  const plain = content.replace(SGR, "");
  const label = indent === "" && table !== undefined && LABEL.exec(plain)?.[0].length === table ? table : 0;
  const marker = MARKER.exec(plain)?.[0];
  for (const hang of [indent.length + (marker ? displayWidth(marker) : label), indent.length]) {
    if (hang <= width / 2) return " ".repeat(hang);
  }
  return "";
}

/** The value column of two or more `label:   value` rows that line up, if any (as `:why` prints). */
function tableColumn(lines: string[]): number | undefined {
  const columns = lines.map((l) => LABEL.exec(l.replace(SGR, ""))?.[0].length).filter((c) => c !== undefined);
  return columns.find((c, i) => columns.indexOf(c) !== i);
}

/** Tabs as the spaces up to the next tab stop, so that every column is counted. */
function expandTabs(line: string): string {
  return line.split("\t").reduce((out, part, i) => (i === 0 ? part : `${out}${" ".repeat(8 - (displayWidth(out) % 8))}${part}`), "");
}

/** One line wrapped to `width` columns. */
function wrapLine(raw: string, width: number, table: number | undefined): string[] {
  const line = expandTabs(raw);
  if (displayWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)?.[0] ?? "";
  const content = line.slice(indent.length);
  const hang = hangingIndent(indent, content, width, table);
  const out: string[] = [];
  let current = indent;
  let column = indent.length;
  let empty = true;
  let open = "";
  const place = (text: string, w: number) => {
    current += text;
    column += w;
    empty = false;
    open = openAfter(open, text);
  };
  const newLine = () => {
    out.push(current.trimEnd() + (open ? RESET : ""));
    current = hang + open;
    column = hang.length;
    empty = true;
  };
  // Words and the spaces before them; a link is one piece, other words may split between wide characters.
  for (const [, space = "", word = ""] of content.matchAll(/( *)([^ ]+)/g)) {
    const parts = URL.test(word) ? [word] : pieces(word);
    for (const [i, part] of parts.entries()) {
      const gap = i === 0 && !empty ? space : "";
      const w = displayWidth(part);
      if (column + displayWidth(gap) + w <= width) {
        place(gap + part, displayWidth(gap) + w);
        continue;
      }
      if (!empty) newLine();
      if (column + w <= width || URL.test(part)) {
        place(part, w);
        continue;
      }
      // A word wider than the whole line: nothing better than breaking it where the line ends.
      for (const unit of pieces(part, true)) {
        if (column + displayWidth(unit) > width && !empty) newLine();
        place(unit, displayWidth(unit));
      }
    }
  }
  out.push(current.trimEnd());
  return out;
}

/**
 * `text` wrapped to `width` columns, line by line; with no width (not a terminal) it is returned
 * unchanged, so piped output stays one line per paragraph.
 *
 * @example wrapText("  “A long quote …”", 40) // every line after the first also starts with two spaces
 */
export function wrapText(text: string, width: number | undefined): string {
  if (!width || !Number.isFinite(width) || width < 2) return text;
  const lines = text.split("\n");
  const table = tableColumn(lines);
  return lines.flatMap((line) => wrapLine(line, width, table)).join("\n");
}
