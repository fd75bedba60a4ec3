/**
 * Every citation link, opened in a real browser: Debian's chromium, headless, on a page of the
 * source served from 127.0.0.1, one paragraph a block and each word in its own span. The page paints
 * text-fragment highlights magenta (`::target-text`); a screenshot then says which words are
 * highlighted, and the scroll position says where the link landed. Skips, saying how to install
 * chromium, when it is missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSourceTexts } from "../../app/knowledge-file.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../../app/knowledge-path.js";
import { citationFor } from "../../src/citation.js";
import { type Fact, parseKnowledge } from "../../src/index.js";
import { decodePng, rgbAt } from "./png.js";

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM) && spawnSync(CHROMIUM, ["--version"], { stdio: "ignore" }).status === 0;
const NO_CHROMIUM_MESSAGE =
  "chromium is not installed: skipping the citation-link browser test (run bash .ci/install-chromium, or apt-get install chromium)";
if (!HAS_CHROMIUM) console.warn(NO_CHROMIUM_MESSAGE);

/** Flags for a quiet, throwaway browser that talks to nothing but the test's server. */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const KNOWLEDGE_DIR = dirname(DEFAULT_KNOWLEDGE_PATH);
const FILES = ["alibaba-2016.json", "examples/skylark-kettle.json"];

/** A word of the page: its span's id and where its text lies in the page's words joined by spaces. */
interface Word {
  id: string;
  block: number;
  text: string;
  from: number;
}

