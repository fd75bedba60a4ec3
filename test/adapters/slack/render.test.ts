import { describe, expect, it } from "vitest";
import { escapeText, escapeUrl, QUESTION_SHOWN_MAX, render } from "../../../adapters/slack/render.js";
import { exampleQuestions, renderHelp, renderHome } from "../../../adapters/slack/render-help.js";
import type { About, Answer, Citation, Topic } from "../../../src/index.js";
import { type AnswerFields, answerOf } from "../../helpers/answers.js";

const citation: Citation = {
  factId: "europe-offices",
  quote: "Alibaba opened two offices – in France & Germany",
  title: "Alibaba boss maps out '3 key battlefields' in 2016",
  publisher: "Tech in Asia",
  author: "Steven Millward",
  date: "January 2016",
  url: "https://example.test/a#:~:text=Alibaba%20opened",
  sourceUrl: "https://example.test/a",
};

const answer = (over: AnswerFields = {}): Answer =>
  answerOf({
    answer: "Two offices: France and Germany.",
    citations: [citation],
    confidence: 1,
    kind: "fact",
    factIds: ["europe-offices"],
    ...over,
  });

type AnyBlock = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { type: string; text?: unknown; action_id?: string; value?: string }[];
};
const blocks = (m: { blocks: unknown[] }) => m.blocks as AnyBlock[];
const buttons = (m: { blocks: unknown[] }) =>
  blocks(m)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);

describe("render", () => {
  it("puts the answer in a section and the quote with its source and link in a context block", () => {
    const m = render(answer());
    expect(blocks(m)[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: "Two offices: France and Germany." } });
    const ctx = JSON.stringify(blocks(m)[1]);
    expect(blocks(m)[1]?.type).toBe("context");
    expect(ctx).toContain("“Alibaba opened two offices – in France &amp; Germany”");
    expect(ctx).toContain("<https://example.test/a#:~:text=Alibaba%20opened|Alibaba boss maps out '3 key battlefields' in 2016>");
    expect(ctx).toContain("Tech in Asia, January 2016");
    expect(m.unfurl_links).toBe(false);
    expect(m.unfurl_media).toBe(false);
  });

  it("has a plain-text fallback with the answer and the quote", () => {
    const m = render(answer());
    expect(m.text).toContain("Two offices: France and Germany.");
    expect(m.text).toContain("Alibaba opened two offices – in France &amp; Germany");
    expect(m.text).toContain(citation.url);
  });

  it("escapes &, < and > everywhere, so nothing pings, links or renders", () => {
    const hostile = "<!channel> <@U123> <https://evil.test|click> & more";
    const m = render(answer({ answer: hostile, suggestions: [hostile] }), { question: hostile, postButton: true });
    const all = JSON.stringify(m.blocks) + m.text;
    expect(all).not.toMatch(/<!channel>|<@U123>|<https:\/\/evil/);
    expect(all).toContain("&lt;!channel&gt; &lt;@U123&gt;");
    expect(escapeText("a & b < c > d")).toBe("a &amp; b &lt; c &gt; d");
  });

  it("keeps a hostile URL from breaking out of its link", () => {
    expect(escapeUrl("https://x.test/a|b>c<d&e")).toBe("https://x.test/a%7Cb%3Ec%3Cd&amp;e");
  });

  it("offers suggestions as buttons that carry the question, and no feedback when unanswered", () => {
    const long = `What ${"very ".repeat(30)}long question?`;
    const m = render(
      answer({ answered: false, kind: "out-of-scope", citations: [], factIds: [], suggestions: ["Q1?", "Q2?", long, "Q4", "Q5", "Q6"] }),
    );
    const b = buttons(m);
    expect(b.map((e) => e.action_id)).toEqual([
      "roadmap_suggest_0",
      "roadmap_suggest_1",
      "roadmap_suggest_2",
      "roadmap_suggest_3",
      "roadmap_suggest_4",
    ]);
    expect(b[2]?.value).toBe(long);
    const label = b[2]?.text as { text: string } | undefined;
    expect(label?.text.length).toBeLessThanOrEqual(75);
    expect(JSON.stringify(m.blocks)).not.toContain("roadmap_feedback");
    expect(blocks(m).some((x) => x.type === "context" && JSON.stringify(x).includes("“"))).toBe(false);
  });

  it("turns clarify choices into buttons", () => {
    const m = render(
      answer({
        answered: false,
        kind: "clarify",
        citations: [],
        factIds: [],
        answer: "Did you mean one of these?",
        suggestions: ["ignored"],
        choices: [
          { factId: "a", question: "Who leads it?" },
          { factId: "b", question: "Where is HQ?" },
        ],
      }),
    );
    expect(buttons(m).map((e) => [e.action_id, e.value])).toEqual([
      ["roadmap_choice_0", "Who leads it?"],
      ["roadmap_choice_1", "Where is HQ?"],
    ]);
    // The answer asks the question once; no label repeats it.
    expect(JSON.stringify(m.blocks).match(/[Ww]hich did you mean|Did you mean/g)).toHaveLength(1);
  });

  it("adds helpful / not-helpful buttons carrying the fact ids, and a post button when asked", () => {
    const m = render(answer(), { question: "Where in Europe?", postButton: true });
    const ids = buttons(m).map((e) => e.action_id);
    expect(ids).toEqual(["roadmap_feedback_helpful", "roadmap_feedback_not_helpful", "roadmap_post"]);
    expect(buttons(m)[0]?.value).toBe("europe-offices");
    expect(buttons(m)[2]?.value).toBe("Where in Europe?");
    expect(blocks(m)[0]).toEqual({
      type: "context",
      elements: [
        { type: "mrkdwn", text: "You asked:" },
        { type: "plain_text", text: "“Where in Europe?”", emoji: false },
      ],
    });
  });

  it("keeps every text inside Block Kit limits", () => {
    const huge = "x".repeat(10_000);
    const m = render(answer({ answer: huge, citations: [{ ...citation, quote: huge }] }));
    for (const b of blocks(m)) {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      for (const e of b.elements ?? []) if (typeof e.text === "string") expect(e.text.length).toBeLessThanOrEqual(3000);
    }
    expect(m.text.length).toBeLessThanOrEqual(3000);
  });
});

