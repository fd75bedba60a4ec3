/**
 * Reads a chat message as chat: platform markup never counts as words, greetings, thanks and
 * sign-offs are dropped, and a message of several sentences is answered from its question
 * sentence(s). Every adapter, the REPL and the CLI go through this one reader (via the engine).
 *
 * Linear time: each step is one pass of a regular expression without nested quantifiers.
 */

import { ZH_QUESTION_WORD } from "./chinese.js";
import { INTENT_WORDS, normalise, STOP_WORDS } from "./normalise.js";

/** Slack and Discord markup, links, emoji and markdown: replaced by a space (or by their label). */
const MARKUP: [RegExp, string][] = [
  // Slack links with a label keep the label: <https://x|the article>; bare links go, and so does a
  // label that only says it is a link (<https://x|link>, "here", "click here", "source").
  [/<(?:https?|mailto):[^|<>\s]{0,2000}\|\s*(?:link|here|click here|this|url|source|src)\s*>/gi, " "],
  [/<(?:https?|mailto):[^|<>\s]{0,2000}\|([^<>]{0,500})>/g, " $1 "],
  // Slack channel links keep nothing: <#C024BE7LH|general>. User, group and special mentions too.
  [/<[#@!][^<>\s]{0,200}>/g, " "],
  // Any other angle-bracket token: <https://…>, Discord custom emoji <:name:id> / <a:name:id>.
  // No token holds a "<": without that, each "<" of "<<<<…" scanned 2,000 characters (4.6 s per 100,000).
  [/<a?:?[\w~-]{0,100}:?[^<>\s]{0,2000}>/g, " "],
  [/\bhttps?:\/\/\S{1,2000}/g, " "],
  [/\bwww\.\S{1,2000}/g, " "],
  // A link pasted without its scheme: a domain and a path (example.com/some-story-2016).
  [/\b[\w-]{1,100}(?:\.[\w-]{1,100}){0,5}\.[a-z]{2,20}\/\S{0,2000}/gi, " "],
  // :shortcodes: and :skin-tone-2: (often where a sentence ends: a line break keeps them apart).
  [/:[a-z0-9_+-]{1,60}:/gi, "\n"],
  // WeChat and Weibo emoji are written as a word in square brackets: [捂脸], [微笑], [强].
  [/\[[\u4e00-\u9fff]{1,4}\]/g, "\n"],
  // A dollar sign glued to other symbols ("$~.`{", "^$*") is one more symbol, not a word for
  // dollars once the markup around it has gone; beside an amount or a word ("($5)", "US$", "$$$") it stays.
  [/(?<=[^\s\p{L}\p{N}($])\$(?![\d$])|(?<!\$)\$(?=[^\s\p{L}\p{N}?.,!\-\d$])/gu, " "],
  // @channel, @here, @everyone, @someone, @小助手 (a mention written by hand). A Latin name ends
  // at the first character that is not Latin: "@someone是谁" asks who @someone is.
  [/(^|\s)@(?:[A-Za-z0-9_.-]{1,80}|[\w.\p{Script=Han}-]{1,80})/gu, " "],
  // A Weibo or WeChat topic tag, #电商#: what the post is filed under, not what it asks.
  [/#[^#\s]{1,30}#/g, " "],
  // Unicode emoji, pictographs, their modifiers and joiners: like shortcodes, often a sentence's end.
  // (Alternation, not one class: a class cannot hold the zero-width joiner and variation selector.)
  [/(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u{1F1E6}-\u{1F1FF}]|\u200d|\ufe0f|\u20e3)+/gu, "\n"],
  // Markdown: a fenced code block is code, not words; then stray fences, emphasis marks, block
  // quotes, headings, list bullets.
  [/```[^`]{0,2000}```/g, "\n"],
  [/```/g, " "],
  // A message that opens with its question as inline code ("`where is the HQ` ^ that's what the
  // ticket says"): the span is a sentence of its own, and a caret points back at it.
  // (Three words at least: "`marie curie` who is she?" names what the question asks about.)
  [/^(\s*)`([^`\s]+(?:\s+[^`\s]+){2,80})`(?=\s+\S)/, "$1$2\n"],
  [/(^|\s)\^+(?=\s)/g, "\n"],
  [/[*_~`|]+/g, " "],
  [/(^|\n)\s{0,10}(?:(?:&gt;|>){1,3}|#{1,6}|[-•])\s/g, "$1 "],
];

/**
 * Greetings and openers that ask nothing: "hey", "quick q", "urgent", "fyi", and a flag of weight
 * before the question ("*important* what's…", a Quebec writer of round 129: the stemmer makes
 * "important" an "import").
 */
const GREETING =
  /^(?:(?:hey|hi|hello|hiya|howdy|yo|sup|morning|good (?:morning|afternoon|evening|day)|greetings|hola|bonjour|bonsoir|salut|ciao|hallo|namaste|salaam|salam|marhaba|merhaba|jambo|shalom|aloha|kia ora|ni ?hao|konnichiwa|g'?day|ok(?:ay)?|so|um+|uh+|hmm+|well|alright|right|quick (?:one|q(?:uestion)?|doubt)(?: for (?:the|you)\w*(?: \w+)?)?|question|q(?=\s*:)|dear \w+|fyi|chale|urgent(?:ly)?|asap|important(?=\s*[:!]|\s+(?:what|whats|who|whos|when|where|why|how|which|is|are|does|do|did|can|could)\b)|(?:i )?need (?:this|it|an answer|to know) (?:fast|quick(?:ly)?|asap|urgently|now|today)|in a (?:hurry|rush)|how far(?: my people| o)?(?=\s*[!,]|\s+(?:guys|people|team|all|everyone|o|oga)\b))\b[\s,!.:;—–-]*)+(?:(?:all|everyone|everybody|folks|guys|team|there|y'?all|friends|bot|roadmap-?bot|people|together|o|oga)\b[\s,!.:;—–-]*)*/i;
/** Chinese greetings and openers ("您好", "大家好", "各位大佬", "在吗", "打扰一下", "话说", "嗯嗯", "麻烦哪位同学帮我"). */
const ZH_GREETING =
  /^(?:(?:你好|您好|妳好|大家好|各位好|各位|大佬们?|大佬們?|老师们|老師們|家人们|家人們|亲们|親們|集美们|集美們|姐妹们|姐妹們|宝子们|寶子們|宝宝们|寶寶們|兄弟们|兄弟們|老铁们|老鐵們|小伙伴们|小夥伴們|朋友们|朋友們|哈喽|哈囉|嗨|早上好|上午好|下午好|晚上好|早安|在吗|在嗎|在不在|打扰了|打擾了|打扰一下|打擾一下|话说|話說|对了|對了|(?:麻烦|麻煩|请|請|求)?(?:哪位|有没有|有沒有)(?:同学|同學|大佬|朋友|老师|老師|大神|好心人|懂的|亲|親)(?:能|可以)?(?:帮|幫)(?:我|忙)?(?:一下)?|嗯+|哦+|噢+|呃+|诶|欸|【[^】\s]{1,6}】|(?:转发|轉發|转|轉|fwd)[：:])[\s,，!！。~～、]*)+/iu;
/** A Chinese message of thanks or acknowledgement only ("谢谢啦", "收到", "辛苦了"). */
const ZH_THANKS =
  /^(?:谢谢|謝謝|感谢|感謝|多谢|多謝|谢了|謝了|辛苦了|好的|收到|明白了?|懂了)[\s,，!！。~～、]*(?:你|您|啦|了|哈|哦|喔|呀)?[\s,，!！。~～、]*$/u;
// No two runs of punctuation may sit side by side in one pattern (nor a run before an unanchored
// word): "thanks" followed by 100,000 dashes would then be tried in every split, quadratic time.
const THANKS =
  /^(?:(?:many |thanks|thank you|thx|ty|tia|cheers|much appreciated|appreciate it|appreciated|pls|please|plz|lol|haha+|lmao|cool|great|awesome|nice|perfect|sorry|oops|sry)\b[\s,!.:;-]*(?:(?:so much|a lot|in advance|a ton|all|team|guys|folks|again)[\s,!.:;-]*)?)+$/i;
/**
 * Punctuation spoken to a dictation app and typed out as words: "…for twenty sixteen question mark",
 * "Dear all comma I should…", "…in the remote interior full stop Kind regards". Each is the mark
 * (not after an article: "is there a comma in the title?").
 */
const DICTATED =
  /(?<!\b(?:the|a|an|any|no|this|that|one))(^|[\s,.;:])(question mark|full stop|comma|exclamation (?:mark|point)|new (?:line|paragraph))(?![\p{L}'-])[,.]?/giu;
const SPOKEN_MARKS: Record<string, string> = { question: "?", full: ".", comma: ",", exclamation: "!", new: "\n" };
const writeDictated = (text: string): string =>
  text.replace(
    DICTATED,
    (_, before: string, mark: string) => `${SPOKEN_MARKS[mark.toLowerCase().split(" ")[0] as string] ?? ""}${before === "\n" ? "\n" : " "}`,
  );

/** A phone's or mail app's signature closing the message: "Sent from my iPhone", "发自我的iPhone". */
const SIGNATURE =
  /(?:^|\s)(?:sent from my|sent via|sent with|get outlook for)\s[\w .-]{1,40}$|(?:发自|發自|来自|來自)我的\s?[\w\u4e00-\u9fff ]{1,20}$|^sent from my (?:iphone|ipad|android|samsung galaxy|samsung|galaxy|pixel|phone|mobile|blackberry|huawei)\b/i;
/** "Best, Sam", "thanks, jo", "Kind regards, Ana Lima" closing a message, whatever came before. */
const NAMED_SIGN_OFF =
  /(?:^|[\s.!?])(?:best|best regards|kind regards|warm regards|regards|many thanks|thanks|thank you|cheers|sincerely|br|rgds|ta)(?: in advance| so much| a lot)?\s?,\s?[a-z][\w'-]{0,20}(?: [a-z][\w'-]{0,20})?[.!]?$/i;
/**
 * A name signed after a dash at the end of a message, set off from it by a sentence's end, two spaces
 * or a new line ("…my eyes aren't so good anymore  - Earl", "…THIS ARTICLE  - EARL", "? — Sam B.").
 */
const DASH_SIGNATURE =
  /(?:[.!?]\s*|\s{2,}|\n\s*)[-–—~]\s?(?:[A-Z][a-z'-]{1,20}|[A-Z]{2,20})(?:\s(?:[A-Z][a-z'-]{0,20}|[A-Z]{1,20})\.?)?\s*$/;
/** The message without a name signed after a dash; only its last characters are read (a run of spaces is tried from each). */
const withoutDashSignature = (input: string): string => {
  const from = Math.max(0, input.length - 80);
  const m = DASH_SIGNATURE.exec(input.slice(from));
  return m ? input.slice(0, from + m.index) : input;
};
/** The same without a comma: the word and the name both capitalised ("Best Sam", "Cheers Tom"). */
const SIGNED_OFF = /(?:^|[\s.!?])(?:Best|Regards|Cheers|Thanks|Sincerely|Rgds)\s[A-Z][a-z'-]{0,20}(?: [A-Z][a-z'-]{0,20})?[.!]?$/;
/** A closing "thanks" ("many thanks"), "pls"… (the punctuation before it is trimmed separately, see dropSignOff). */
const SIGN_OFF =
  /\b(?:(?:(?:many|big|huge|massive) (?=thanks))?(?:thanks|thank you|thx|ty|tia|cheers|much appreciated|appreciate it|pls|please|plz|lol|haha+)\b(?: (?:so much|a lot|in advance|a ton|all|team|guys|folks|again))?|(?:no rush|no worries|no pressure|whenever you (?:get|have) a (?:sec|second|min|minute|moment|chance))\b(?:[\s,!.]+(?:thanks|thx|ty|cheers|whenever you (?:get|have) a (?:sec|second|min|minute|moment|chance))\b)*)[\s!.]*$/i;
/** English question words, one list for every pattern below that looks for a question's start. */
const WH = "who|whom|whose|what|whats|when|where|why|how|which";
/** …and as chat types them. */
const WH_TYPED = `${WH}|wat|wht|whn|wher|hw|wetin`;
/**
 * A sentence that asks something: ends in "?" or opens with a question or request word, a polite
 * frame first or not ("I would be grateful if you could explain…", "kindly list…"), or names its
 * topic first ("imports thing, what is it.").
 */
const ASKS = new RegExp(
  `[?？]\\s*$|^[^,.!?]{1,40},\\s*(?:${WH_TYPED})(?:\\s+(?:is|are|was|were)|'s)\\s+(?:it|that|this|they|those|these|he|she)\\W*$|^(?:(?:and|also|plus|oh|btw|so|ok|okay|then|anyway|anyways|but|now|fr|tho|though|kindly|please|pls|plz|i(?: would|'d|d) (?:be (?:grateful|obliged|thankful)|appreciate it|like it) if (?:you|u) (?:could|would|can|might)(?: please| kindly)?)[\\s,]+)*(?:${WH_TYPED}|is|are|was|were|does|do|did|can|could|will|would|should|has|have|had|any|tell|give|gimme|show|explain|describe|list|summari[sz]e|remind|share|name|identify|define|outline|specify|confirm|clarify)\\b|[吗嗎呢么麼嘛啥谁誰哪几幾多什]\\W*$|^(?:请|請|请问|請問|问下|問下|想问|想問|谁|誰|哪|什么|什麼|为什么|為什麼|怎么|怎麼|如何|多少|几|幾|是否|有没有|有沒有)`,
  "i",
);
/** Where a question starts inside a sentence of context: "for my class, what are…". */
const QUESTION_START = new RegExp(
  `[,:;–—-]\\s+(?=(?:so\\s+)?(?:${WH}|is|are|does|do|did|can|could|was|were|has|have|any|tell me|give me|remind me)\\b)`,
  "i",
);
/** The punctuation after a preface ("important for me: …"). */
const PREFACE_BREAK = /[:;–—]\s*/;
/** The punctuation that sets a clause apart inside a sentence. */
const CLAUSE_BREAK = /[,:;–—]\s+/g;
const HAS_WH = new RegExp(`\\b(?:${WH})\\b`, "i");
/**
 * …or a question whose question word comes later, as many Englishes ask it ("…, the second HQ na
 * which city?", "…, the CEO is who?"): the sentence's last clause, when it ends in a question mark.
 */
function askedInPlace(sentence: string): RegExpExecArray | null {
  const last = [...sentence.matchAll(CLAUSE_BREAK)].at(-1);
  if (!last) return null;
  const rest = sentence.slice(last.index + last[0].length);
  // Not a second question joined on ("…, and also who wrote it?"): that is a part of its own.
  return /\?\s*$/.test(rest) && HAS_WH.test(rest) && !/^(?:and|also|plus|but|or|then|&)\b/i.test(rest) ? last : null;
}
/**
 * "I need to understand which…", "I'd like to know who…", "I'm curious why…", "my wife asked me
 * where…", "I was reading the piece and wondered how…": the question is embedded.
 */
const EMBEDDED = new RegExp(
  `^(?:is\\s+)?(?:it\\s+)?possible\\s+to\\s+(?:know|understand|find out|learn|check|say)\\s+(?=(?:${WH})\\b)|\\b(?:asked|asks|is asking|was asking|are asking|were asking|been asking|keeps asking|keep asking|wants to know|wanted to know|want to know)\\s+(?:me|us|him|her|them)?\\s*(?:if\\s+|whether\\s+)?(?=(?:${WH})\\b)|\\b(?:wondered|wondering)\\s+(?:if\\s+|whether\\s+)?(?=(?:${WH})\\b)|\\b(?:i|we)(?:'d| would|'m| am|'re| are)?\\s+(?:(?:need|want|like|wanna|wish|have|trying|was hoping|hope)\\s+to\\s+)?(?:know|understand|find out|learn|check|wonder|wondering|curious|unsure|not sure|confirm|recall|remember|figure out)\\s+(?:about\\s+)?(?:if\\s+|whether\\s+)?(?=(?:${WH})\\b)`,
  "i",
);
/**
 * "does the article say who runs it?", "according to the article, …", "in the piece: …", "what did
 * the article say about the delivery apps?": the source named as where to look; the question is what
 * follows (its topic, for the last: a Kansas writer of round 120).
 */
const SOURCE_SAYS = new RegExp(
  `\\b(?:does|did|do|can|could)\\s+(?:the|this|that|your)\\s+(?:article|piece|story|post|text|source|report|write-?up)\\s+(?:say|mention|tell(?:\\s+(?:us|me))?|explain|state|specify|reveal|cover)\\s+(?=(?:${WH})\\b)|^(?:according to|in|per|from|based on)\\s+(?:the|this|that)\\s+(?:article|piece|story|post|text|write-?up|report)\\s*[,:]\\s*|\\bwhat\\s+(?:did|does|do)\\s+(?:the|this|that)\\s+(?:article|piece|story|post|text|report|write-?up)\\s+(?:say|tell us|have to say)\\s+(?:about|on|regarding)\\s+(?=(?:the|those|these|its|their)\\s)`,
  "i",
);
/**
 * "…right now, per the article?", "…, according to the piece": the source named as where to look,
 * closing the question; its "article" is no topic (an Oklahoma writer of round 127: the overview
 * outranked what was asked).
 */
const SOURCE_TAIL =
  /,?\s*(?:according to|as per|per|going by|based on)\s+(?:the|this|that|your)\s+(?:article|piece|story|post|text|write-?up|report|source)(?=[\s?？!.]*$)/i;
/**
 * "what's the craic with the rural plan?", "what's the story with…", "what's the deal on…": asks
 * what there is to know about what follows, which is the question; so does "how far with X?" (how
 * X is getting on, as West and Southern Africa ask it). Only opening the sentence:
 * "…, and also what's the story with the HQ?" is the second part of two.
 */
const NEWS_OF =
  /^(?:(?:so|ok|okay|and|quick (?:one|q|question))\b[\s,:;–—-]*)*what(?:'s|s|’s| is)\s+(?:the|da|tha)\s+(?:craic|story|deal|scoop|lowdown|sitch|situation|news|word)\s+(?:with|on|about|regarding|re)\s+|^(?:(?:so|ok|okay|and)\b[\s,:;–—-]*)*how\s+far\s+(?:with|on)\s+/i;
/** "…anyway, who wrote this?", "…btw where is…": a change of topic; what came before is not the question. */
const TOPIC_SHIFT = new RegExp(
  `\\b(?:anyway|anyways|btw|by the way)\\b[\\s,:;–—-]*(?=(?:so\\s+)?(?:${WH}|is|are|does|do|did|can|could)\\b)`,
  "i",
);
/**
 * A lead-in that only sets the scene (a purpose, who is asking, what they are doing): "for my class
 * presentation,", "as an analyst,", "I'm writing a deck on China,", "quick one:", "new to sellin in
 * asia," (the asker's "I'm" left out). Other lead-ins
 * ("my card was stolen, how do I report it?") are the question's subject and stay.
 */
const SCENE =
  /^(?:(?:so|ok|okay|also|and|btw|fyi|context|background|quick (?:one|q|question|check))\b[\s,:]*)*(?:for (?:my|our|a|an|the|this|some)\b|as (?:a|an|someone|somebody|the)\b|(?:i'?m|i am|im|we'?re|we are|i'?ve been|we'?ve been|i was|we were|i'?ll be|i need|we need|i have|we have|i want|working on|doing|writing|preparing|prepping|putting together|drafting|studying|comparing|reading|trying|context|background|quick (?:one|q|question|check)|just|sorry|hey|hi|hello|yo|new (?:to|here|at|in)|still new)\b)/i;

/** A lead-in about the asker ("before I send the link round", "my late husband grew up on a farm"). */
const FIRST_PERSON = /\b(?:i|i'?m|im|i'?ve|me|my|we|we'?re|our|us)\b/i;
/**
 * A pronoun standing alone ("who is it for?"), or with "one" ("what's that one about?"), not a
 * determiner ("according to that article").
 */
const REFERS_BACK =
  /\b(?:it|its|them|they|there|he|him|his|she|her|their)\b|\b(?:this|that|these|those)\b(?!\s+[a-z])|\b(?:this|that)\s+ones?\b/i;
/** Words of a question that point back to what came before it ("…and where is the first one?"). */
const POINTS_BACK =
  /\b(?:it|its|this|that|them|they|these|those|there|he|him|his|she|her|their)\b|\b(?:the|this|that)\s+(?:first|second|third|other|new|old|older|newer|original|current|existing|last)\s+ones?\b/i;
/**
 * A pronoun as the object, at the end of its clause: "…sort that?", "…announce it, according to the
 * piece?". ("Is that right?", "did they say that the…" have words after it.)
 */
const OBJECT_BACK = /\b(?:it|that|this|them)\s*(?:[,?.!]|$|\s+(?:according|per)\b)/i;
/**
 * A part that asks only what the source says, about what came before: "…? what does the article
 * say about that", "what article says", "文章怎么说的". It is the other part asked again, not a
 * question of its own.
 */
const ASKS_SOURCE_ONLY =
  /^(?:and |so |but |also )?(?:what|wat|wetin|how)(?:'s| is| does| do| did)?\s+(?:the |this |that |ur |your )?(?:article|piece|story|post|text|source|writer|author|report|write-?up)\s+(?:say|says|said|mention|mentions|talk|talks|tell|tells|state|states|write|writes|have|has)(?:\s+(?:about|on|re|regarding|of)\s+(?:that|this|it|them|those|these|there))?\W*$|^(?:那)?(?:文章|文中|文里|原文|这篇|那篇|篇文)(?:里|中|里面|里头)?(?:是|有)?(?:怎么|咋|如何|点样|怎样)(?:说|讲|写|描述)的?(?:呢|啊|呀|哩|嘞)?\W*$/iu;
/**
 * A bare check of a claim: "correct?", "is that right?", "true or not?", "am I right?", a fact
 * checker's "supported by the copy?", "does the piece back this up?", and "is that in the article?".
 */
const CONFIRMS =
  /^(?:(?:is|was)\s+(?:that|this|it)\s+)?(?:correct|right|true|accurate)(?:\s+(?:or\s+not|or\s+no|or\s+wrong|or\s+false))?\s*[?？!.]*$|^(?:am\s+i\s+right|right\s+or\s+wrong|true\s+or\s+false|yes\s+or\s+no)\s*[?？!.]*$|^(?:(?:is|was)\s+(?:that|this|it)\s+)?(?:supported|backed(?:\s+up)?|borne\s+out|confirmed)\s+by\s+(?:the\s+)?(?:copy|article|piece|story|text|source|report)\s*[?？!.]*$|^(?:does|did|do)\s+(?:the\s+)?(?:copy|article|piece|story|text|source|report)\s+(?:back|support|confirm|bear)\s+(?:this|that|it)(?:\s+(?:up|out))?\s*[?？!.]*$|^(?:is|was)\s+(?:that|this|it)\s+(?:(?:really|actually|even)\s+)?(?:in|from|mentioned\s+in|covered\s+in|said\s+in)(?:\s+(?:the|this|that|your))?(?:\s+(?:copy|article|piece|story|text|source|report))?\s*[?？!.]*$|^(?:does|did)\s+(?:the|this|that)\s+(?:copy|article|piece|story|text|source|report)\s+(?:say|mention|cover|talk\s+about)\s+(?:that|this|it)\s*[?？!.]*$/i;
/**
 * The same in Chinese, at the start of a clause: "它有多少用户", "他们几时开", "他的背景呢", "里头有几个人"
 * (inside it); a clause
 * asking only whether the subject before it is related to something ("…几时开始？跟京东有关系吗？");
 * one asking only what it did before or after, or where ("…几时做CEO？之前做咩？", Wuhan's "之前是做么事的？",
 * "…之前在何處工作？");
 * one asking only how it compares with something ("Globex进中国了吗？跟Acme比怎样？"); and one asking
 * only whether a name is among what the first asked for ("…是哪20个？有上海伐？").
 */
const ZH_POINTS_BACK =
  /^(?:那)?(?:它|他|她|佢|里头|里面|裡頭|裡面)|^(?:那)?(?:之前|以前|之后|之後|后来|後來|当时|當時)(?:又|是|在|还|還)?(?:做|干|幹|搞|係)?(?:过|過)?(?:咩|乜|什么|什麼|啥|啥子|嘛|么事|么子|麼事|哪里|哪裡|哪儿|哪兒|何处|何處|边度|邊度|哪)(?:的|嘅)?(?:工作|上班|做事|任职|任職|高就)?(?:的|嘅)?(?:呢|啊|呀|㗎|嘞|咧)?[?？!！。]*$|^(?:那|这|這)?(?:跟|和|与|與|同)[^\s，,。？?]{1,10}?(?:有没有|有沒有|有冇|有无|有無|有|冇|没有|沒有|没|沒)?(?:什么|什麼|啥|咩|任何)?(?:关系|關係|关联|關聯|相关|相關|关|關)(?:系)?(?:吗|嗎|么|麼|嘛|呢|不|没|沒|咩|冇|吧)?[?？!！。]*$|^(?:那)?(?:跟|和|与|與|同)[^\s，,。？?]{1,10}?(?:比|相比|比较|比較)(?:起来|起來)?(?:的话|的話)?(?:怎样|怎么样|怎樣|怎麼樣|如何|咋样|咋樣|点样|點樣|谁强|誰強|谁大|誰大|哪个强|哪個強|哪个好|哪個好)?(?:呢|啊|呀|咧)?[?？!！。]*$|^(?:那)?(?:(?:有没有|有沒有|包不包括)[^\s，,。？?]{1,8}?(?:在内|在內)?|(?:有冇|包括|包含|有)[^\s，,。？?]{1,8}?(?:在内|在內)?(?:吗|嗎|么|麼|伐|嘛|不|没有|沒有|冇|呢))[?？!！。]*$/u;
/**
 * "…? any data?", "…？有数据吗？": a second part asking only whether there is evidence asks for the
 * first's; alone it names no subject.
 */
const ASKS_FOR_EVIDENCE =
  /^(?:and\s+)?(?:(?:is|are)\s+there\s+(?:any\s+)?|any\s+|(?:do|does)\s+(?:it|they|the article|the piece)\s+(?:have|give|cite)\s+(?:any\s+)?)(?:hard\s+|real\s+|actual\s+|official\s+)?(?:data|numbers|stats|statistics|figures|sources?|evidence|details|proof)\s*[?.!]*$|^(?:那)?(?:有没有|有沒有|有无|有無|有)(?:啥|什么|什麼)?(?:具体|具體)?的?(?:数据|數據|数字|數字|统计|統計|资料|資料|来源|來源|出处|出處|证据|證據|细节|細節|报告|報告)(?:吗|嗎|么|麼|嘛|呢|不|没|沒)?[?？!！。]*$/iu;
/**
 * "…? is competitor?", "…? is big?": a second part that drops its subject, as learners whose
 * language allows it write, asks about the first's: a verb and one word, nothing more.
 */
const DROPPED_SUBJECT =
  /^(?:and\s+)?(?:is|are|was|were|does|do|did|has|have|can|will)\s+(?!(?:it|he|she|they|this|that|there|you|we|i)\b)[\p{L}-]+(?:\s+(?:too|also|now|or not))?\s*[?？!.]*$/iu;

/** What the reader found in a message. */
export interface ChatReading {
  /** The text to match: markup gone, greetings and thanks dropped, the question sentence(s) kept. */
  text: string;
  /**
   * Other readings worth trying when `text` is not confidently answered, best first: the question
   * sentence with its lead-in clause kept, then the whole message without markup and pleasantries.
   */
  alternatives: string[];
  /** The message's questions when it asks more than one (at most two), else a single entry. */
  parts: string[];
  /**
   * The second part names nothing of its own or points back into the first ("what is that wallet,
   * and how many users has it?", "…rural centers? how many?"): it is not a question on its own.
   */
  leaning: boolean;
  /** The second part may be no question at all: left unanswered, it goes unmentioned. */
  optional?: boolean;
}

/**
 * "who edited that write-up you posted?": the asker pointing at a message, what it was posted with
 * (not an announcement the knowledge reports).
 */
const YOU_POSTED =
  /(?<=\S)\s+(?:that\s+)?(?:you|u)\s+(?:posted|shared|linked|sent|dropped)(?:\s+(?:this morning|yesterday|earlier|today|here|above|last week))?(?=[\s?.!,]|$)/gi;

/** Strips markup only (links, mentions, emoji, markdown). */
export function stripMarkup(input: string): string {
  let text = input.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  for (const [re, to] of MARKUP) text = text.replace(re, to);
  // Every kind of space (no-break, ideographic, em…) becomes one: later patterns that step through
  // a long run of white space once per position would take quadratic time.
  return text
    .replace(/[^\S\n]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** Reads one chat message (already bounded in length by the engine). */
export function readChat(input: string): ChatReading {
  // The dash before a signed name is read as typed: stripping markup closes up the spaces that set it off.
  const text = writeDictated(stripMarkup(withoutDashSignature(input)))
    .replace(SIGNATURE, "")
    .replace(NAMED_SIGN_OFF, "")
    .replace(SIGNED_OFF, "")
    .replace(YOU_POSTED, "");
  const sentences = splitSentences(text)
    .map((s) => dropPleasantries(s))
    .filter((s) => s.length > 0);
  // Only pleasantries: nothing to answer, unless the knowledge answers the pleasantry itself.
  if (!sentences.length) return { text: "", alternatives: /[\p{L}\p{N}]/u.test(text) ? [text] : [], parts: [], leaning: false };
  // "I'm trying to recall what the CEO said about…" asks too, without a question mark.
  const asking = sentences.filter((s) => ASKS.test(s) || EMBEDDED.test(s));
  // "…the three plans it chose. Can you list them?": a question that names nothing and
  // points back is asked about the sentence before it, and so is one whose object is a pronoun ("I
  // heard the shop had a name for fakes. How are they trying to sort that?": what it asks about
  // is in the sentence before, whatever else it names); so is a bare check of the claim before it
  // ("i heard only 1,000. correct or not?"), and a question asking only what the source says about
  // it ("they mentioned the farmers... what does the article say about that?": "article" names the
  // source, not what is asked).
  for (const [i, q] of asking.entries()) {
    const at = sentences.indexOf(q);
    if (
      at > 0 &&
      ((POINTS_BACK.test(q) && (!namesSomething(q) || OBJECT_BACK.test(q))) ||
        CONFIRMS.test(q.trim()) ||
        ASKS_SOURCE_ONLY.test(q.trim())) &&
      !asking.includes(sentences[at - 1] as string)
    )
      asking[i] = `${focusQuestion(sentences[at - 1] as string)} ${q}`;
  }
  const questions = asking.length ? asking : sentences;
  const chosen = questions.map(focusQuestion);
  // Two questions asked as two sentences are the two parts, however either would split on its own:
  // "who is Evans and what does he do? What did the writer call the company?" asks about two facts,
  // and the first sentence's halves are about one. The first two that name something, of the first
  // four (each is normalised to tell, so not when there is only one). Sentences that do not ask are
  // not two questions: "Thanks for the help yesterday! One more: europe offices" is one question
  // and a pleasantry.
  const asked: string[] = [];
  if (asking.length && chosen.length >= 2) for (const c of chosen.slice(0, 4)) if (asked.length < 2 && namesSomething(c)) asked.push(c);
  const split =
    asked.length >= 2 ? asked.slice(0, 2) : asking.length || chosen.length === 1 ? chosen.flatMap(splitTwoPart).slice(0, 2) : [];
  const ownParts = split.filter((p) => !ASKS_SOURCE_ONLY.test(p.trim()));
  const askedAgain = split.length === 2 && ownParts.length === 1;
  const parts = askedAgain ? ownParts : split;
  const main = askedAgain ? (ownParts[0] as string) : chosen.join(" ");
  const tails = chosen.map(runOnTail).filter((t): t is string => t !== undefined);
  // "Is it right that Lee is the CEO, not Chan?": the claim without the alternative it is set against.
  // "Who set it out, was it Ma himself or somebody else?", "who set it out, was it Ma or the CEO?":
  // the question without the guess it offers.
  const claims = chosen
    .map((c) => {
      const claim = c.replace(CONTRAST_TAIL, "").replace(GUESS_TAIL, "");
      return ASKS_WHO.test(c) ? claim.replace(WHO_GUESS_TAIL, "").replace(NAME_SOMETHING_TAIL, "") : claim;
    })
    .filter((c, i) => c !== chosen[i] && namesSomething(c));
  // What follows a preface's colon or dash ("One more: europe offices", "写论文遇到个问题：…"), and,
  // when no sentence asks, each sentence that is not about the asker, the last first ("So my kid
  // asked me this at dinner. kettle warranty"): readings for a keyword query that context surrounds.
  const afterPreface = chosen.map(afterSeparator).filter((t): t is string => t !== undefined);
  const alone = asking.length ? [] : sentences.filter((t) => !FIRST_PERSON.test(t) && !/^[(（]/.test(t) && namesSomething(t)).reverse();
  // A lone question with the sentence of context before it, without what follows ("i was told they
  // opened offices in europe. which countries exactly? need to know before I ship").
  const lone = asking.length === 1 ? sentences.indexOf(asking[0] as string) : -1;
  const withLead = lone > 0 ? [`${sentences[lone - 1]} ${chosen[0]}`] : [];
  // None asks only what the source says: "…US$1bn for local services - what does the article
  // have?" asks about what came before it.
  const alternatives = [
    ...new Set([questions.join(" "), sentences.join(" "), ...withLead, ...tails, ...claims, ...afterPreface, ...alone]),
  ].filter((t) => t !== main && !ASKS_SOURCE_ONLY.test(t.trim()));
  // A question followed by a short sentence that asks nothing but names something of its own, not
  // about the asker ("who wrote it? europe offices opening date"): maybe a second question typed as
  // keywords. It is answered too when it is answered by another fact, and never said to be left out.
  if (asking.length === 1 && parts.length <= 1) {
    const at = sentences.indexOf(asking[0] as string);
    const next = sentences[at + 1];
    if (at >= 0 && next !== undefined && keywordQuery(next))
      return { text: main, alternatives, parts: [main, next], leaning: false, optional: true };
    // …or a short request before it that the question adds to ("Headline please. Also approx reading time?").
    const before = sentences[at - 1];
    if (at > 0 && before !== undefined && /^(?:also|and|plus)\b/i.test(asking[0] as string) && keywordQuery(before, 1))
      return { text: main, alternatives, parts: [before, main], leaning: false, optional: true };
  }
  const second = parts[1];
  // A Chinese second part that leaves its subject out is about the first's topic, the words before
  // its 是: "王明是谁？多大了？" asks 王明多大了 (his age, not how big a firm is).
  const topic =
    second !== undefined && ZH_SUBJECTLESS.test(second.trim()) ? /^([^是？?，,]{2,40})是/u.exec(parts[0] as string)?.[1] : undefined;
  if (topic) parts[1] = `${topic}${second}`;
  const leaning = second !== undefined && !topic && (!namesSomething(second) || pointsBack(second) || ASKS_ONLY_WHEN.test(second.trim()));
  return { text: main, alternatives, parts: parts.length > 1 ? parts : [main], leaning };
}

function splitSentences(text: string): string[] {
  // A sentence ends at ? ! . followed by a space (not inside numbers like 1.5, nor after "Mr." or
  // "e.g.", nor inside brackets: "which partner (Cainiao?) delivers"), or at a newline, or
  // where a capitalised question word follows a lower-case one ("…strategy What did the CEO say"),
  // or before a remark in brackets that closes the message ("… (asking for a friend)"), or before
  // the items of a numbered list typed on one line ("Two things: 1) … 2) also …").
  return text
    .split(
      /(?<=[?？!！。])(?!\s*[)）\]])\s*|(?<=[\p{L}\p{N})"'”]\.)(?<!\b(?:[Mm]rs?|[Mm]s|[Dd]r|[Pp]rof|[Ss]t|[Jj]r|[Ss]r|vs|e\.g|i\.e)\.)\s+|(?<=\.\.\.|…)\s+|\n+|(?<=[a-z0-9]{2}) (?=(?:What|Who|When|Where|Why|How|Which|Can|Could|Is|Are|Does|Did|Do|Apologies|Sorry|Thanks|Cheers|Edit|No rush)\b)|(?<=\S)\s*(?=[(（][^()（）\n]{1,200}[)）][\s.!。！]*$)|\s+(?=\(?[2-9][).]\s)|(?<=[:：])\s*(?=\(?1[).]\s)/u,
    )
    .map((s) => s.trim().replace(LIST_MARKER, ""))
    .filter(Boolean);
}
/** "1) ", "2. ", "(3) " opening a sentence: a numbered list's marker, not a number asked about. */
const LIST_MARKER = /^\(?[1-9][).]\s+/;

/**
 * A Chinese aside between spaces or commas: why the asker asks ("写作业要用", "周会要用", "老板问的",
 * formally "以便本人撰写报告", so that I may write a report, "以供参考", for reference), a plea
 * ("求求了", "在线等"), or the doubt offered as the other answer ("还是只是喊喊而已", or is it just
 * talk); who the answer is for ("想转给老同事看"), where the asker lives ("我老家在乡下"), or that
 * they are only curious ("有点好奇啦"). It names nothing the question is about.
 */
const ZH_ASIDE =
  /^(?:(?:(?:还是|還是|或者|定系|定係)?(?:只是|只係|就是|净是|淨是)|还是|還是)(?:喊喊|说说|說說|喊口号|喊口號|画饼|畫餅|吹牛|吹吹|嘴上说说|嘴上說說|炒作|做做样子|做做樣子|噱头|噱頭)(?:而已|罢了|罷了)?|(?:喊喊|说说|說說|喊口号|喊口號|画饼|畫餅|吹吹|嘴上说说|嘴上說說|做做样子|做做樣子)(?:而已|罢了|罷了)|(?:以便|以供|好让|好讓|方便|为了|為了)(?:本人|我|我们|我們|在下|小弟|小妹)?(?:撰写|撰寫|写|寫|做|交|准备|準備|整理|完成|更新).{0,20}|(?:以供|供)(?:本人|我|我们|我們)?(?:参考|參考)|.{0,6}(?:要用|急用|要交|用的).{0,4}|.{0,8}(?:作业|作業|论文|論文|功课|功課)|.{0,4}(?:问我|問我)|.{0,4}答不上来|.{0,4}答不上來|我是.{1,10}|我(?:老家|家乡|家鄉|家|住)(?:在|是).{1,10}|(?:想|要|准备|準備|打算)?(?:转|轉|转发|轉發|发|發|分享|传|傳)(?:给|給).{1,10}?(?:看|瞧|参考|參考)?|(?:有点|有點|蛮|蠻|挺|很)?好奇(?:啦|而已|喔|哦|耶)?|(?:写|寫|交|做)?(?:作业|作業|论文|論文|报告|報告|周会|週會|开会|開會|汇报|匯報|简报|簡報|ppt|PPT).{0,4}|(?:老板|老闆|客户|客戶|老师|老師|领导|領導)(?:让我|讓我|叫我|要我)?(?:问|問|要).{0,3}|求求了?|求助|求解答?|求告知|求科普|求指教|请指教|請指教|求指点|求指點|跪求答案?|拜托拜托|拜託拜託|大家怎么看|大家怎麼看|同问|同問|\+1|先谢过.{0,6}|先謝過.{0,6}|大佬轻喷|大佬輕噴|萌新一枚|小弟初来乍到|初来乍到|初來乍到|接上条|接上條|好奇问一下|好奇問一下|好奇一下|唔該問下|(?:小白|新手)?(?:问|問|请教|請教)(?:一)?(?:个|個|下)?(?:小|傻|蠢|憨|笨|白痴|弱智|简单|簡單|基础|基礎|外行)?(?:的|嘅)?(?:问题|問題)|(?:——|--)?(?:转自|轉自).{0,8}|急+|在线等|在線等|谢谢|謝謝|谢啦|謝啦|谢了|謝了|感谢|感謝|多谢|多謝|蹲一个|拜托了?|拜託了?|麻烦了|麻煩了|辛苦了)$/u;
/** "有人知道吗", "谁晓得", "边个睇咗篇文话我知下": does anyone know (and tell me), said after the question. */
const ZH_ANYONE =
  /^(?:(?:有人|有没有人|有沒有人|有冇人|谁|誰|边个|邊個)(?:知道|晓得|曉得|清楚|了解|懂|知)|有(?:知道|懂)的(?:朋友|人)?|有没有懂的(?:朋友|人)?|有沒有懂的(?:朋友|人)?|(?:有人|谁|誰)能(?:解释|解釋|回答|说说|說說)(?:一?下)?|(?:谁|誰)(?:给|給)(?:我|额|俺)(?:讲|講|说|說|解释|解釋|科普|谝|捋|介绍|介紹)(?:一?下)?|(?:边个|邊個|谁|誰|有人|有冇人|哪位)(?:睇咗|睇過|睇过|看过|看過|看了|读过|讀過)?(?:篇文|文章|呢篇|这篇|這篇)?(?:话我知|話我知|告诉我|告訴我|同我讲|同我講)(?:一?下)?)(?:吗|嗎|不|么|麼|啊|呀|呢|嘛|唔)?[?？!！]*$/u;
/**
 * An opening apology, up to its punctuation: "sorry if this was asked already:", "Excuse me,". Not
 * past a question word: "excuse me how does the article describe it, ecommerce what?" asks.
 */
const APOLOGY = new RegExp(
  `^(?:(?:sorry|apologies|pardon me|excuse me)\\b(?:(?!\\s(?:${WH_TYPED})\\b)[^,:;.!?—–]){0,60}(?:[,:;.!?—–]+|\\sbut\\b)|[^,:;.!?—–]{0,40}\\b(?:question|q|thought|off-?topic)\\s?,?\\sbut\\b)\\s*`,
  "i",
);
/** A Chinese sentence that asks: a question mark, 呢, a question word, or a request to tell (讲讲, 介绍一下). */
const ZH_ASKS = new RegExp(`[?？呢]|${ZH_QUESTION_WORD.source}|讲讲|講講|说说|說說|介绍|介紹|科普|解释|解釋|聊聊|(?:讲|講|说|說)一下`);

/** "谁能讲讲这家公司的计划 写作业要用 求求了" → without the asides. */
function dropChineseAsides(sentence: string): string {
  if (!/[\u4e00-\u9fff]{2}/.test(sentence)) return sentence;
  const clauses = sentence.split(/(?<=[\s，,、：:])/);
  const kept = clauses.filter((c) => {
    const bare = c.replace(/[\s，,、：:。！!~～]+/g, "");
    return !((ZH_ASIDE.test(bare) && !ZH_ASKS.test(bare)) || ZH_ANYONE.test(bare));
  });
  return kept.length && kept.length < clauses.length ? kept.join("").trim() : sentence;
}

/** Where a closing plea is looked for: the message's last characters (a run of punctuation costs no more). */
const PLEA_TAIL_END = /.{0,120}$/s;
/**
 * A plea for anyone glued on after the question ("… anyone want to take a stab?", "… anyone know?"):
 * it asks for an answer, not about anything.
 */
const PLEA_TAIL =
  /[\s,;—–-]+(?:does |do )?(?:any ?one|anybody|some ?one|somebody)\s+(?:want to take a stab|wanna take a stab|know|knows|able to help(?: me)?(?: answer this| with this)?|can help(?: me)?(?: with this)?|have an? (?:idea|clue)|got an? (?:idea|clue|answer))\W*$/i;
/** A closing clause that says what the answer is for: ", I need it for test data", "- need it for a slide". */
const PURPOSE_TAIL = /[,;—–-]\s?(?:(?:i|we) )?(?:need|needs|want) (?:it|this|that|them|the \w+) for\b[^?]{0,60}$/i;
/**
 * A sentence that only says what the answer is for: "is for the references" (Spanish "es para…"),
 * "it's for my presentation.", "this is for a class". Not one asked ("is it for the farmers?").
 */
const PURPOSE_SENTENCE =
  /^(?:(?:it|this|that)\s*(?:'s|’s|\s+is)|its|is)\s+(?:just\s+|only\s+|all\s+)?for\s+(?:my|the|a|an|our|some)\s+[\p{L}\p{N} '’-]{1,30}[.!]*$/iu;
/** When the asker needs the answer, which is no part of what is asked: "… by EOD", "before tomorrow". */
const DEADLINE =
  /\s?\b(?:by|before|till|until)\s+(?:eod|eow|cob|eob|end of (?:the )?(?:day|week|business)|tmrw?|tomorrow|tonight)\b(?:\s+(?:pls|please|plz|thanks|thx|if possible))?/gi;
/**
 * A closing condition on how to answer, said to the bot: ", so, if you had to put it in two lines for
 * a busy board?", "… if you can keep it short". Dropped when what is left asks.
 */
const CONDITION_TAIL =
  /[,;—–-]\s*(?:so\s*,?\s*)?if\s+(?:you|u|ya)\s+(?:had to|have to|could|can|were to|would|don't mind|dont mind|have time|get a chance|had a minute)\b[^?？]{0,80}[?？.!]*$/i;
/**
 * A closing clause that says what the asker will do with the answer: "… so i can go look em up", ", so
 * that we can plan the pitch". Dropped, like a condition, when what is left asks.
 */
const SO_I_CAN_TAIL =
  /(?<=\S),?\s+so\s+(?:that\s+)?(?:i|we|u|you|my \w+|our \w+)\s+(?:can|could|will|'ll|may|might|would)\s+[^?？,]{0,60}[.!]*$/i;
const dropConditionTail = (s: string): string => {
  const m = CONDITION_TAIL.exec(s) ?? SO_I_CAN_TAIL.exec(s);
  return m && ASKS_LEFT.test(s.slice(0, m.index)) ? s.slice(0, m.index) + (/[?？]$/.test(m[0]) ? "?" : "") : s;
};
/** The openings of a sentence that is a pleasantry when it asks nothing. */
const PLEASANTRY_LED =
  /^(?:thanks|thank you|thx|ty|many thanks|much appreciated|sorry|apologies|no rush|no worries|no pressure|any help|all help|help appreciated|edit|ps|p\.s|cheers|appreciate|first time posting|whenever you get|(?:just )?asking (?:cause|'cause|cuz|coz|because|bc|since|for a friend))\b/i;
/**
 * "you read the piece?", "anyone read this?", "have u seen the thing?", "yall ever hear of this?": asking whether
 * others read the piece opens a chat message, before its question; it asks nothing of the source.
 */
const READ_IT =
  /^(?:(?:have|did|has)\s+)?(?:you|u|ya|yall|y'all|you guys|u guys|anyone|anybody|any one|everyone|someone|somebody|ppl|people)\s+(?:(?:already|actually|even|ever|all|here)\s+)?(?:read|seen|see|saw|checked out|looked at|heard of|hear of|heard about|hear about)\b(?:\s+(?!(?:what|who|when|where|why|how|which)\b)[\p{L}\p{N}'’-]+){0,5}\s*[?？!.]*$/iu;
/** "anyone?", "any idea?", "does anybody know?": a plea for an answer, not a question of its own. */
const ANYONE = /^(?:does |do )?(?:any ?one|anybody|some ?one|somebody|any ideas?)(?: know| here| else)?\W*$/i;
/** "Would you ever fill me in?", "can you tell me?": a plea to be told, after the question (round 131's Galway writer). */
const TELL_ME =
  /^(?:would|could|can|will)\s+(?:you|u|ya|someone|anyone|somebody)\s+(?:ever\s+|please\s+|kindly\s+|just\s+)?(?:fill (?:me|us) in|tell (?:me|us)|let (?:me|us) know|enlighten (?:me|us)|help (?:me|us) out)(?:\s+(?:please|pls|so|on (?:that|this)))?\W*$/i;

/**
 * A closing clause about the asker, after the question: ", i keep assuming it's someone else lol",
 * ", im new to this", ", tryna find it on google" (what the asker is doing, its subject left out),
 * after an apology too (", sorry, I wrote the number down and not what it was": "what it was"
 * asks nothing). Not ", i mean …", which says what the question meant, nor one that asks.
 */
const ASKER_TAIL = new RegExp(
  `,\\s*(?:(?:sorry|apologies|oops|my bad)\\s*,?\\s*)?(?:(?:i|im|i'm|ive|i've|we)\\s+(?!mean\\b|meant\\b)|(?:just\\s+)?(?:trying|tryin|tryna|trynna|working on|writing|prepping|preparing|putting together)\\s)(?:(?!\\b(?:${WH_TYPED})\\b(?!\\s+(?:it|that)\\s+(?:was|is|meant|means|stood for|stands for)\\W*$))[^?？,])*$`,
  "i",
);
/** The sentence without its closing clause about the asker, when what is left asks, and on its own ("whats his name again" leans on what came before). */
const dropAskerTail = (s: string): string => {
  const m = ASKER_TAIL.exec(s);
  const left = m ? s.slice(0, m.index) : s;
  return m && ASKS_LEFT.test(left) && !PERSONAL_PRONOUN.test(left) ? left : s;
};
const PERSONAL_PRONOUN = /\b(?:it|its|them|they|he|him|his|she|her|their)\b/i;
const ASKS_LEFT = new RegExp(`\\b(?:${WH_TYPED})\\b`, "i");

function dropPleasantries(sentence: string): string {
  let s = dropChineseAsides(
    dropAskerTail(
      dropConditionTail(sentence.replace(DEADLINE, ""))
        .replace(GREETING, "")
        .replace(APOLOGY, "")
        .replace(ZH_GREETING, "")
        .replace(PURPOSE_TAIL, "")
        .replace(SOURCE_TAIL, "")
        .trim()
        .replace(PLEA_TAIL_END, (tail) => tail.replace(PLEA_TAIL, "")),
    ),
  );
  if (THANKS.test(s) || ZH_THANKS.test(s) || ANYONE.test(s) || TELL_ME.test(s) || READ_IT.test(s) || PURPOSE_SENTENCE.test(s)) return "";
  // "Thank you all for the help yesterday!", "Apologies if this is the wrong channel.", "no rush":
  // a sentence that opens with a pleasantry and asks nothing is one.
  // (Short, and no question word inside: "sorry if dumb q whats the story with…" runs a question on.)
  if (PLEASANTRY_LED.test(s) && !ASKS.test(s) && !EMBEDDED.test(s) && !RUN_ON_QUESTION.test(s) && s.split(/\s+/).length <= 10) return "";
  s = dropSignOff(s).trim();
  return /[\p{L}\p{N}]/u.test(s) ? s : "";
}

/** "…the strategy? thanks!!" → "…the strategy?": the sign-off and the punctuation before it. */
function dropSignOff(sentence: string): string {
  // Only the last characters are read: a sign-off is short, and a run of punctuation before it
  // would otherwise be tried from every position.
  const from = Math.max(0, sentence.length - 120);
  const m = SIGN_OFF.exec(sentence.slice(from));
  if (!m) return sentence;
  let end = from + m.index;
  while (end > 0 && SIGN_OFF_LEAD.test(sentence[end - 1] as string)) end--;
  return sentence.slice(0, end);
}
const SIGN_OFF_LEAD = /[\s,!.;-]/;

/**
 * "我看到新闻说……，想请问……", "…… 想晓得……": a Chinese request to ask, after a clause of context, opens the
 * question; what came before is why the asker asks. So does "does anyone know" opening it
 * (有没有人知道这篇是谁写的), and the asker's curiosity (敝公司很好奇，…: round 131).
 */
const ZH_EMBEDDED =
  /[，,；;：:。\s](?:所以|那|那么)?(?:我)?(?:(?:想|就想|还想)?(?:请问|请教|问一下|问下|问问|敢问)|(?:想|就想|还想|很想)(?:知道|晓得|曉得|了解))(?:一下)?(?:您|你|大家)?[，,：:\s]*|^(?:请问)?(?:有没有人|有沒有人|有冇人|有人|谁|誰)(?:知道|晓得|曉得|清楚)(?:一下)?[，,：:\s]*|^[^，,。？?！!\s]{0,8}?(?:很|非常|有点|有點|有些|挺|蛮|蠻|好|十分)?好奇[，,：:\s]+/u;

/** "此人", "这位", "她": a person of the clause before, named by pointing back to them. */
const ZH_THIS_ONE = /^(?:(?:此|该|該|这|這|那|其)(?:人|位|者)|他|她|佢)/u;

/** "I'm writing a deck for Q1, so what are the three priorities?" → "what are the three priorities?" */
function focusQuestion(sentence: string): string {
  // A request to ask, an embedded question, the source named as where to look, a change of topic:
  // the question is what follows, when it names something.
  for (const lead of [ZH_EMBEDDED, EMBEDDED, SOURCE_SAYS, TOPIC_SHIFT, NEWS_OF]) {
    const m = lead.exec(sentence);
    // "why would anyone want X anyway what's the big deal": an "anyway" typed on after a question,
    // with no stop before it, closes that question; the rest is a tag on it, not a new topic.
    if (m && lead === TOPIC_SHIFT && ASKS_AT_START.test(sentence.trim()) && !/[,.;:!?–—-]\s*$/.test(sentence.slice(0, m.index))) continue;
    const rest = m ? sentence.slice(m.index + m[0].length) : "";
    // …unless it points back into what came before ("…请来一位高管，敢问此人姓甚名谁？").
    if (m && namesSomething(rest) && !(lead === ZH_EMBEDDED && ZH_THIS_ONE.test(rest))) return rest;
  }
  const m = QUESTION_START.exec(sentence) ?? askedInPlace(sentence);
  const lead = sentence.slice(0, m?.index ?? 0).trim();
  const rest = m ? sentence.slice(m.index + m[0].length) : "";
  // A lead-in about the asker is context, unless the question points back into it ("…, how do I report it?"),
  // or the asker is only in a preface before the topic ("important for me: the new hire before
  // Acme, work where?", the question word last): what follows the preface is the question's subject.
  const topic = lead.split(PREFACE_BREAK).at(-1) ?? "";
  const aboutTheAsker = FIRST_PERSON.test(lead) && !POINTS_BACK.test(rest) && (FIRST_PERSON.test(topic) || !namesSomething(topic));
  // "following up on this — what's…", "random q: where…": a lead-in set apart by a dash or a colon
  // is a preface, unless the question points back into it ("the tier-1 thing — who's it for?").
  const preface = /^\s*[:–—]|^\s+-/.test(sentence.slice(m?.index ?? 0)) && !REFERS_BACK.test(rest);
  if (!m || !(SCENE.test(lead) || aboutTheAsker || preface)) return sentence;
  // "…, is that right?" is a tag on a statement, not the question; "…, what does the article say?"
  // asks the lead-in ("for my deck I need the number of active shoppers, what does this article say?").
  if (/^(?:is|was|are)\s+(?:that|it|this)\s+(?:right|true|correct|so|accurate)\b/i.test(rest) || ASKS_SOURCE_ONLY.test(rest.trim()))
    return sentence;
  // The question must name something itself: "…, how do I do this?" leans on its lead-in.
  return namesSomething(rest) ? rest : sentence;
}

/**
 * "just read the tia article pretty cool ngl how many village centers do they have": a question
 * typed on after a run of context with no punctuation between. Its words from the question word on,
 * when they name something, are another reading of the message.
 */
function runOnTail(sentence: string): string | undefined {
  const m = RUN_ON_QUESTION.exec(sentence);
  if (!m || m.index === 0) return undefined;
  const lead = sentence.slice(0, m.index).trim();
  if (lead.split(/\s+/).length < 2 || ASKS_AT_START.test(lead)) return undefined;
  const tail = sentence.slice(m.index);
  // "acme founded what year": a question word typed last asks about the words before it.
  return tail.split(/\s+/).length >= 3 && namesSomething(tail) ? tail : undefined;
}
// Not "since when": that is one question word.
const RUN_ON_QUESTION = new RegExp(`(?<=\\s)(?<!\\bsince\\s)(?:${WH})\\b`, "i");
const ASKS_AT_START = new RegExp(`^(?:${WH_TYPED}|is|are|was|were|does|do|did|can|could|will|would|should)\\b`, "i");

/** A run of two to six words, no more than one of them a stop word, in Latin letters: "europe offices opening date". */
function keywordQuery(sentence: string, fewest = 2): boolean {
  if (/[\u4e00-\u9fff]/.test(sentence) || FIRST_PERSON.test(sentence)) return false;
  const words = sentence.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  return words.length >= fewest && words.length <= 6 && words.filter((w) => STOP_WORDS.has(w)).length <= 1 && namesSomething(sentence);
}

/** The words after a sentence's first colon or dash, when there are two or more that name something. */
function afterSeparator(sentence: string): string | undefined {
  const m = PREFACE_END.exec(sentence);
  if (!m) return undefined;
  const rest = sentence.slice(m.index + m[0].length).trim();
  return rest.split(/\s+/).length >= 2 || /[\u4e00-\u9fff]{3}/.test(rest) ? (namesSomething(rest) ? rest : undefined) : undefined;
}
const PREFACE_END = /[:：]\s*|\s[—–-]{1,2}\s+/;

/** Whether a question names something itself, beyond its question words. */
const namesSomething = (question: string): boolean => normalise(question.slice(0, NAMING_CHARS)).terms.some((t) => !INTENT_WORDS.has(t));
/** A short alternative the question sets its claim against, at its end: ", not Chan?", "rather than Chan". ("Or Chan?" is left: "in Saudi or Egypt?" names two places, both asked about.) */
const CONTRAST_TAIL =
  /(?:\s*,\s*|\s+)(?:and\s+)?(?:not|rather than|instead of)\s+(?:mr\.?\s+|ms\.?\s+)?\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}\s*[?.!]*$/iu;

/**
 * A guess at the answer, offered with its alternative: ", was it Ma himself or somebody else at the
 * top?", ", *Ma* or someone else?".
 */
const GUESS_TAIL =
  /(?:\s*,\s*(?:(?:was|is|were)\s+it\s+)?|\s+(?:was|is|were)\s+it\s+)(?:mr\.?\s+|ms\.?\s+)?\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}?(?:\s+(?:himself|herself))?\s+or\s+(?:somebody|someone|anyone|anybody|some\s+one)\s+else\b[^?]{0,40}[?.!]*$/iu;
/**
 * What asks for a person: "who", or the name asked for ("CEO name in the piece, is it Lee or Chan?",
 * round 111's Vilnius writer).
 */
const ASKS_WHO = /\b(?:who|whom|name)\b/i;
/**
 * "Who set it out, was it Ma or the CEO?": after a "who" (or a name asked for), a guess between two
 * people.
 */
const WHO_GUESS_TAIL =
  /(?:\s*,\s*|\s+)(?:was|were|is)\s+it\s+(?:mr\.?\s+|ms\.?\s+)?\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}?\s+or\s+(?:the\s+|mr\.?\s+|ms\.?\s+)?\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}?\s*[?.!]*$/iu;
/** …or a name half remembered, capitalised as a name is ("who's in charge again Danny something", by voice). */
const NAME_SOMETHING_TAIL = /\s+(?:Mr\.?\s+|Ms\.?\s+)?\p{Lu}[\p{L}'’.-]*\s+(?:something|somethin|summat|sumthin)\s*[?.!]*$/u;

/** "…and what year?", "…and in which month?": a part that asks only when, of what the other part names. */
const ASKS_ONLY_WHEN = /^(?:and\s+|also\s+)?(?:in\s+|on\s+)?(?:what|which|wat)\s+(?:year|month|date|day|time)\s*[?.!]*$/i;

/** A question names what it asks about early: past this many characters it is not read for it (a long message costs no more). */
const NAMING_CHARS = 200;

/** Whether a question points back to what came before it ("are there", "there is" do not). */
const pointsBack = (question: string): boolean => {
  const q = question.trim();
  return (
    POINTS_BACK.test(question.replace(/\b(?:is|are|was|were)\s+there\b|\bthere\s+(?:is|are|was|were|'s)\b/gi, "")) ||
    DROPPED_SUBJECT.test(q) ||
    ASKS_FOR_EVIDENCE.test(q) ||
    ZH_POINTS_BACK.test(question) ||
    ZH_GUESS.test(q)
  );
};
/**
 * "…多大了？": a short Chinese clause that opens with its question word leaves its subject out, as
 * Chinese does when the subject is the one just asked about; so does a role asked of without its
 * firm ("…是哪年成立的？老闆是誰？": that firm's boss, a Taiwanese writer of round 135).
 */
const ZH_SUBJECTLESS =
  /^(?:(?:老板|老闆|创始人|創始人|负责人|負責人|总裁|總裁|董事长|董事長|老大)(?=是|叫))?(?:多大|多少|几|多高|多久|多长|哪|在哪|什么时候|何时|啥时候|为什么|为啥|咋|怎么|是谁|是誰|谁|誰|叫什么|叫什麼|叫啥)[\u4e00-\u9fff]{0,3}?[了吗呢啊呀的啦]*[?？!！。]*$/u;
/** "…是谁？是马云吗？": a guess at the answer of the question before it, not a question of its own. */
const ZH_GUESS = /^(?:是不是|是)[^\s，,。？?]{1,8}(?:吗|嗎|吧|么|麼|嘛|咩)?[?？]?$/u;

/**
 * Where a message holds two questions: after "?", ";", an "also" that joins two questions (not one
 * after an auxiliary verb or before a preposition or an -ing word: "has also rural centers", nor
 * one after a question's auxiliary and its subject: "did pinduoduo also go into…"), "and"
 * before a question word, and Chinese 还有/另外/顺便.
 */
const TWO_PART = new RegExp(
  `[?？]\\s+(?=\\S)|;\\s*|\\s+also\\s+(?=(?:${WH})\\b)|(?<!\\b(?:has|have|had|is|are|was|were|will|would|can|could|does|do|did|should|may|might|must))(?=,?\\s*(?:and\\s+)?also\\b)(?<!^\\s*(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\\s+[^\\s,?]{1,40}(?:\\s+[^\\s,?]{1,40})?)(?:,?\\s+and\\s+also\\s*,?\\s+|,\\s*also\\s*,?\\s+|\\s+also\\s*,\\s*|\\s+also\\s+(?!(?:in|to|at|on|for|with|from|into|by|as|about|over|under|through|near|sell|sells|plan|plans|want|wants|own|owns|run|runs|offer|offers|open|opens|operate|operates|have|has|had|\\p{L}+ing)\\b))(?=[\\p{L}\\p{N}])|,?\\s+(?:and|&|plus)\\s+(?:also\\s+)?(?=(?:${WH_TYPED}|is|are|was|were|does|do|did|can|could|has|have|will)\\b)|[，,]?\\s*(?:还有|另外|以及|顺便问下?|顺便)\\s*`,
  "iu",
);

/**
 * "kettle warranty length and that travel version, is it dual voltage" without a question
 * word after its "and" is not split when read; when it is not answered whole, its two halves at
 * its one "and" (or "&") are another reading, if each half names something. Lists ("France and
 * Germany and Italy") hold more than one.
 */
export function halvesAtAnd(question: string): [string, string] | undefined {
  const at = [...question.matchAll(/\s+(?:and|&)\s+/gi)];
  if (at.length !== 1) return undefined;
  const m = at[0] as RegExpMatchArray;
  const halves: [string, string] = [question.slice(0, m.index).trim(), question.slice((m.index as number) + m[0].length).trim()];
  return halves.every((h) => h.split(/\s+/).length >= 2 && namesSomething(h)) ? halves : undefined;
}

/** "what are they doing about fakes, and who leads the overseas push?" → two questions. */
function splitTwoPart(question: string): string[] {
  const parts = question
    .split(TWO_PART)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 2 || /[\u4e00-\u9fff]{3}/.test(p));
  // "亚马逊在中国还有跨境业务吗" is "does it still have…", not "…, and also…": a Chinese connector
  // splits only after a part that asks.
  // Nor after a name alone ("Lee Chan另外還寫過哪些報導？": what else Lee Chan wrote).
  if (
    parts.length === 2 &&
    /[\u4e00-\u9fff]/.test(parts[1] as string) &&
    !ZH_ASKS.test(parts[0] as string) &&
    !HAS_WH.test(parts[0] as string)
  )
    return [question];
  return parts.length === 2 ? parts : [question];
}
