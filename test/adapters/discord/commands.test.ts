import { describe, expect, it } from "vitest";
import { commandDefinitions, QUESTION_MAX_LENGTH } from "../../../adapters/discord/commands.js";

describe("commandDefinitions", () => {
  const commands = commandDefinitions();
  const byName = new Map(commands.map((c) => [c.name, c]));

  it("defines /ask, /topics and /about", () => {
    expect([...byName.keys()]).toEqual(["ask", "topics", "about"]);
    for (const c of commands) expect(c.description.length).toBeGreaterThan(0);
  });

  it("gives /ask a required, autocompleted, bounded question and an optional private flag", () => {
    const [question, priv] = byName.get("ask")?.options ?? [];
    expect(question).toMatchObject({ name: "question", type: 3, required: true, autocomplete: true, max_length: QUESTION_MAX_LENGTH });
    expect(priv).toMatchObject({ name: "private", type: 5 });
    expect(priv?.required ?? false).toBe(false);
  });

  it("makes every command usable in servers and in DMs with the bot", () => {
    for (const c of commands) {
      expect(c.contexts).toEqual(expect.arrayContaining([0, 1]));
      expect(c.integration_types).toEqual([0]);
    }
  });
});
