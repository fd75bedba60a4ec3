/** How every load scenario prints its figures: a title, then a two-column Markdown table. */

/** One figure: what it is, and its value with units. */
export type Row = readonly [figure: string, value: string];

/** The title line, then the rows as a Markdown table with aligned columns (pasteable into the README). */
export function formatTable(title: string, rows: readonly Row[]): string {
  const header: Row = ["figure", "value"];
  const width = (column: 0 | 1) => Math.max(...[header, ...rows].map((row) => row[column].length));
  const [first, second] = [width(0), width(1)];
  const line = (row: Row) => `| ${row[0].padEnd(first)} | ${row[1].padEnd(second)} |`;
  return [title, line(header), `| ${"-".repeat(first)} | ${"-".repeat(second)} |`, ...rows.map(line)].join("\n");
}