// Issue 13: "/roadmap *URGENT from IT:* … <https://evil.example/login>", then Post to channel,
// posted that text for everyone as "Asked: …", under the bot's name.
describe("the question above an answer, and Post to channel", () => {
  const hostile = "*URGENT from IT:* _re-login_ ~now~ `here` <https://evil.example/login|Slack> <!channel> <@U999> & go";
  const asked = (m: { blocks: unknown[] }) => blocks(m)[0] as { type: string; elements: { type: string; text: string }[] };

  it("credits the asker by mention and shows the question as plain, quoted text", () => {
    const m = render(answer(), { question: hostile, asker: "U0ASKER1" });
    const [who, question] = asked(m).elements;
    expect(who).toEqual({ type: "mrkdwn", text: "<@U0ASKER1> asked:" });
    // plain_text: Slack applies no *bold*, _italic_, ~strike~ or `code`, and makes no mention.
    expect(question?.type).toBe("plain_text");
    expect(question?.text).toBe(`“${escapeText(hostile)}”`);
    expect(question?.text).not.toMatch(/<https|<!channel>|<@U999>/);
  });

  it("never lets the asker field smuggle in markup", () => {
    const m = render(answer(), { question: "Where?", asker: "<!channel>" });
    expect(asked(m).elements[0]?.text).toBe("You asked:");
    expect(JSON.stringify(m.blocks)).not.toContain("<!channel>");
  });

  it("caps the question shown (on one line), and what the post button carries", () => {
    const long = `Where ${"and where ".repeat(200)}\n\n*did* they go?`;
    const m = render(answer(), { question: long, postButton: true });
    const shown = asked(m).elements[1]?.text ?? "";
    expect(Array.from(shown).length).toBeLessThanOrEqual(QUESTION_SHOWN_MAX + 2);
    expect(shown).not.toContain("\n");
    expect(shown.endsWith("…”")).toBe(true);
    expect(buttons(m).find((b) => b.action_id === "roadmap_post")?.value?.length).toBeLessThanOrEqual(2000);
  });

  it("never cuts an escaped character in half", () => {
    const m = render(answer(), { question: "&".repeat(QUESTION_SHOWN_MAX) });
    expect(asked(m).elements[1]?.text).toMatch(/^“(&amp;)+…”$/);
  });

  const notAnswers: AnswerFields[] = [
    { kind: "out-of-scope", answer: "The source doesn't cover that.", suggestions: ["Q1?"] },
    { kind: "help", answer: "I answer questions about the roadmap." },
    { kind: "too-long", answer: "That message is too long." },
    { kind: "clarify", answer: "Which did you mean?", choices: [{ factId: "a", question: "A?" }] },
  ];
  it.each(notAnswers)("offers Post to channel under answers only, not under $kind", (over) => {
    const refusal = answer({ answered: false, citations: [], factIds: [], ...over });
    expect(JSON.stringify(render(refusal, { question: "Where?", postButton: true }).blocks)).not.toContain("roadmap_post");
  });

  it.each(["fact", "overview"] as const)("offers Post to channel under a %s answer", (kind) => {
    expect(JSON.stringify(render(answer({ kind }), { question: "Where?", postButton: true }).blocks)).toContain("roadmap_post");
  });

  it("never echoes a too-long message above 'That message is too long'", () => {
    const huge = "x".repeat(2900);
    const m = render(answer({ answered: false, kind: "too-long", answer: "That message is too long.", citations: [], factIds: [] }), {
      question: huge,
      postButton: true,
    });
    expect(JSON.stringify(m)).not.toContain("xxxxxxxxxx");
    expect(blocks(m)[0]?.type).toBe("section");
  });
});