/** One shipped source: its page and its words. */
interface Article {
  path: string;
  html: string;
  words: Word[];
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const hasLetter = (s: string) => /[\p{L}\p{N}]/u.test(s);

function article(path: string, text: string): Article {
  const words: Word[] = [];
  let from = 0;
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim().split(/\s+/).filter(Boolean))
    .filter((p) => p.length > 0)
    .map((p, b) =>
      p
        .map((w, i) => {
          words.push({ id: `w${b}-${i}`, block: b, text: w, from });
          from += w.length + 1;
          return `<span id="w${b}-${i}">${escapeHtml(w)}</span>`;
        })
        .join(" "),
    );
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>source</title>
<style>
  body { margin: 0 auto; max-width: 36rem; padding: 150vh 1rem; font: 12px/1.5 sans-serif; color: #000; background: #fff; }
  main span { white-space: nowrap; } /* a word's box is then one line's, even at a hyphen */
  ::target-text { background-color: rgb(255, 0, 255); color: #000; }
</style></head>
<body><main>
${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</main></body></html>`;
  return { path, html, words };
}

/**
 * The words a fact's quote covers, found the plain way (the page's text without paragraph breaks):
 * what its link should highlight. Words of punctuation alone (a dash) are left out of the count.
 */
function quotedWords(quote: string, words: Word[]): Set<string> {
  const page = words.map((w) => w.text).join(" ");
  const out = new Set<string>();
  let after = 0;
  for (const part of quote.split(/\s*\[?(?:…|\.\.\.)\]?\s*/).map((p) => p.replace(/\s+/g, " ").trim())) {
    if (!part) continue;
    const at = page.indexOf(part, after);
    if (at < 0) throw new Error(`the quote's part "${part}" is not in the source`);
    after = at + part.length;
    for (const w of words) {
      const overlap = w.text.slice(Math.max(0, at - w.from), Math.max(0, after - w.from));
      if (hasLetter(overlap)) out.add(w.id);
    }
  }
  return out;
}

interface Landing {
  scrolled: boolean;
  /** Ids of the words whose box shows the highlight colour. */
  highlighted: Set<string>;
  /** Ids of the words on screen after the scroll. */
  onScreen: Set<string>;
}

// The page's globals, as far as the functions run in it use them (the tests compile without the DOM library).
interface Rendered {
  id: string;
  getBoundingClientRect(): { left: number; top: number; bottom: number; width: number; height: number };
}
declare const window: { scrollY: number; innerHeight: number };
declare const document: { querySelector(selector: string): Rendered | null; querySelectorAll(selector: string): Iterable<Rendered> };

let visits = 0;

/** Opens a link to the page and reports where it landed and what it highlighted. */
async function open(page: Page, url: string): Promise<Landing> {
  // A new query each time: a fragment is acted on only when a document loads, not on a same-page jump.
  const [address, fragment] = url.split("#");
  await page.goto(`${address}?visit=${++visits}#${fragment}`, { waitUntil: "load" });
  // The highlight is applied after load; the page starts far from any text, so a match scrolls.
  const scrolled = await page
    .waitForFunction(() => window.scrollY > 0, undefined, { timeout: 3000 })
    .then(() => true)
    .catch(() => false);
  // Boxes in page coordinates, and which words are on screen, read before the screenshot.
  const boxes = await page.evaluate(() => {
    const box = (e: Rendered) => {
      const r = e.getBoundingClientRect();
      return {
        x: r.left,
        y: r.top + window.scrollY,
        width: r.width,
        height: r.height,
        visible: r.top >= 0 && r.bottom <= window.innerHeight,
      };
    };
    const main = document.querySelector("main");
    return { main: main && box(main), spans: [...document.querySelectorAll("main span")].map((s) => ({ id: s.id, ...box(s) })) };
  });
  if (!boxes.main) throw new Error("the page has no <main>");
  const { x, y, width, height } = boxes.main;
  const shot = decodePng(await page.screenshot({ fullPage: true, clip: { x, y, width, height } }));
  const highlighted = new Set<string>();
  for (const s of boxes.spans) {
    const [x0, y0] = [Math.round(s.x - x), Math.round(s.y - y)];
    search: for (let py = Math.max(0, y0); py < Math.min(shot.height, y0 + Math.round(s.height)); py++)
      for (let px = Math.max(0, x0); px < Math.min(shot.width, x0 + Math.round(s.width)); px++) {
        const [r, g, b] = rgbAt(shot, px, py);
        if (r > 200 && g < 60 && b > 200) {
          highlighted.add(s.id);
          break search;
        }
      }
  }
  const onScreen = new Set(boxes.spans.filter((s) => s.visible).map((s) => s.id));
  return { scrolled, highlighted, onScreen };
}

const shipped = FILES.map((file) => {
  const path = resolve(KNOWLEDGE_DIR, file);
  const knowledge = parseKnowledge(readFileSync(path, "utf8"), path);
  const texts = readSourceTexts(knowledge, path);
  const articles = new Map(Object.entries(texts).map(([id, text]) => [id, article(`/${file.replace(/\W/g, "-")}/${id}`, text)]));
  return { file, knowledge, texts, articles };
});
const cases = shipped.flatMap(({ file, knowledge, texts, articles }) =>
  knowledge.facts.map((fact: Fact) => ({
    name: `${file} ${fact.id}`,
    fact,
    article: articles.get(fact.source),
    link: citationFor(knowledge, fact, texts).url,
  })),
);

describe.skipIf(!HAS_CHROMIUM)("citation links in headless chromium", () => {
  let server: Server;
  let base = "";
  let profile = "";
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const pages = new Map(shipped.flatMap((s) => [...s.articles.values()].map((a) => [a.path, a.html] as const)));
    server = createServer((req, res) => {
      const html = pages.get(new URL(req.url ?? "/", base).pathname);
      res.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" }).end(html ?? "not found");
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), "roadmap-bot-chromium-"));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 800, height: 600 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("highlights nothing for a term that runs over two paragraphs (the spec's rule, which this test relies on)", async () => {
    // A quote that runs from one paragraph into the next: its last two words in the one and its
    // first two in the other, as one term.
    for (const { fact, article: a } of cases) {
      if (!a) continue;
      const quoted = a.words.filter((w) => quotedWords(fact.quote, a.words).has(w.id));
      const at = quoted.findIndex((w, i) => i > 0 && w.block === (quoted[i - 1]?.block ?? -1) + 1);
      if (at < 1) continue;
      const term = quoted.slice(Math.max(0, at - 2), at + 2).map((w) => w.text);
      const landing = await open(page, `${base}${a.path}#:~:text=${encodeURIComponent(term.join(" ")).replace(/-/g, "%2D")}`);
      expect(landing.scrolled, term.join(" ")).toBe(false);
      expect(landing.highlighted.size, term.join(" ")).toBe(0);
      return;
    }
    throw new Error("no shipped quote runs over two paragraphs");
  });

  it.each(cases)("$name: the link scrolls to the quote and highlights all of it, and nothing else", async ({ fact, article: a, link }) => {
    if (!a) throw new Error(`no source text for ${fact.source}`);
    const landing = await open(page, `${base}${a.path}${link.slice(link.indexOf("#"))}`);
    const expected = quotedWords(fact.quote, a.words);
    const first = a.words.find((w) => expected.has(w.id));
    const shown = (ids: Iterable<string>) =>
      a.words
        .filter((w) => hasLetter(w.text) && [...ids].includes(w.id))
        .map((w) => w.text)
        .join(" ");
    expect(landing.scrolled, `${link} did not scroll`).toBe(true);
    expect(first && landing.onScreen.has(first.id), `the quote's first word is not on screen after ${link}`).toBe(true);
    expect(shown(landing.highlighted)).toBe(shown(expected));
  });
});
