import { describe, expect, it } from "vitest";
import { halvesAtAnd, readChat, stripMarkup } from "../../../src/match/chat.js";

describe("reading chat messages", () => {
  it("platform markup never counts as words", () => {
    expect(readChat("who is the ceo?\n```\nconsole.log('world')\n```").text).toBe("who is the ceo?");
    expect(stripMarkup("<@U024BE7LH> see <#C024BE7LH|general> and <https://example.com|the article> :wave: 👋🏽 *bold* `code`")).toBe(
      "see and the article\nbold code",
    );
    expect(stripMarkup("<@!80351110224678912> <:pepe:123456> <a:dance:42> @here https://x.y/z")).toBe("");
    // A link pasted without its scheme is a link too; a plain domain, a fraction or "U.S." are not.
    expect(stripMarkup("techinasia.com/alibaba-2016-plans who wrote it")).toBe("who wrote it");
    expect(stripMarkup("is tmall.com 1.5/10 in the U.S./China trade")).toBe("is tmall.com 1.5/10 in the U.S./China trade");
  });

  it("reads a remark in brackets that closes a message as a sentence of its own, not as the question", () => {
    expect(readChat("is the import push meant to fix their knock-off problem (asking for a friend)").text).toBe(
      "is the import push meant to fix their knock-off problem",
    );
    expect(readChat("头图是谁的（急）").text).toBe("头图是谁的");
    // Brackets inside the question stay in it.
    expect(readChat("which two countries (in Europe) got offices?").text).toBe("which two countries (in Europe) got offices?");
  });

  it("reads WeChat's bracketed emoji as emoji and a boss's request as an aside", () => {
    expect(readChat("阿里今年的三大战场是什么[捂脸][强]").text).toBe("阿里今年的三大战场是什么");
    expect(readChat("老板让我问：这篇文章是谁写的").text).toBe("这篇文章是谁写的");
  });

  it("reads a 'Q:' label as a label: the question after it starts the sentence", () => {
    expect(readChat("Q: Is Alibaba profitable, what are their margins like?")).toMatchObject({
      text: "Is Alibaba profitable, what are their margins like?",
      alternatives: [],
    });
  });

  it("drops greetings, thanks and sign-offs, keeps the question", () => {
    expect(readChat("hey team :wave: who edited the article? thx!").text).toBe("who edited the article?");
    expect(readChat("Morning all! When did Alibaba bring Michael Evans on board?").text).toBe(
      "When did Alibaba bring Michael Evans on board?",
    );
    // …in the languages people greet in, whatever they write after it.
    expect(readChat("Bonjour, what is the number of active shoppers?").text).toBe("what is the number of active shoppers?");
    expect(readChat("kia ora team, where's the new hq going?").text).toBe("where's the new hq going?");
    // A plea for speed opens a message the way a greeting does.
    expect(readChat("*need this fast* how are farmers involved? 🌾").text).toBe("how are farmers involved?");
    expect(readChat("urgent: who wrote the piece").text).toBe("who wrote the piece");
    // Ghana's "chale" (mate) before a greeting opens a message too.
    expect(readChat("chale how far, who wrote the piece?").text).toBe("who wrote the piece?");
  });

  it("drops a mail or phone signature, a signed-off name, an opening apology and a plea for anyone", () => {
    expect(readChat("who edited the article Sent from my iPhone").text).toBe("who edited the article");
    expect(readChat("please tell me who edited the article, I need it for test data").text).toBe("please tell me who edited the article");
    expect(readChat("Hi there, hope you're well. who edited the article Best, Sam").text).toBe("who edited the article");
    expect(readChat("who edited the article Cheers Tom").text).toBe("who edited the article");
    // A name signed after a dash, set off by two spaces, a new line or the question's end; not a dash inside a query.
    expect(readChat("<@U024BE7LH> HELLO.  WHO EDITED THE ARTICLE  - EARL").text).toBe("WHO EDITED THE ARTICLE");
    expect(readChat("who edited it?\n- Sam B.").text).toBe("who edited it");
    // A Chinese "also" (另外) after a name alone joins no two questions: it asks what else the person wrote.
    expect(readChat("Lee Chan另外還寫過哪些報導？").parts).toHaveLength(1);
    expect(readChat("谁是作者，另外文章多长").parts).toHaveLength(2);
    expect(readChat("europe offices - France").text).toBe("europe offices - France");
    expect(readChat("sorry if this was asked already: europe offices opening date").text).toBe("europe offices opening date");
    expect(readChat("someone asked me how many shoppers it has. anyone?").text).toBe("how many shoppers it has.");
    expect(readChat("you read the piece? who edited it").text).toBe("who edited it");
    expect(readChat("anyone read this?? when did the venue open 👀").text).toBe("when did the venue open");
    expect(readChat("yall ever hear of this? the venue eatin everyone's lunch, what kinda venue is it").text).not.toContain("hear");
    expect(readChat("did you read who edited it?").text).toBe("did you read who edited it?");
    expect(readChat("FYI team — Pinduoduo is going after rural buyers?").text).toBe("Pinduoduo is going after rural buyers?");
    expect(readChat(">>> who edited the article?").text).toBe("who edited the article?");
    expect(readChat("Excuse me, who edited the article?").text).toBe("who edited the article?");
    // An "excuse me" that runs on into its question is no apology to drop.
    expect(readChat("excuse me how does the artcle describe the firm, ecomerce wat?").text).toBe(
      "excuse me how does the artcle describe the firm, ecomerce wat?",
    );
    // A closing clause about the asker, after the question; not "i mean", nor after a question that leans on its context.
    expect(readChat("so who is the ceo in this article, i keep assuming everything is jack ma lol").text).toBe(
      "who is the ceo in this article",
    );
    expect(readChat("what is the plan, i mean for the cities").text).toBe("what is the plan, i mean for the cities");
    expect(readChat("whats his name again, i closed the tab").text).toBe("whats his name again, i closed the tab");
    // …or what the asker is doing, its subject left out; not when that clause asks.
    expect(readChat("whats the headline on this thing, tryna find it on google").text).toBe("whats the headline on this thing");
    expect(readChat("who runs it, trying to figure out when it started").text).toBe("who runs it, trying to figure out when it started");
    // …after an apology too ("what it was" asks nothing); a closing condition said to the bot, on how
    // to answer, when what is left asks; and when the asker needs the answer: none is the question.
    for (const [message, question] of [
      ["What did the 2 million refer to, sorry, I wrote the number down and not what it was", "What did the 2 million refer to"],
      ["What was the gist of the plan, so, if you had to put it in two lines for a busy board?", "What was the gist of the plan?"],
      ["the venue's address, if you can", "the venue's address, if you can"],
      ["kindly share a summary of the venue plans by EOD. thanks!", "kindly share a summary of the venue plans."],
      ["where is the venue by tmrw pls?", "where is the venue?"],
      // …and what the asker will do with the answer.
      [
        "what are the names of the venues the article talks about so i can go look em up",
        "what are the names of the venues the article talks about",
      ],
    ])
      expect(readChat(message as string).text, message).toBe(question);
    expect(readChat("what did the 2 million refer to, sorry, i wonder what the CEO said").text).toContain("CEO");
    // "…you posted?": the asker pointing at a message; "Asking cause…", why they ask.
    expect(readChat("who edited that write-up you posted? Asking cause it read real clean").text).toBe("who edited that write-up?");
    expect(readChat("who posted the venue plan?").text).toBe("who posted the venue plan?");
    // "What did the article say about the…": the source named as where to look; the topic is the question.
    expect(readChat("What did the article say about the venue plans?").text).toBe("the venue plans?");
    expect(readChat("what does the article say about it?").text).toBe("what does the article say about it?");
    // "…were asking who…", then a plea to be told: the embedded question is the question.
    expect(readChat("the lads were asking who this Lee is that Acme took on. Would you ever fill me in? Cheers").text).toBe(
      "who this Lee is that Acme took on.",
    );
    expect(readChat("could you tell me who runs it?").text).toBe("could you tell me who runs it?");
    // The asker's curiosity before a Chinese question is why they ask.
    expect(readChat("敝公司很好奇，这家公司目前有多少个门店？").text).toBe("这家公司目前有多少个门店？");
    // A flag of weight before the question is no topic ("important" would stem to "import").
    expect(readChat("hey *important* what's the plan for 2016").text).toBe("what's the plan for 2016");
    expect(readChat("important cities for the plan?").text).toBe("important cities for the plan?");
    // An "anyway" typed on after a question closes it; what follows is a tag, not a new topic.
    expect(readChat("why would anyone want goods from abroad anyway what's the big deal").text).toContain("why would");
    expect(readChat("nice piece. anyway who wrote it?").text).toBe("who wrote it?");
    // The source named as where to look, closing the question.
    expect(readChat("how big is the firm right now, per the article?").text).toBe("how big is the firm right now?");
    expect(readChat("who runs it according to this piece").text).toBe("who runs it");
    expect(readChat("what is in the article?").text).toBe("what is in the article?");
    // A closing "many thanks" with no punctuation before it (dictated), and a question embedded after
    // "…and wondered".
    expect(readChat("did the boss say how the venue will grow many thanks").text).toBe("did the boss say how the venue will grow");
    expect(readChat("I was reading the piece and wondered how the farmers come into it").text).toBe("how the farmers come into it");
    // A guess offered with its alternative is read without it too.
    expect(readChat("Who set out the plan, was it Jack Ma himself or somebody else at the top?").alternatives).toContain(
      "Who set out the plan",
    );
    // …and after a "who", a guess between two people; a guess between two things is what is asked.
    expect(readChat("who set out the plan, was it Jack Ma or the CEO?").alternatives).toContain("who set out the plan");
    // …and a guess with its alternative, no "was it" before it; and a name half remembered.
    expect(readChat("who laid out the plan, *Jack Ma* or someone else?").alternatives).toContain("who laid out the plan");
    expect(readChat("who's in charge there again Danny something").alternatives).toContain("who's in charge there again");
    expect(readChat("who's in charge of something").alternatives).not.toContain("who's in charge of");
    // …and after a name asked for, the same.
    expect(readChat("sorry to bother, CEO name in the piece, is it Lee Chan or Jack Ma?").alternatives).toContain("CEO name in the piece");
    expect(readChat("what fresh foods do they sell, is it cheese or seafood?").alternatives).not.toContain("what fresh foods do they sell");
    // A numbered list typed on one line: each item a part, its marker no number asked about.
    expect(readChat("1) what noun does the article use 2) also who gets the image credit?").parts).toEqual([
      "what noun does the article use",
      "also who gets the image credit?",
    ]);
    expect(readChat("Two things: 1) what apps are they moving to 2) also who wrote it?").parts).toEqual([
      "what apps are they moving to",
      "also who wrote it?",
    ]);
    // A short request before a question that adds to it with "also" is a part of its own.
    expect(readChat("Headline please. Also approx reading time?").parts).toEqual(["Headline", "Also approx reading time?"]);
    expect(readChat("Morning all. Also, where are the europe offices?").parts).toHaveLength(1);
    // A polite request asks as its verb alone does.
    expect(readChat("I would be grateful if you could explain the import plan. Also, who wrote it?").parts).toEqual([
      "I would be grateful if you could explain the import plan.",
      "Also, who wrote it?",
    ]);
    // Glued on in batch mode, where a message is one line: a plea, "no rush", a question quoted as code.
    expect(readChat("From the Q&A doc: • alibaba taobao tmall anyone want to take a stab?").text).not.toContain("stab");
    expect(readChat("where are the europe offices no rush, whenever you get a sec").text).toBe("where are the europe offices");
    expect(readChat("`where is the second hq going` ^ that's literally what the ticket says").text).toBe("where is the second hq going");
    expect(readChat("`michael evans` who is he exactly?").text).toBe("michael evans who is he exactly?");
    expect(readChat("wat r the 3 battlefeilds for 2016 Apologies if this is the wrong channel.").text).toBe(
      "wat r the 3 battlefeilds for 2016",
    );
    // Not a sign-off: a question that ends on a name.
    expect(readChat("which is best, Taobao?").text).toBe("which is best, Taobao?");
  });

  it("reads a keyword query that context surrounds: pleasantry sentences go, the words after a preface and lone sentences are readings", () => {
    expect(readChat("Thank you all for the help yesterday! One more: europe offices opening").parts).toEqual([
      "One more: europe offices opening",
    ]);
    expect(readChat("Thank you all for the help yesterday! One more: europe offices opening").alternatives).toContain(
      "europe offices opening",
    );
    expect(readChat("So my kid asked me this at dinner. europe offices opening").alternatives).toContain("europe offices opening");
    expect(readChat("写论文的时候遇到个问题：欧洲办公室几时开 求指点").alternatives).toContain("欧洲办公室几时开");
    expect(readChat("europe offices opening. Apologies if this is the wrong channel.").text).toBe("europe offices opening.");
    // An ellipsis of three dots ends a sentence; two dots are a pause inside one.
    expect(readChat("Still stuck on this one... europe offices opening").alternatives).toContain("europe offices opening");
    expect(readChat("it has a fakes problem.. how does the import push help with this?").text).toBe(
      "it has a fakes problem.. how does the import push help with this?",
    );
    // A bracketed remark is never a reading on its own, and a pleasantry that runs on into a question is the question.
    expect(readChat("europe offices revenue (spoilered in case people want to guess)").alternatives).not.toContain(
      "(spoilered in case people want to guess)",
    );
    expect(readChat("sorry if dumb q whats the story with the second hq").text).toBe("sorry if dumb q whats the story with the second hq");
    // Nigerian English's "how far" greets; "how far is…" still asks a distance.
    expect(readChat("How far my people!! who runs alibaba?").text).toBe("who runs alibaba?");
    expect(readChat("how far, who runs alibaba?").text).toBe("who runs alibaba?");
    expect(readChat("how far is hangzhou from shanghai?").text).toBe("how far is hangzhou from shanghai?");
    expect(readChat("how far guys, who runs alibaba?").text).toBe("who runs alibaba?");
    expect(readChat("how far away is the new office?").text).toBe("how far away is the new office?");
    // A question mark inside brackets ends no sentence.
    expect(readChat("Which partner (the courier?) does the delivery to the villages?").text).toBe(
      "Which partner (the courier?) does the delivery to the villages?",
    );
    // German's "Hallo zusammen", in English.
    expect(readChat("Hi together, who runs alibaba?").text).toBe("who runs alibaba?");
  });

  it("reads the question after the source named as where to look", () => {
    expect(readChat("does the article say who is in charge these days?").text).toBe("who is in charge these days?");
    expect(readChat("according to the article, ceo rural quote").text).toBe("ceo rural quote");
    expect(readChat("In the piece: who took the photo?").text).toBe("who took the photo?");
    // The source as the thing asked about stays.
    expect(readChat("does the article say anything about farmers?").text).toBe("does the article say anything about farmers?");
    expect(readChat("in the article who is the author?").text).toBe("in the article who is the author?");
  });

  it("offers a lone question with the sentence of context before it, without what follows, as another reading", () => {
    const r = readChat("i was told they opened offices in europe. which countries exactly? need to know before I ship");
    expect(r.text).toBe("which countries exactly?");
    expect(r.alternatives).toContain("i was told they opened offices in europe. which countries exactly?");
  });

  it("drops Chinese greetings and openers", () => {
    expect(readChat("您好 请问作者是谁 谢谢").text).toBe("请问作者是谁");
    expect(readChat("大家好，这家公司的三大战场是啥？").text).toBe("这家公司的三大战场是啥？");
    expect(readChat("在吗？北京总部在哪").text).toBe("北京总部在哪");
    expect(readChat("你好").text).toBe("");
    expect(readChat("各位大佬，北京总部在哪").text).toBe("北京总部在哪");
    expect(readChat("话说 北京总部在哪 @小助手").text).toBe("北京总部在哪");
    // A Latin name typed by hand ends where the Chinese begins: the question is kept.
    expect(readChat("@someone是谁的推特号").text).toBe("是谁的推特号");
    expect(readChat("#阿里巴巴# 北京总部在哪 有人知道吗").text).toBe("北京总部在哪");
    expect(readChat("【提问】北京总部在哪，求解答").text).toBe("北京总部在哪，");
    expect(readChat("北京总部在哪 发自我的iPhone").text).toBe("北京总部在哪");
    expect(readChat("明天要交报告，北京总部在哪 拜托拜托").text).toBe("北京总部在哪");
    expect(readChat("我是新来的实习生，北京总部在哪").text).toBe("北京总部在哪");
    expect(readChat("我儿子问我 北京总部在哪 我居然答不上来").text).toBe("北京总部在哪");
    expect(readChat("北京总部在哪，谁给我讲一下，我要写物流课的作业").text).toBe("北京总部在哪，");
    expect(readChat("三大战场是啥 谁给额捋一下").text).toBe("三大战场是啥");
    // Cantonese: "whoever has read the piece, tell me".
    expect(readChat("北京总部喺边度，边个睇咗篇文话我知下").text).toBe("北京总部喺边度，");
    expect(readChat("麻烦哪位同学帮我讲讲三大战场").text).toBe("讲讲三大战场");
    // "想晓得", "很想知道" after a clause of context open the question, as "想请问" does.
    expect(readChat("我在淘宝开店卖奶茶粉的 想晓得阿里重点搞哪几块").text).toBe("阿里重点搞哪几块");
    expect(readChat("我看了新闻，很想知道北京总部在哪").text).toBe("北京总部在哪");
    // Group chat's forms of address ("sisters", "folks") open a message as 大家好 does.
    expect(readChat("集美们，北京总部在哪").text).toBe("北京总部在哪");
    expect(readChat("老铁们 北京总部在哪").text).toBe("北京总部在哪");
  });

  it("drops a Chinese aside about why the asker asks, keeps a clause that asks", () => {
    expect(readChat("谁能讲讲这家公司的计划 写作业要用 求求了").text).toBe("谁能讲讲这家公司的计划");
    expect(readChat("周会要用，这家公司的路线图是什么").text).toBe("这家公司的路线图是什么");
    // …or the doubt offered as the other answer ("or is it just talk").
    expect(readChat("这个计划今年会做更大吗 还是只是喊喊而已").text).toBe("这个计划今年会做更大吗");
    // …said formally: "so that I may write a report", "for reference".
    expect(readChat("請概述該公司之三大重點，以便本人撰寫研究報告。").text).toBe("請概述該公司之三大重點，");
    expect(readChat("这家公司的路线图是什么，以供参考").text).toBe("这家公司的路线图是什么，");
    // Asking leave to ask a (silly) question opens the message and asks nothing.
    expect(readChat("问个憨问题，这家公司有多少用户？").text).toBe("这家公司有多少用户？");
    expect(readChat("請教個簡單嘅問題，總部喺邊？").text).toBe("總部喺邊？");
    // A keyword query's words are not asides, and an aside that asks stays.
    expect(readChat("公司 跨境進口 2016 計劃").text).toBe("公司 跨境進口 2016 計劃");
    expect(readChat("这个 写作业要用吗").text).toBe("这个 写作业要用吗");
    // …who the answer is for, where the asker is from, or that they are just curious.
    expect(readChat("北京总部在哪里，想转给以前的同事看").text).toBe("北京总部在哪里，");
    expect(readChat("乡下网购这块打算怎么搞 我老家在乡下").text).toBe("乡下网购这块打算怎么搞");
    expect(readChat("總部在哪裡，有點好奇啦").text).toBe("總部在哪裡，");
  });

  it("does not end a sentence at a title's or an abbreviation's dot", () => {
    expect(readChat("Who was the chief executive before Mr. Zhang?").text).toBe("Who was the chief executive before Mr. Zhang?");
    expect(readChat("Which rivals, e.g. JD, sell imports?").text).toBe("Which rivals, e.g. JD, sell imports?");
  });

  it("answers a message of several sentences from its question sentence", () => {
    const r = readChat("I'm putting together a deck on Chinese e-commerce for Q1. Who leads the international strategy?");
    expect(r.text).toBe("Who leads the international strategy?");
    // The whole message stays available when the question alone is not enough.
    expect(r.alternatives.at(-1)).toContain("deck");
  });

  it("drops a lead-in that only sets the scene, keeps one that names the subject", () => {
    expect(readChat("for my class presentation, what are the three battlefields?").text).toBe("what are the three battlefields?");
    expect(readChat("new to sellin in asia, what are the three battlefields?").text).toBe("what are the three battlefields?");
    expect(readChat("my card was stolen, how do i report it").text).toBe("my card was stolen, how do i report it");
    // A question asking only what the source says asks about the lead-in.
    expect(readChat("for my deck I need the number of active shoppers, what does this article say?").text).toBe(
      "for my deck I need the number of active shoppers, what does this article say?",
    );
    // A lead-in about the asker is context too, when the question names its own subject.
    expect(readChat("Before I send the link round the team, how long is the read?").text).toBe("how long is the read?");
    expect(readChat("My late husband grew up on a farm, so this interests me: what is planned for farmers?").text).toBe(
      "what is planned for farmers?",
    );
    // …and when the question asks with its question word in place, as many Englishes do.
    expect(readChat("quick one before I enter my meeting, the new office na which country?").text).toBe("the new office na which country?");
    expect(readChat("for my notes, the editor is who?").text).toBe("the editor is who?");
    // A second question joined on is a part of its own, not the whole question.
    expect(readChat("give me the plan in short, and also who is the author?").text).not.toBe("and also who is the author?");
  });

  it("reads a lead-in set apart by a dash or colon as a preface, unless the question points back into it", () => {
    expect(readChat("following up on this — what's the plan for shoppers in big cities?").text).toBe(
      "what's the plan for shoppers in big cities?",
    );
    expect(readChat("random q: where are the new offices?").text).toBe("where are the new offices?");
    // "that article" is a determiner, not a pointer back into the lead-in.
    expect(readChat("from the Manchester depot – what's the game plan in that article?").text).toBe(
      "what's the game plan in that article?",
    );
    expect(readChat("battlefield #2 — what is that one about?").text).toBe("battlefield #2 — what is that one about?");
    expect(readChat("the tier-1 cities thing — who is alibaba targeting there?").text).toBe(
      "the tier-1 cities thing — who is alibaba targeting there?",
    );
    expect(readChat("the boss of the company in the text: what is his name?").text).toBe(
      "the boss of the company in the text: what is his name?",
    );
  });

  it("reads an embedded question, and a question that names nothing with the sentence it points back to", () => {
    expect(readChat("I would like to know who wrote the article").text).toBe("who wrote the article");
    expect(readChat("is possible to know what is the plan for 2016?").text).toBe("what is the plan for 2016?");
    expect(readChat("for class, i wonder what the rural plan is").text).toBe("what the rural plan is");
    expect(readChat("I need to understand which battlefields they chose. Can you list them?").text).toBe(
      "which battlefields they chose. Can you list them?",
    );
    // A question someone else asked the asker is embedded too.
    expect(readChat("My wife asked me where Alibaba put this news out.").text).toBe("where Alibaba put this news out.");
    // A question that names its own subject stands alone.
    expect(readChat("I read the article. Who is the CEO?").text).toBe("Who is the CEO?");
    // Chinese context first, then 想请问 / 请教: the question starts there.
    expect(readChat("我看到新闻说他们定了三个主战场，想请问定这个的人担任什么职务？").text).toBe("定这个的人担任什么职务？");
    // …and formal writing's 敢问; not when what follows points back to a person of the context.
    expect(readChat("余近日备课，敢问这个路线图是谁定的？").text).toBe("这个路线图是谁定的？");
    expect(readChat("文中提到请来一位高管，敢问此人姓甚名谁？").text).toContain("高管");
    expect(readChat("文中提到请来一位高管，请问她叫什么？").text).toContain("高管");
    expect(readChat("我手里有点股票,想请教大家,今年的重点是哪些?").text).toBe("今年的重点是哪些?");
    // "Just curious" as a clause of its own.
    expect(readChat("好奇一下，哪位负责这篇的编辑工作？").text).toBe("哪位负责这篇的编辑工作？");
    // "Does anyone know" opening it.
    expect(readChat("有没有人知道这篇稿子是哪个记者写的").text).toBe("这篇稿子是哪个记者写的");
  });

  it("keeps the topic named after a preface about the asker when the question word comes last", () => {
    expect(readChat("*important* for me: the new hire before Acme, work where?").text).toBe(
      "important for me: the new hire before Acme, work where?",
    );
    // A lead-in about the asker alone is still context.
    expect(readChat("for my deck, who runs the venue?").text).toBe("who runs the venue?");
  });

  it("reads what follows 'anyway' or 'btw' as the question: the topic changed there", () => {
    expect(readChat("lmao the ad in the middle of the page 💀 anyway who is the ceo there").text).toBe("who is the ceo there");
    expect(readChat("the ads are annoying, anyway who wrote this?").text).toBe("who wrote this?");
    expect(readChat("that makes sense btw where is the new office").text).toBe("where is the new office");
    // Nothing named after it: the sentence stays whole.
    expect(readChat("the second office is in Paris, anyway what is it?").text).toBe("the second office is in Paris, anyway what is it?");
  });

  it("reads what follows 'what's the craic with' or 'what's the story on' as the question", () => {
    expect(readChat("quick one, what's the craic with the venue's plans for 2016?").text).toBe("the venue's plans for 2016?");
    expect(readChat("whats the story on the new office").text).toBe("the new office");
    // "how far with X?" asks how X is getting on.
    expect(readChat("how far with the new office plans").text).toBe("the new office plans");
    // Only opening the sentence: after "also" it is the second part of two, and both stay.
    expect(readChat("what's the rural plan, also what's the story with the new office?").parts).toHaveLength(2);
  });

  it("splits a two-part question, at most two parts", () => {
    // "also" typed between two Chinese questions splits them too.
    expect(readChat("阿里现在CEO是谁 also 他说农村那块要怎么搞？").parts).toEqual(["阿里现在CEO是谁", "他说农村那块要怎么搞？"]);
    // 还有 after a clause that asks nothing is "still has", not "and also".
    expect(readChat("亚马逊在中国还有跨境业务吗").parts).toEqual(["亚马逊在中国还有跨境业务吗"]);
    expect(readChat("这家公司的CEO是谁还有农村计划是什么").parts).toEqual(["这家公司的CEO是谁", "农村计划是什么"]);
    // A request to tell (讲讲, 介绍一下) asks as a question word does.
    expect(readChat("讲讲三大战场，还有这篇文章是谁写的？").parts).toEqual(["讲讲三大战场", "这篇文章是谁写的？"]);
    expect(readChat("what are they doing about counterfeits, and who is leading the overseas push?").parts).toEqual([
      "what are they doing about counterfeits",
      "who is leading the overseas push?",
    ]);
    expect(readChat("who wrote it? also when was it published").parts).toHaveLength(2);
    // A keyword query typed after a question may be a second question; a purpose clause is not.
    const keywords = readChat("who wrote it? europe offices opening date");
    expect(keywords.parts).toEqual(["who wrote it?", "europe offices opening date"]);
    expect(keywords.optional).toBe(true);
    expect(readChat("who wrote it? need it for the deck").parts).toEqual(["who wrote it?"]);
    // Two sentences that ask are the two parts, though the first would split on its own.
    expect(readChat("who is michael evans and what is he doing for them? What phrase did the writer use for the company?").parts).toEqual([
      "who is michael evans and what is he doing for them?",
      "What phrase did the writer use for the company?",
    ]);
    expect(readChat("where is the second HQ going :wave:").parts).toEqual(["where is the second HQ going"]);
    // A quiz's imperative asks as a question does.
    expect(readChat("Name the two countries with new offices. Also, who leads the push abroad?").parts).toEqual([
      "Name the two countries with new offices.",
      "Also, who leads the push abroad?",
    ]);
    // "and" before a question word as chat types it, or before a verb that opens a question.
    expect(readChat("alibaba active shoppers september and wat did they say abt rual buyers").parts).toHaveLength(2);
    expect(
      readChat("how importing fresh foods helps taobao n tmall diferentiate and is alibaba still fighting its rep for fakes").parts,
    ).toHaveLength(2);
    // "gimme" asks as "give me" does.
    expect(readChat("gimme the three priorities for 2016. also who's the CEO saying all this").parts).toHaveLength(2);
  });

  it("halves a question at its one 'and' as another reading, never a list", () => {
    expect(halvesAtAnd("alibaba fresh food imports tmall and alibaba first tier cities shoppers")).toEqual([
      "alibaba fresh food imports tmall",
      "alibaba first tier cities shoppers",
    ]);
    expect(halvesAtAnd("offices in France and Germany and Italy")).toBeUndefined();
    expect(halvesAtAnd("offices in France and Germany")).toBeUndefined();
  });

  it("'also' joins two questions, not a verb to its object", () => {
    expect(readChat("explain the big cities focus also the billion dollar local services thing").parts).toHaveLength(2);
    expect(readChat("how many active shoppers do they have also what are their marketplaces called").parts).toHaveLength(2);
    // After a verb, before a preposition or an -ing word, "also" is an adverb inside one question.
    for (const q of [
      "JD.com has also rural centers?",
      "alibaba will open offices also in UK or spain?",
      "Is Amazon also doing cross-border imports?",
    ])
      expect(readChat(q).parts, q).toHaveLength(1);
  });

  it("drops a sentence that only says what the answer is for, not one that asks", () => {
    expect(readChat("who runs the venue? is for the references").parts).toEqual(["who runs the venue?"]);
    expect(readChat("who runs the venue? it's for my presentation.").parts).toEqual(["who runs the venue?"]);
    expect(readChat("who runs the venue? is it for the farmers?").parts).toHaveLength(2);
  });

  it("a sentence that names its topic first asks ('imports thing, what is it.'), so it is one of two parts", () => {
    expect(readChat("imports thing, what is it. also where in town they opened offices").parts).toEqual([
      "imports thing, what is it.",
      "also where in town they opened offices",
    ]);
    // A topic and a statement after it ask nothing.
    expect(readChat("imports thing, that is it. also where in town they opened offices").parts).toHaveLength(1);
  });

  it("a sentence that embeds its question asks, with or without a question mark", () => {
    const r = readChat("I'm trying to recall what the chief said about rural development. Could you summarize his remarks?");
    expect(r.parts[0]).toBe("what the chief said about rural development.");
    expect(readChat("we'd like to know who edited it").text).toBe("who edited it");
    expect(readChat("I am curious why the shop imports fruit. Anyone?").text).toBe("why the shop imports fruit.");
    expect(readChat("I'm wondering about who edited it").text).toBe("who edited it");
  });

  it("a question typed on after context with no punctuation is another reading", () => {
    const r = readChat("just read the article pretty cool ngl how many village service centers do they have");
    expect(r.alternatives).toContain("how many village service centers do they have");
    // A question word at the start, or a tail that names nothing, gives no other reading.
    expect(readChat("what do they call alibaba in the intro").alternatives).toEqual([]);
    expect(readChat("the offices in france are new and i wonder how").alternatives).toEqual([]);
    // A question word typed last asks about the words before it: "what year" alone is no reading.
    expect(readChat("alibaba founded what year").alternatives).toEqual([]);
  });

  it("a second part that leans on the first is marked: it is not a question on its own", () => {
    expect(readChat("what is alipay and how many user it has?").leaning).toBe(true);
    expect(readChat("JD.com has rural centers? how many?").leaning).toBe(true);
    // …and a part that asks only when ("…and what year?").
    expect(readChat("who started the venue and what year?").leaning).toBe(true);
    expect(readChat("who started the venue and what year did the plan begin?").leaning).toBe(false);
    // A second part that drops its subject ("is competitor?") asks about the first's.
    expect(readChat("what pinduoduo is doing in the rural market? is competitor?").leaning).toBe(true);
    expect(readChat("who leads imports? does alibaba help farmers?").leaning).toBe(false);
    // …and so does one asking only whether there is evidence.
    expect(readChat("淘宝上的假货比例是多少？有没有数据？").leaning).toBe(true);
    expect(readChat("how many fakes were taken down? any data?").leaning).toBe(true);
    // A bare check of a claim asks about the sentence before it.
    expect(readChat("the venue opened in 2014, i heard. correct or not?").text).toBe("the venue opened in 2014, i heard. correct or not?");
    expect(readChat("> They opened offices in Oslo and Rome\nis that right? also who runs them?").parts[0]).toContain("Oslo");
    // …and so does a fact checker's "supported by the copy?".
    expect(readChat("Claim: the venue opened in 2014. Supported by the copy?").text).toContain("opened in 2014");
    expect(readChat("Claim: the venue opened in 2014. Does the piece back this up?").text).toContain("opened in 2014");
    // …and so is a question whose object is a pronoun, whatever else it names.
    expect(readChat("I heard the shop had a name for fakes. How are they trying to sort that, per the article?").text).toContain("fakes");
    expect(readChat("I heard the shop had a name for fakes 😬 how are they trying to sort that?").text).toContain("fakes");
    expect(readChat("I heard the shop had a name for fakes. Is that right for the farmers too?").text).not.toContain("fakes");
    // …and "is that in the article?".
    expect(readChat("My neighbour says the venue helps farmers sell produce... is that in this article? :thinking:").text).toContain(
      "farmers",
    );
    expect(readChat("They opened offices in Oslo. Does the piece mention that?").text).toContain("Oslo");
    // …and a question asking only what the source says about the sentence before it.
    expect(readChat("they mentioned the venue and the farmers... what does the article say about that?").text).toContain("farmers");
    // A part asking only what the source says is no reading of its own.
    expect(readChat("reporter wrote US$1bn for venues - what does the article have?").alternatives).not.toContain(
      "what does the article have?",
    );
    // …and so does a Chinese clause asking only whether the subject before it is related to something.
    expect(readChat("马来西亚的数字自由贸易区几时开始？跟阿里有关系吗？").leaning).toBe(true);
    expect(readChat("那个自贸区是几时开始的？和京东有没有关系？").leaning).toBe(true);
    expect(readChat("新总部在哪？京东跟阿里有关系吗？").leaning).toBe(false);
    // …and one asking only how it compares with something.
    expect(readChat("Globex进中国了吗？跟Acme比怎么样？").leaning).toBe(true);
    // …and one asking only whether a name is among what the first asked for.
    expect(readChat("这些省份是哪几个？有广东伐？").leaning).toBe(true);
    expect(readChat("那几个国家是哪些？有没有西班牙？").leaning).toBe(true);
    expect(readChat("新总部在哪？京东有吗？").leaning).toBe(false);
    // …and one asking what is inside it (里头, 里面).
    expect(readChat("德国那个办公室在哪个城市？里头有几个人").leaning).toBe(true);
    // …and one asking only what the subject did before.
    expect(readChat("王明几时开始做CEO㗎？之前做咩？").leaning).toBe(true);
    expect(readChat("王明是哪年当上CEO的?以前是干嘛的?").leaning).toBe(true);
    // …or where it was before.
    expect(readChat("王明是哪一年加入公司的？之前在何處工作？").leaning).toBe(true);
    expect(readChat("王明是哪一年加入公司的？之前在哪里上班？").leaning).toBe(true);
    // Punctuation dictated as words is the mark; a comma asked about is a word.
    expect(readChat("Dear all comma what are the plans for twenty sixteen question mark").text).toBe(
      "what are the plans for twenty sixteen?",
    );
    expect(readChat("is there a comma in the headline").text).toBe("is there a comma in the headline");
    expect(readChat("请问王明是哪年当上CEO的？之前是做么事的？谢谢。").leaning).toBe(true);
    // "also" after a question's auxiliary and its subject is an adverb, not a second question.
    expect(readChat("Did Pinduoduo also go into the rural market?").parts).toEqual(["Did Pinduoduo also go into the rural market?"]);
    expect(readChat("who is the ceo also who wrote it").parts).toEqual(["who is the ceo", "who wrote it"]);
    expect(readChat("where is the second hq? also who wrote the article").leaning).toBe(false);
    // "are there" asks whether something exists; it points back to nothing.
    expect(readChat("what are they doing in rural areas also how many village centers are there").leaning).toBe(false);
    // A guess at the answer: "…是谁？是马云吗？".
    expect(readChat("定这三大战场的人是谁？是马云吗？").leaning).toBe(true);
    expect(readChat("三大战场是什么？还有作者是谁？").leaning).toBe(false);
    expect(readChat("张三之前在哪里做? 他的 background 呢?").leaning).toBe(true);
    expect(readChat("where is the new venue, and where is the first one?").leaning).toBe(true);
    // A Traditional sentence closing on 嗎 asks, as a Simplified one closing on 吗 does.
    expect(readChat("他們投資了哪些新創？那間有嗎").parts).toHaveLength(2);
  });

  it("reads a part that only asks what the source says about the other as that part asked again", () => {
    for (const [q, part] of [
      ["is the shop still fighting fakes? what does the article say about that", "is the shop still fighting fakes?"],
      ["can farmers sell there? what article says", "can farmers sell there?"],
      ["农民能不能在网上卖？文章怎么说的", "农民能不能在网上卖？"],
    ]) {
      const r = readChat(q as string);
      expect(r.parts, q).toHaveLength(1);
      expect(r.text, q).toBe(part);
    }
    expect(readChat("is the shop still fighting fakes? what does the article say about farmers").parts).toHaveLength(2);
  });

  it("a claim set against another name is also read without it", () => {
    expect(readChat("Is it right that Lee is the CEO, not Chan?").alternatives).toContain("Is it right that Lee is the CEO");
    expect(readChat("who is the CEO rather than the chairman?").alternatives).toContain("who is the CEO");
    // "Or" joins two things both asked about: not a claim set against another.
    expect(readChat("offices in Spain or Italy?").alternatives).toEqual([]);
  });

  it("a Chinese second part that leaves its subject out takes the first's", () => {
    expect(readChat("张勇是谁？多大了？").parts).toEqual(["张勇是谁？", "张勇多大了？"]);
    expect(readChat("Steven Millward是哪国人？几岁？").parts).toEqual(["Steven Millward是哪国人？", "Steven Millward几岁？"]);
    // A second part that names its own subject keeps it.
    expect(readChat("张勇是谁？欧洲办事处在哪？").parts).toEqual(["张勇是谁？", "欧洲办事处在哪？"]);
    // A role without its firm is the first part's firm's: "when was Acme founded? (its) boss is who?"
    expect(readChat("京东是哪一年成立的？老板是谁？").parts).toEqual(["京东是哪一年成立的？", "京东老板是谁？"]);
    expect(readChat("拼多多是哪年成立的？老闆是誰？").parts).toEqual(["拼多多是哪年成立的？", "拼多多老闆是誰？"]);
  });

  it("a message of pleasantries only has nothing to answer", () => {
    expect(readChat("thanks! :pray:").text).toBe("");
    expect(readChat("??? !!!").parts).toEqual([]);
  });
});
