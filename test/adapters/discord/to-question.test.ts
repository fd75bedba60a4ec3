import { describe, expect, it } from "vitest";
import { mentionsBot, toQuestion } from "../../../adapters/discord/to-question.js";

const BOT = "111111111111111111";

describe("toQuestion", () => {
  it("strips the bot's mention in both forms, wherever it is", () => {
    expect(toQuestion(`<@${BOT}> Where did Alibaba open offices in Europe?`, BOT)).toEqual({
      text: "Where did Alibaba open offices in Europe?",
      empty: false,
    });
    expect(toQuestion(`who leads it <@!${BOT}>?`, BOT).text).toBe("who leads it ?");
    expect(toQuestion(`<@${BOT}><@!${BOT}>  hi\n there`, BOT).text).toBe("hi there");
  });

  it("keeps other people's mentions (the reply never pings them anyway)", () => {
    expect(toQuestion(`<@${BOT}> ask <@222>`, BOT).text).toBe("ask <@222>");
  });

  it("detects a bare mention as empty", () => {
    expect(toQuestion(`<@${BOT}>`, BOT)).toEqual({ text: "", empty: true });
    expect(toQuestion(`  <@!${BOT}> \n `, BOT).empty).toBe(true);
    expect(toQuestion("", BOT).empty).toBe(true);
  });

  it("does not treat a malformed id as a pattern", () => {
    expect(toQuestion("<@1.3> x", "1.3").text).toBe("x");
    expect(toQuestion("<@123> x", "1.3").text).toBe("<@123> x");
  });
});

describe("mentionsBot", () => {
  it("finds <@id> and <@!id> but not other users or roles", () => {
    expect(mentionsBot(`hey <@${BOT}>`, BOT)).toBe(true);
    expect(mentionsBot(`hey <@!${BOT}>`, BOT)).toBe(true);
    expect(mentionsBot(`hey <@&${BOT}> <@222>`, BOT)).toBe(false);
  });
});
