import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/match/fuse-matcher.js";
import { ask, engine } from "../helpers/knowledge.js";

const e = engine();
const factOf = (q: string) => {
  const a = ask(e, q);
  return a.answered ? a.factIds[0] : null;
};

describe("matcher", () => {
  it("measures edit distance with transpositions", () => {
    expect(editDistance("goldmann", "goldman")).toBe(1);
    expect(editDistance("gloabl", "global")).toBe(1);
    expect(editDistance("abc", "xyz")).toBe(3);
  });

  // Typos the issue names: each must still reach its fact.
  it.each([
    ["Goldmann Sachs", "michael-evans"],
    ["how many provinses", "village-centers"],
    ["hinterland farmrs", "farmers"],
  ])("matches the typo %j", (q, fact) => expect(factOf(q)).toBe(fact));

  // Words that are not a question, one of them the knowledge's ("spoiler item", markup placeholders
  // around a word): a lone word, not a keyword query; words it all knows are one.
  it.each([
    ["spoiler item", null],
    ["~~strike~~ - item", null],
    ["<https://x.com|link> ||spoiler||", null],
    ["europe offices", "europe-offices"],
    ["evans goldman", "michael-evans"],
  ])("reads %j as %j", (q, fact) => expect(factOf(q)).toBe(fact));

  it("answers an overview question with the three battlefields together", () => {
    const a = ask(e, "what's the big picture for Alibaba this year?");
    expect(a.kind).toBe("overview");
    expect(a.answer).toMatch(/global imports/i);
    expect(a.answer).toMatch(/cities/i);
    expect(a.answer).toMatch(/rural/i);
  });

  // Near-misses share the article's words but ask what it does not say.
  it.each([
    "Who is Alibaba's chairman?",
    "What is the population of Germany?",
    "What is Pinduoduo doing in rural areas?",
    // What kind of firm a name is: the fact that names it as someone's former employer does not say
    // (高盛是个啥公司 too, in the list of counts and kinds below).
    "what kind of company is Goldman Sachs?",
    // Names asked for outright, which the answer does not give.
    "Which startups make the on-demand apps? I need names please",
    // Another firm named in a lead-in is what is asked about, not context to drop.
    "Alibaba and Tencent, who wins in on-demand services?",
  ])("refuses the near-miss %j", (q) => {
    const a = ask(e, q);
    expect(a.answered).toBe(false);
    expect(a.kind).toBe("out-of-scope");
    expect(a.answer).toMatch(/doesn't cover/);
    expect(a.suggestions.length).toBeGreaterThan(0);
  });

  // A count the answer states, of the very thing asked, is answered though the curated near-misses
  // count things too; the same count asked of a place or a year the fact does not name is not.
  it.each([
    ["how many battlefields are there?", "overview"],
    ["how many key battlefields did zhang name?", "overview"],
    ["阿里巴巴有几个战场", "overview"],
    ["how many offices in munich", null],
    ["阿里在德国慕尼黑有几个办公室", null],
    ["How many active shoppers did Alibaba have the year before?", null],
    // …nor one the answer's count only modifies ("10,000 village centers" counts centers).
    ["How many Taobao villages are there in China?", null],
    ["高盛是个啥公司", null],
    ["what kind of company is alibaba?", "ecommerce-titan"],
  ])("counts or kinds: %j as %j", (q, fact) => expect(factOf(q)).toBe(fact));

  it("frames questions about now as of the article", () => {
    const a = ask(e, "who runs Alibaba now?");
    expect(a.factIds).toEqual(["ceo-daniel-zhang"]);
    expect(a.answer).toMatch(/^As of the article \(January 2016\)/);
  });

  it("links each citation to the quoted passage with a text fragment", () => {
    const a = ask(e, "Where did Alibaba open offices in Europe?");
    expect(a.citations[0]?.url).toMatch(/^https:\/\/www\.techinasia\.com\/alibaba-2016-plans#:~:text=Alibaba%20last%20month/);
    expect(a.citations[0]?.sourceUrl).toBe("https://www.techinasia.com/alibaba-2016-plans");
  });

  it("a single word answers only when it is (nearly) a curated phrasing of its own", () => {
    expect(factOf("goldman sachs")).toBe("michael-evans");
    expect(factOf("hq")).toBe("beijing-hq");
    // "channel" appears in a few phrasings ("import channel") but says nothing on its own.
    expect(ask(e, "channel").answered).toBe(false);
    expect(ask(e, "@everyone <!channel> hi").answered).toBe(false);
  });

  it("autocomplete offers canonical questions that match what is typed, at most the limit", () => {
    const got = e.complete("who lead", 5);
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThanOrEqual(5);
    expect(got).toContain("Who leads Alibaba's international strategy?");
    expect(e.complete("", 25).length).toBeLessThanOrEqual(25);
    expect(e.complete("阿里", 5).length).toBeGreaterThan(0);
  });

  // "At the time" is as of the source, all the bot knows; "rote" is typed for "wrote".
  it.each([
    ["Who was the CEO of Alibaba at the time?", "ceo-daniel-zhang"],
    ["who was alibaba's ceo back then", "ceo-daniel-zhang"],
    ["Who was the CEO of Alibaba when this news came out?", "ceo-daniel-zhang"],
    ["who rote the artical", "article"],
    // The source's own year dates a question to it…
    ["what was alibaba doing about fakes in 2016?", "fake-goods"],
    ["how many active shoppers did alibaba have in 2016?", "active-shoppers"],
    ["where was alibaba building a second hq in 2016?", "beijing-hq"],
    ["who was the ceo of alibaba at the time?", "ceo-daniel-zhang"],
    ["2016年的时候，那些村一级的服务中心一共建了多少个？", "village-centers"],
    ["from what I read, who is in charge of alibaba these days?", "ceo-daniel-zhang"],
    ["我记得那些村一级的服务中心一共建了多少个？", "village-centers"],
    // 有没有 before a verb of saying asks whether the source says it (not 没有, "not").
    ["文章有没有讲到假货问题？", "fake-goods"],
    // …and stays what it asks about where it is the point ("plans for 2016": the overview).
    ["alibaba 2016 plans", "overview"],
    // …but not the year's end, after the source, nor another year or firm.
    ["how many active shoppers did alibaba have at the end of 2016?", null],
    ["阿里2016年底的活躍買家有多少？", null],
    ["阿里最后完成2016年的目标了吗", null],
    ["what are alibaba's plans for 2017?", null],
    ["what are jd.com's plans for 2016?", null],
  ])("answers %j", (q, fact) => expect(factOf(q)).toBe(fact));

  it("gives help, not a guess, for an empty message or bare question words", () => {
    for (const q of ["", "   ", "???", "how?"]) expect(ask(e, q).kind).toBe("help");
  });

  it("answers a greeting or thanks alone with help, in the language it was written in", () => {
    for (const q of ["你好", "谢谢啦", "您好，在吗"]) expect(ask(e, q), q).toMatchObject({ kind: "help", language: "zh" });
    expect(ask(e, "hi there")).toMatchObject({ kind: "help", language: "en" });
  });

  it("answers a question about its languages itself, not with a fact that names the language", () => {
    for (const q of ["can you answer in chinese", "hi, do you speak mandarin?", "can I ask in Chinese?"])
      expect(ask(e, q), q).toMatchObject({
        kind: "help",
        language: "en",
        text: expect.stringContaining("Chinese (Simplified or Traditional)"),
      });
    for (const q of ["你会说英文吗", "可以用繁体字问吗？"])
      expect(ask(e, q), q).toMatchObject({ kind: "help", language: "zh", text: expect.stringContaining("英文") });
    // A question that only mentions a language is still a question about the source.
    expect(ask(e, "where are the europe offices in english please").kind).toBe("fact");
  });
});
