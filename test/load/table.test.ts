import { describe, expect, it } from "vitest";
import { formatTable } from "../../load/table.js";

describe("formatTable", () => {
  it("prints the title, then a Markdown table whose columns line up", () => {
    const text = formatTable("Title line", [
      ["short", "1 ms"],
      ["a longer figure", "12.5 / 30 ms"],
    ]);
    const [title, ...table] = text.split("\n");
    expect(title).toBe("Title line");
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^\| figure +\| value +\|$/);
    expect(table[3]).toBe("| a longer figure | 12.5 / 30 ms |");
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
  });
});