const about: About = {
  title: "Alibaba boss maps out '3 key battlefields' in 2016",
  publisher: "Tech in Asia",
  author: "Steven Millward",
  date: "January 2016",
  url: "https://example.test/a",
  can: ["Answer questions <with quotes>"],
  cannot: ["Guess"],
};
const topics: Topic[] = [
  { id: "a", title: "1. Global imports", examples: ["A1?", "A2?"] },
  { id: "b", title: "2. Cities & towns", examples: ["B1?"] },
  { id: "c", title: "3. Rural", examples: ["C1?", "C2?", "C3?"] },
];

describe("help and App Home", () => {
  it("picks one example per topic first", () => {
    expect(exampleQuestions(topics)).toEqual(["A1?", "B1?", "C1?", "A2?", "C2?"]);
  });

  it("shows what the bot can and cannot do, with examples as buttons", () => {
    const m = renderHelp(about, topics);
    const json = JSON.stringify(m.blocks);
    expect(json).toContain("&lt;with quotes&gt;");
    expect(json).toContain("Guess");
    expect(buttons(m).map((b) => b.value)).toEqual(["A1?", "B1?", "C1?", "A2?", "C2?"]);
    expect(m.text.length).toBeGreaterThan(0);
  });

  it("escapes our own wording too: `/roadmap <question>` reaches Slack as &lt;question&gt;", () => {
    const texts = (bs: unknown[]) => (bs as AnyBlock[]).flatMap((b) => [b.text?.text, ...(b.elements ?? []).map((e) => e.text)]);
    const help = renderHelp(about, topics);
    const home = renderHome(about, topics);
    for (const text of [...texts(help.blocks), ...texts(home.blocks), help.text]) {
      if (typeof text !== "string") continue;
      // Outside our own links, no <, > or bare & may reach mrkdwn.
      const bare = text.replace(/<https:\/\/example\.test\/a\|[^<>]*>/g, "");
      expect(bare).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
    }
    expect(JSON.stringify(help)).toContain("`/roadmap &lt;question&gt;`");
    expect(JSON.stringify(home)).toContain("`/roadmap &lt;question&gt;`");
    expect(JSON.stringify(help.blocks)).toContain("*<https://example.test/a|Alibaba boss maps out '3 key battlefields' in 2016>*");
  });

  it("escapes the knowledge file's title and source where they go into mrkdwn", () => {
    const odd = { ...about, title: "R&D <plans>", publisher: "A & B", url: "https://example.test/a?x=1&y=2" };
    const json = JSON.stringify(renderHelp(odd, topics).blocks);
    expect(json).toContain("<https://example.test/a?x=1&amp;y=2|R&amp;D &lt;plans&gt;>");
    expect(json).toContain("A &amp; B");
  });

  it("renders a home view listing the topics", () => {
    const v = renderHome(about, topics);
    expect(v.type).toBe("home");
    const json = JSON.stringify(v.blocks);
    expect(json).toContain("2. Cities &amp; towns");
    expect(json).toContain("C3?");
    expect(v.blocks.length).toBeLessThanOrEqual(100);
  });
});
