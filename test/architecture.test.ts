import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(join(ROOT, file), "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] as string);

/** Dependencies point one way: adapters → src. Each platform library stays inside its adapter. */
describe("architecture", () => {
  it("the core in src/ imports no adapter, platform library or dotenv", () => {
    for (const f of files("src"))
      for (const spec of importsOf(f)) {
        expect(spec, `${f} imports ${spec}`).not.toMatch(/adapters\/|^discord\.js|^@slack\/|^dotenv|^redis/);
      }
  });

  it("only adapters/slack imports @slack/*, only adapters/discord imports discord.js, only adapters/shared imports redis", () => {
    for (const f of files("adapters")) {
      const rel = relative("adapters", f);
      for (const spec of importsOf(f)) {
        if (/^@slack\//.test(spec)) expect(rel, `${f} imports ${spec}`).toMatch(/^slack\//);
        if (/^discord\.js|^@discordjs\//.test(spec)) expect(rel, `${f} imports ${spec}`).toMatch(/^discord\//);
        if (/^redis$|^@redis\//.test(spec)) expect(rel, `${f} imports ${spec}`).toMatch(/^shared\//);
      }
    }
  });

  it("no word of the article lives in src/: the engine knows only what holds for any English or Chinese text", () => {
    // The article's names, places and firms, in both scripts. They belong in knowledge/.
    const ARTICLE =
      /alibaba|daniel zhang|\bzhang\b|tech ?in ?asia|goldman|beijing|hangzhou|shanghai|taobao|tmall|millward|malavika|velayanikal|michael evans|battlefield|阿里|张勇|張勇|高盛|淘宝|天猫|杭州|北京|战场/i;
    const found = files("src").flatMap((f) =>
      readFileSync(join(ROOT, f), "utf8")
        .split("\n")
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) => ARTICLE.test(line))
        .map(([line, n]) => `${f}:${n}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
