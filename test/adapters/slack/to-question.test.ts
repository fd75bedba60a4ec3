import { describe, expect, it } from "vitest";
import { decodeEntities, slackQuestion, toQuestion } from "../../../adapters/slack/to-question.js";
import { conversationKey } from "../../../chat/index.js";

describe("toQuestion", () => {
  it("strips the bot mention, wherever it is", () => {
    expect(toQuestion("<@U0BOT> where did Alibaba open offices in Europe?").text).toBe("where did Alibaba open offices in Europe?");
    expect(toQuestion("where is the HQ <@U0BOT|roadmap-bot>?").text).toBe("where is the HQ ?");
    expect(toQuestion("<@W123ABC>   tell me more").text).toBe("tell me more");
  });

  it("removes special mentions and keeps channel names and link labels", () => {
    expect(toQuestion("<!channel> <!here|here> what is Tmall?").text).toBe("what is Tmall?");
    expect(toQuestion("see <#C123|general> and <https://example.com|the article>").text).toBe("see #general and the article");
    expect(toQuestion("read <https://example.com/a?b=1&amp;c=2>").text).toBe("read https://example.com/a?b=1&c=2");
  });

  it("decodes the three entities Slack escapes, &amp; last", () => {
    expect(toQuestion("R&amp;D &lt;in&gt; rural areas").text).toBe("R&D <in> rural areas");
    expect(decodeEntities("&amp;lt;")).toBe("&lt;");
  });

  it("detects an empty question and help", () => {
    for (const raw of ["<@U0BOT>", "<@U0BOT>   ", "", undefined, null, "\u200b"]) {
      const q = toQuestion(raw);
      expect(q.isEmpty).toBe(true);
      expect(q.isHelp).toBe(true);
    }
    expect(toQuestion("<@U0BOT> help").isHelp).toBe(true);
    expect(toQuestion("HELP!").isHelp).toBe(true);
    expect(toQuestion("?").isHelp).toBe(true);
    expect(toQuestion("help me understand the rural plan").isHelp).toBe(false);
    expect(toQuestion("what?").isEmpty).toBe(false);
  });

  it("collapses whitespace and newlines", () => {
    expect(toQuestion("<@U0BOT>\n  who\tleads\n\nit?  ").text).toBe("who leads it?");
  });
});

describe("slackQuestion", () => {
  it("gives one conversation per channel thread and per DM, and one per user for slash commands", () => {
    const key = (o: Parameters<typeof slackQuestion>[0]) => {
      const q = slackQuestion(o);
      return conversationKey(q.platform, q.where);
    };
    const base = { source: "mention", text: "<@U0BOT> hi", team: "T1", user: "U1" };
    const top = key({ ...base, channel: "C1", threadTs: "1.1" });
    expect(key({ ...base, channel: "C1", threadTs: "1.1" })).toBe(top);
    expect(key({ ...base, channel: "C1", threadTs: "2.2" })).not.toBe(top);
    // A DM is one conversation, threaded or not.
    expect(key({ ...base, channel: "D1", threadTs: "1.1" })).toBe(key({ ...base, channel: "D1" }));
    expect(key({ ...base, channel: "C1", perUser: true })).not.toBe(key({ ...base, user: "U2", channel: "C1", perUser: true }));
    expect(slackQuestion({ ...base, channel: "C1" }).text).toBe("hi");
    expect(slackQuestion({ ...base, channel: "C1" }).user).toBe("T1:U1");
  });
});
