import { describe, expect, it } from "vitest";
import { cleanText, normalise } from "../../src/match/normalise.js";

describe("normalise", () => {
  it("folds case, full-width forms and curly quotes", () => {
    expect(normalise("ＡＬＩＢＡＢＡ’s ＨＱ").terms).toEqual(normalise("alibaba's hq").terms);
    expect(cleanText("“Fake” ‘goods’")).toBe('"fake" goods');
  });

  it("drops stop words and punctuation, stems, applies synonyms", () => {
    expect(normalise("What are the counterfeit goods?!").terms).toEqual(normalise("what fake goods").terms);
    expect(normalise("still known for fong kong goods?").terms).toEqual(normalise("still known for fake goods?").terms);
    expect(normalise("who is the top dog there").terms).toEqual(normalise("who is the ceo there").terms);
    expect(normalise("what has the firm got lined up for 2016").terms).toEqual(normalise("what has the firm got planned for 2016").terms);
    // Southern US "fixin' to" (planning to); "the country parts" (the country away from the towns); a
    // market's "player", a firm of standing.
    expect(normalise("what're they fixin' to do out in the country parts").terms).toEqual(
      normalise("what're they planning to do out in the rural").terms,
    );
    expect(normalise("how big a player is the firm").terms).toEqual(normalise("how big a titan is the firm").terms);
    // "How does the article put it?" asks how the source describes it; "who put it out" stays.
    expect(normalise("how does the article put it").terms).toEqual(normalise("how does the article describe it").terms);
    expect(normalise("who put it out").terms).not.toContain("describ");
    // A person's English name is the name the English text gives them.
    expect(normalise("what's the boss's english name").terms).toEqual(normalise("what's the boss's name").terms);
    // French-shaped English: "rédiger" (to write) and "qualifier" (to call by a name); "qualifies for" is English.
    expect(normalise("who has redacted this article").terms).toEqual(normalise("who wrote this article").terms);
    expect(normalise("how the text qualifies the company").terms).toEqual(normalise("how the text describes the company").terms);
    expect(normalise("who qualifies for the program").terms).not.toContain("describ");
    expect(normalise("Where is the HQ").terms).toEqual(normalise("where headquarters").terms);
    expect(normalise("countryside").terms).toEqual(normalise("rural").terms);
    expect(normalise("buyers").terms).toEqual(normalise("shoppers").terms);
    expect(normalise("provinces").terms).toEqual(normalise("province").terms);
    // Scots and Northern English count people as "folk".
    expect(normalise("how many folk shop there").terms).toEqual(normalise("how many people shop there").terms);
    // …and write "what", "from", "to", "about" as "whit", "fae", "tae", "aboot".
    // "Upcountry" is rural.
    expect(normalise("what about folks upcountry").terms).toEqual(normalise("what about rural folks").terms);
    // "Among" and an Irish "c'mere" say nothing of what is asked.
    expect(normalise("c'mere, is fresh food among the goods").terms).toEqual(normalise("is fresh food the goods").terms);
    // Being confused about something asks about it.
    expect(normalise("confused about the second battlefield").terms).toEqual(normalise("about the second battlefield").terms);
    // Increasing something is growing it.
    expect(normalise("how will it increase imports").terms).toEqual(normalise("how will it grow imports").terms);
    // Courting or wooing a market is targeting it.
    expect(normalise("which shoppers is it courting").terms).toEqual(normalise("which shoppers is it targeting").terms);
    expect(normalise("whit's he daein aboot imports fae abroad, gonnae tell me").terms).toEqual(
      normalise("what's he doing about imports from abroad, gonna tell me").terms,
    );
    // Taglish asks in Tagalog around English words: its question words, particles and the verbs a
    // reader uses ("ininvest" is "invest" with Tagalog's infix).
    expect(normalise("magkano yung ininvest nila sa imports?").terms).toEqual(normalise("how much invest in imports?").terms);
    expect(normalise("sino sumulat nung piece na to").terms).toEqual(normalise("who wrote the piece").terms);
    expect(normalise("gaano katagal basahin, salamat po").terms).toEqual(normalise("how long read").terms);
    expect(normalise("magkano").tokens).toEqual(["how", "much"]);
    // "Under the plan", as "over" is, says nothing of what is asked.
    expect(normalise("what can farmers do under the new plan").terms).not.toContain("under");
    // "Battlefield number 2" is "battlefield 2", as "#2" is; "the number 2 man" is a rank, and "on
    // number 4" a setting.
    expect(normalise("what is battlefield number 2 about").terms).toEqual(normalise("what is battlefield #2 about").terms);
    expect(normalise("who is the number 2 man").terms).toEqual(normalise("who is the number 2 man").terms);
    expect(normalise("who is the number 2 man").tokens).toContain("number");
    expect(normalise("put the fan on number 4").tokens).toContain("number");
    expect(normalise("what is phase number 25").tokens).toContain("number");
    // "The 386 million figure" asks about the number; "what does X refer to?" asks what X means.
    expect(normalise("what's the 10,000 figure about").terms).toEqual(normalise("what's the 10,000 about").terms);
    expect(normalise("what does the 386 million refer to?").terms).toEqual(normalise("what does the 386 million mean?").terms);
    expect(normalise("which apps does it refer to? name a few").terms).toContain("refer");
    // "n" is "and" ("shanghai n beijing"), as "w" is "with".
    expect(normalise("shanghai n beijing type cities").terms).toEqual(normalise("shanghai and beijing type cities").terms);
    // French habits: "c'est quoi" is "what is"; and "dose" is "does" with its letters swapped.
    expect(normalise("c'est quoi the title ?").terms).toEqual(normalise("what is the title?").terms);
    expect(normalise("how many shoppers dose it have").terms).toEqual(normalise("how many shoppers does it have").terms);
  });

  it("weighs formal framing as nothing: insofar as, with respect to, over the course of, grateful", () => {
    const bag = (q: string) => [...normalise(q).terms].sort();
    expect(bag("Insofar as the countryside is concerned, what is planned?")).toEqual(bag("what is planned for the countryside"));
    expect(bag("With respect to imports, what's the plan over the course of 2016?")).toEqual(bag("imports: what's the plan in 2016"));
    expect(bag("I should be grateful if you could name the CEO")).toEqual(bag("name the CEO"));
    // The person asked is no part of the question: "sir", South Asia's "sir ji", "ma'am".
    // Indonesian and Malay "Pak" / "Bu" address the person asked.
    expect(bag("Pak/Bu, who runs the venue?")).toEqual(bag("who runs the venue?"));
    expect(bag("Sir ji, who runs the venue?")).toEqual(bag("who runs the venue?"));
    expect(bag("madam who runs the venue")).toEqual(bag("who runs the venue?"));
    // "the situation of X" asks about X; a "traffic situation" is a thing asked about.
    expect(bag("how is the situation of the venue in town?")).toEqual(bag("how is the venue in town?"));
    expect(bag("what is the traffic situation at the venue")).toContain("situat");
    // "Could someone clarify this business of X" asks about X ("the business of a firm" is its trade).
    expect(bag("could someone clarify this business of the venue in town?")).toEqual(bag("could someone the venue in town?"));
    expect(bag("what is the business of the venue")).toContain("busi");
    // "the status of X" asks how X stands; a "shipping status" is a thing asked about.
    expect(bag("what is the status of the venue in town?")).toEqual(bag("what is the venue in town?"));
    expect(bag("what is the shipping status of my parcel")).toContain("statu");
    // "as per this report" is "according to the article" ("for the report" is the asker's own).
    expect(bag("who runs the venue as per this report")).toEqual(bag("who runs the venue according to the article"));
    expect(bag("who runs the venue, for the report")).toContain("report");
    // Rivals eating into customers, or luring them away, take them; going back after a market targets it.
    expect(bag("what is eating into the venue's customers")).toEqual(bag("what is stealing the venue's customers"));
    expect(bag("what is luring away the venue's customers")).toEqual(bag("what is stealing the venue's customers"));
    expect(bag("which towns is the venue going back after")).toEqual(bag("which towns is the venue targeting"));
    // Removing, eliminating or bypassing a link is cutting it out; "fair dinkum" (really?) frames.
    expect(bag("why remove the middlemen at the venue")).toEqual(bag("why cut the middlemen at the venue"));
    expect(bag("fair dinkum, who runs the venue?")).toEqual(bag("who runs the venue?"));
    // Spanglish: the Spanish words that carry the question, its articles and fillers as nothing.
    expect(bag("oye, is la empresa pushing into el campo chino ahora?")).toEqual(
      bag("is la company pushing into countryside chinese now?"),
    );
    expect(bag("which ciudades is the venue going after, las grandes?")).toEqual(bag("which cities is the venue going after, big?"));
    // A "fancy name" is the name someone gives a thing.
    expect(bag("what fancy name does the piece give the venue")).toEqual(bag("what name does the piece give the venue"));
    // "To what extent" frames a "how".
    expect(bag("to what extent is the venue a priority")).toEqual(bag("how is the venue a priority"));
    // French "siège" and "principal" are the main head office; clients are customers, a domain or
    // sector an area; "different from" the rivals is set apart from them.
    expect(bag("where is the principal siege of the venue")).toEqual(bag("where is the main headquarters of the venue"));
    expect(bag("which domains take the venue's clients")).toEqual(bag("which areas take the venue's customers"));
    expect(bag("how is the venue different from rivals")).toEqual(bag("how is the venue differentiated from rivals"));
    // Fighting for or over a thing is competing for it; Israeli English's "yalla", "tachles" frame.
    expect(bag("which towns is the venue fighting for")).toEqual(bag("which towns is the venue competing for"));
    expect(bag("yalla, tell me the venue's plan, tachles")).toEqual(bag("tell me the venue's plan"));
    // Irish "craic" and "yer" frame; to reckon is to think; "at the minute" is right now.
    expect(bag("what's the craic, does yer firm reckon the venue is worth it?")).toEqual(
      bag("what's the, does firm think the venue is worth it?"),
    );
    expect(normalise("who runs the venue at the minute").tokens).toEqual(normalise("who runs the venue right now").tokens);
    expect(normalise("who runs the venue at the minute").asksAboutNow).toBe(true);
    // "hwo" before what "how" asks is "how" ("hwo is" is left to the typo reader, which reads "who").
    expect(normalise("hwo much did they put into it").terms).toEqual(normalise("how much did they put into it").terms);
    expect(normalise("hwo is the ceo").terms).not.toContain("how");
    // Spanish "¿cómo se llama?" said in English asks the name.
    expect(bag("the venue, how is it called?")).toEqual(bag("the venue, what is its name?"));
    // "net-net" (in sum) frames the question.
    expect(bag("net-net, who runs the venue?")).toEqual(bag("who runs the venue?"));
    // "the import side", "the local services side of things": where, not what.
    expect(bag("how big is the import side")).toEqual(bag("how big is the import"));
    expect(bag("how much did they sink into it")).toEqual(bag("how much did they invest in it"));
    // Nobody's head is asked about.
    expect(bag("anyone know off the top of their head, the 2016 battlefields")).not.toContain("head");
    // "Remind me" before what it asks frames the question; "the purpose of" asks why.
    expect(bag("can you remind me what the headline said")).toEqual(bag("can you what the headline said"));
    expect(bag("remind me to read the headline")).toContain("remind");
    expect(bag("what is the purpose of the village centers")).toEqual(bag("what why the village centers"));
    // "In general lines" asks for the overview; "keen to understand" is the asker's wish.
    expect(bag("the plan for 2016, in general lines")).toEqual(bag("the plan for 2016 overview"));
    expect(bag("keen to understand the global imports bit")).toEqual(bag("the global imports bit"));
    // "as far as" asks no distance.
    expect(bag("as far as farmers go")).not.toContain("far");
  });

  it("normalises numbers and money", () => {
    expect(normalise("10,000 centres").terms).toContain("10000");
    expect(normalise("$1bn").terms).toEqual(expect.arrayContaining(["1", "billion"]));
  });

  it("reads a Zhuyin letter typed for a particle as the particle", () => {
    expect(cleanText("有關係ㄇ")).toBe("有關係嗎");
    expect(normalise("這樣好ㄉ").terms).toEqual(normalise("這樣好的").terms);
  });

  it("reads a year said aloud as the year", () => {
    expect(normalise("plans for twenty sixteen").terms).toContain("2016");
    expect(normalise("what about two thousand and fifteen?").terms).toContain("2015");
    expect(normalise("twenty-ten").terms).toContain("2010");
    expect(normalise("twenty people").terms).not.toContain("2020");
  });

  it("reads a year in Chinese digits as the year", () => {
    expect(cleanText("二零一六年的计划")).toBe("2016年的计划");
    expect(cleanText("二〇一五年")).toBe("2015年");
    expect(cleanText("一六年那三个战场")).toBe("16年那三个战场");
    expect(cleanText("三个战场")).toBe("三个战场");
  });

  it("reads idioms for leading, for the big picture and for doing as those words", () => {
    expect(normalise("who is calling the shots").terms).toEqual(normalise("who is in charge").terms);
    expect(normalise("what is the overall plan").terms).toContain("overview");
    expect(normalise("are they working on it").terms).toEqual(normalise("are they doing it").terms);
  });

  it("reads the US in capitals as the country, not the pronoun", () => {
    expect(normalise("an office in the US too").terms).toContain("usa");
    expect(normalise("an office in the U.S. too").terms).toContain("usa");
    expect(normalise("tell us about the offices").terms).not.toContain("usa");
    expect(normalise("what is the US$1 billion for?").terms).toContain("dollar");
    expect(normalise("WHAT DOES IT TELL US").terms).not.toContain("usa");
    // …and "us" in lower case after an article, where the pronoun never stands.
    expect(normalise("is there a us office too").terms).toContain("usa");
    expect(normalise("any offices in the us?").terms).toContain("usa");
    expect(normalise("give us the offices").terms).not.toContain("usa");
    expect(normalise("what did the us$1 billion buy").terms).not.toContain("usa");
    // After an amount, or before "dollars", it is the currency.
    expect(normalise("a billion US on local services").terms).toEqual(normalise("a billion dollars on local services").terms);
    expect(normalise("1 billion US dollars on it").terms).toEqual(normalise("1 billion dollars on it").terms);
  });

  it("notices questions about now, and removes the marker", () => {
    const n = normalise("Who runs Alibaba now?");
    expect(n.asksAboutNow).toBe(true);
    expect(n.terms).not.toContain("now");
    expect(normalise("Who runs Alibaba?").asksAboutNow).toBe(false);
    // …said at length: "at the present time" asks nothing about a time or a present.
    const long = normalise("What is Alibaba prioritizing at the present time?");
    expect(long.asksAboutNow).toBe(true);
    expect(long.terms).not.toContain("time");
    // "in this moment", a French speaker's "at the moment".
    const moment = normalise("what is Alibaba doing for the farmers in this moment ?");
    expect(moment.asksAboutNow).toBe(true);
    expect(moment.terms).not.toContain("moment");
  });

  it("segments Chinese into words and pinyin bigrams, without stop words", () => {
    const n = normalise("阿里巴巴在欧洲开了哪些办公室？");
    expect(n.chinese).toBe(true);
    expect(n.terms).toEqual(expect.arrayContaining(["zh:ouzhou", "zh:ou_zhou", "zh:ban_gong"]));
    expect(n.terms.join(" ")).not.toMatch(/zh:(de|le)\b/);
  });

  it("reads spoken Mandarin's 村一级 (at the village level) as written Chinese's 村级", () => {
    expect(normalise("村一级的服务中心建了多少").terms).toEqual(normalise("村级的服务中心建了多少").terms);
    expect(normalise("第一级").terms).not.toEqual(normalise("第级").terms);
  });

  it("keeps 么 as written (OpenCC's Taiwan table makes it 幺), and reads other Mandarin's 么子 / 甚么 / 啥米 as 什么", () => {
    expect(normalise("電商的啥米巨頭").terms).toEqual(normalise("電商的什麼巨頭").terms);
    expect(normalise("张勇是么时候接的").terms).toEqual(normalise("张勇是什么时候接的").terms);
    expect(normalise("是么").terms).toEqual(normalise("是吗").terms);
    expect(normalise("到底是么子打算").terms).toEqual(normalise("到底是什么打算").terms);
    expect(normalise("这是甚么计划").terms).toEqual(normalise("这是什么计划").terms);
    // Jin 甚 alone after a verb is 什么 too; 甚至 ("even") is not.
    expect(normalise("文章里说甚来").terms).toEqual(normalise("文章里说什么来").terms);
    expect(normalise("甚至农民也卖").terms).not.toEqual(normalise("什么至农民也卖").terms);
    expect(normalise("甚至农村").terms).not.toEqual(normalise("什么农村").terms);
    // Numbers in Chinese numerals are read as the digits a knowledge file writes.
    expect(normalise("三億五千萬是什么").terms).toEqual(normalise("3.5亿是什么").terms);
    expect(normalise("投了十二亿美元").terms).toEqual(normalise("投了12亿美元").terms);
    expect(normalise("两万个").terms).toEqual(normalise("2万个").terms);
    expect(normalise("一万五").terms).toEqual(normalise("1.5万").terms);
    // …but not words that begin with one: 十分, 一线, 万一, 千万.
    expect(normalise("十分重要的一线城市").terms).not.toContain("10");
    expect(normalise("万一下雨，千万别去").terms.some((t) => /\d/.test(t))).toBe(false);
    // How often weighs nothing ("到底有多少人常常…"), but 总是 stays: 老总是谁 is "who is the boss".
    expect(normalise("阿里巴巴到底有多少人常常在上面买东西").terms).toEqual(normalise("阿里巴巴有多少人在上面买东西").terms);
    expect(normalise("阿里现在老总是谁").terms).not.toEqual(normalise("阿里现在是谁").terms);
    // Shaanxi's sentence-final 咧 weighs nothing, as 呢 does.
    expect(normalise("村里的服务站阿里弄了多少个咧").terms).toEqual(normalise("村里的服务站阿里弄了多少个").terms);
    // "In all" before a count weighs nothing: the count words already ask.
    for (const q of ["活跃买家总共有多少", "服务站一共几个", "一共有多少个"])
      expect(normalise(q).terms.join(" "), q).not.toMatch(/zong|yi_?gong|gong_?you/);
    // 哪个 before a verb of leading or writing asks who (Southwest and Central Mandarin); elsewhere, which.
    expect(normalise("法国办公室是哪个负责的").terms).toContain("who");
    expect(normalise("这篇是哪个写的").terms).toContain("who");
    expect(normalise("消息是从哪个管道放出来的").terms).not.toContain("who");
    // 找谁来, 请谁来 ask who was brought in; 谁来 alone asks someone to help.
    expect(normalise("国际那块找谁来带").terms).toContain("who");
    expect(normalise("谁来讲讲这个计划").terms).not.toContain("who");
    // A place after "like us" is where the asker is from, not a name the question is about; after
    // "us" alone it is the question's scope ("我们甘肃有几个", how many in our province).
    expect([...normalise("像我们马来西亚这样的小生意能卖去中国吗").names]).not.toContain("zh:malaixiya");
    expect([...normalise("我们马来西亚有几个").names]).toContain("zh:malaixiya");
    // Northern and Jin speech: 多会儿 and 多咱 "when", but 得多会儿 "how long it takes"; 统共 "in all";
    // 多少个人 counts people.
    expect(normalise("这文章多会儿发的").terms).toEqual(normalise("这文章什么时候发的").terms);
    expect(normalise("这文章多咱发的").terms).toEqual(normalise("这文章什么时候发的").terms);
    expect(normalise("开车得多会儿").terms).not.toContain("when");
    expect(normalise("活跃买家统共有多少个人").terms).toEqual(normalise("活跃买家总共有多少人").terms);
    // Herders, fishers and growers of one crop are the farmers who sell online.
    expect(normalise("牧民能在网上卖东西吗").terms).toEqual(normalise("农民能在网上卖东西吗").terms);
    expect(normalise("茶农能在网上卖东西吗").terms).toEqual(normalise("农民能在网上卖东西吗").terms);
    expect(normalise("can herders sell online").terms).toEqual(normalise("can farmers sell online").terms);
    // 头一个 is the first one (头一次, the first time, is not).
    expect(normalise("三大战场头一个是什么").terms).toEqual(normalise("三大战场第一个是什么").terms);
    expect(normalise("头一次来").terms).not.toEqual(normalise("第一次来").terms);
    // Hong Kong's 按年 before a rise is year on year.
    expect(normalise("买家按年增长多少").terms).toEqual(normalise("买家同比增长多少").terms);
    // Gansu speech: 阿门 "how", 阿达 "where", 阿些 "which ones", 那搭 "there".
    expect(normalise("那搭的买家阿门抢").terms).toEqual(normalise("那里的买家怎么抢").terms);
    expect(normalise("总部在阿达").terms).toEqual(normalise("总部在哪里").terms);
    // Ningxia 撒 for 啥 after a verb or before 时候, not the verb (撒种, to sow).
    expect(normalise("大城市具体要干撒").terms).toEqual(normalise("大城市具体要干啥").terms);
    expect(normalise("撒时候开的").terms).toEqual(normalise("啥时候开的").terms);
    // Taiwan's newsroom words: 大標 is the headline, 編修 the editing; 敝人 is a humble "I".
    expect(normalise("敝人想知道這篇的英文大標").terms).toEqual(normalise("想知道這篇的英文標題").terms);
    expect(normalise("誰負責這篇的編修").terms).toEqual(normalise("誰負責這篇的編輯").terms);
    expect(normalise("农民撒种").terms).not.toEqual(normalise("农民啥种").terms);
    expect(normalise("投到阿些app上").terms).toEqual(normalise("投到哪些app上").terms);
  });

  it("reads a question about what something is for in its common words: 拿来干什么 as 用来干嘛", () => {
    expect(normalise("新总部是拿来干么子的").terms).toEqual(normalise("新总部是用来干嘛的").terms);
    expect(normalise("新总部是干啥子的").terms).toEqual(normalise("新总部是干嘛的").terms);
    expect(normalise("把书拿来").terms).not.toEqual(normalise("把书用来").terms);
    // …and asks what the thing is.
    expect(normalise("村级服务中心是拿来干啥子的").terms).toEqual(normalise("村级服务中心是什么").terms);
    expect(normalise("村级服务中心是干嘛用的").terms).toEqual(normalise("村级服务中心是什么").terms);
  });

  it("reads Southwest Mandarin's 文章头 and 里头 as 里, and Cantonese 边个 before a place as which, not who", () => {
    expect(normalise("淘宝在文章头是干嘛的").terms).toEqual(normalise("淘宝在文章里是干嘛的").terms);
    expect(normalise("淘宝在文章里头是干嘛的").terms).toEqual(normalise("淘宝在文章里是干嘛的").terms);
    expect(normalise("第二個HQ會喺邊個城市").terms).not.toContain("who");
    // …and before a channel, a medium or a line of business ("which channel announced the plans?").
    expect(normalise("呢啲计划系喺边个渠道公布出嚟嘅").terms).not.toContain("who");
    expect(normalise("邊個係CEO").terms).toContain("who");
    // 入口貨 is imported goods (Mandarin's 入口 an entrance), 著數 a benefit.
    expect(normalise("入口貨有咩著數").terms).toEqual(normalise("进口货有什么好处").terms);
    // 翻版貨 are fakes, 諗 is "think", 搞掂 is "sorted out".
    expect(normalise("佢哋有冇諗辦法搞掂翻版貨").terms).toEqual(normalise("他们有没有想办法解决假货").terms);
    // 用家 are users; A貨, written with a Latin letter, are fakes (replicas).
    expect(normalise("有幾多用家").terms).toEqual(normalise("有几多用户").terms);
    expect(normalise("點樣處理 A 貨問題").terms).toEqual(normalise("點樣處理 假货問題").terms);
    expect(normalise("A 级 货物").terms).not.toContain("zh:jia_huo");
  });

  it("reads a who-question closing on 'by' as asking who made the thing, and a passive as it is", () => {
    expect(normalise("who's it by?").terms).toEqual(normalise("who's it written by?").terms);
    expect(normalise("who is the article by").terms).toEqual(normalise("who is the article written by").terms);
    expect(normalise("who was he hired by").terms).toEqual(normalise("who was he hired").terms);
  });

  it("reads 那几个 / 这几个 as pointing at things, not counting them, and 哪样 as 什么", () => {
    expect(normalise("那几个网上市场叫什么").terms).not.toContain("many");
    expect(normalise("有几个网上市场").terms).toContain("many");
    expect(normalise("市场叫哪样名字").terms).toEqual(normalise("市场叫什么名字").terms);
  });

  it("weighs hedges as nothing: from what I read, iirc", () => {
    expect(normalise("from what I read, who runs the firm?").terms).toEqual(normalise("who runs the firm?").terms);
    expect(normalise("who runs the firm iirc").terms).toEqual(normalise("who runs the firm").terms);
  });

  it("reads verbatim and word for word as exact", () => {
    expect(normalise("the headline verbatim").terms).toEqual(normalise("the headline exact").terms);
    expect(normalise("the headline word for word").terms).toEqual(normalise("the headline exact").terms);
  });

  it("reads Pidgin's and slang's 'da' as 'the'", () => {
    expect(normalise("who da ceo of the firm").terms).toEqual(normalise("who the ceo of the firm").terms);
  });

  it("reads Nigerian Pidgin's wetin as what and abeg as please", () => {
    expect(normalise("abeg wetin be the headline").terms).toEqual(normalise("please what be the headline").terms);
    // …and Hinglish: "kya" is what, "the X wala point" is the X one, "yaar" and "hai" frame.
    expect(normalise("global imports wala point, kya scene hai yaar?").terms).toEqual(normalise("global imports, what?").terms);
  });

  it("reads a Portuguese speaker's false friends and the inland words as English means them", () => {
    expect(normalise("what does it pretend to do in the interior").terms).toEqual(normalise("what does it plan to do in the rural").terms);
    expect(normalise("make a resume of the aims").terms).toEqual(normalise("make a summary of the goals").terms);
    expect(normalise("Tmall alongside Taobao").terms).toEqual(normalise("Tmall Taobao").terms);
  });

  it("reads Kenyan English's Swahili particles as saying nothing", () => {
    expect(normalise("Poa poa. Kwani how will farmers use it? asante").terms).toEqual(normalise("how will farmers use it?").terms);
  });

  it("reads a number run together with its word as the number and the word", () => {
    expect(normalise("investing 1billion").terms).toEqual(normalise("investing 1 billion").terms);
  });

  it("reads 哪位 before a request to post or say something as asking anyone, not who", () => {
    expect(normalise("麻烦哪位发一下标题").terms).not.toContain("who");
    expect(normalise("哪位写的标题").terms).toContain("who");
  });

  it("reads Taiwanese Hokkien's question words and everyday words as Mandarin", () => {
    expect(normalise("作穡人佇庄跤按怎賣貨").terms).toEqual(normalise("农民在乡下怎么卖货").terms);
    expect(normalise("阿里總共開偌濟錢").terms).toEqual(normalise("阿里总共开多少钱").terms);
    // …and Kinmen's 佗兩个 "which two", 內底 "inside", 買物件 "buying things".
    expect(normalise("兩个市集是佗兩个").terms).toEqual(normalise("两个市集是哪两个").terms);
    expect(normalise("文章內底講的").terms).toEqual(normalise("文章里面讲的").terms);
    expect(normalise("有偌濟人咧買物件").terms).toEqual(normalise("有多少人在买东西").terms);
  });

  it("reads Teochew's 乜个 and 几久 as 什么 and 多久, and phony merchandise as fake goods", () => {
    expect(normalise("题目写的是乜个").terms).toEqual(normalise("题目写的是什么").terms);
    expect(normalise("看完这篇要几久").terms).toEqual(normalise("看完这篇要多久").terms);
    expect(normalise("phony merchandise").terms).toEqual(normalise("fake goods").terms);
  });

  it("converts Taiwan's phrases in Traditional text only: in Mainland text they are other words", () => {
    // 登出 is "to publish" in Mainland Chinese, "to log out" (注销) only in Taiwan's.
    expect(normalise("哪家网站登出来的").terms).not.toContain("zh:zhu_xiao");
    expect(normalise("執行長是誰").terms).toEqual(normalise("首席执行官是谁").terms);
  });

  it("matches homophone typos the way a pinyin keyboard makes them", () => {
    expect(normalise("全球近口").terms).toContain("zh:jin_kou");
    expect(normalise("全球进口").terms).toContain("zh:jin_kou");
    expect(normalise("活越用户").terms).toContain("zh:huo_yue");
  });

  it("maps Chinese question words to intents and notices 现在", () => {
    const n = normalise("现在谁是阿里的CEO");
    expect(n.terms).toContain("who");
    expect(n.asksAboutNow).toBe(true);
  });

  it("never throws on hostile text", () => {
    for (const s of ["", "\uD800", "\u202Eevil", "🙂".repeat(1000), "\u0000\u0007", "a".repeat(100_000)])
      expect(() => normalise(s)).not.toThrow();
  });
});
