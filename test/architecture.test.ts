import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
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

/** A relative import as a path from the project root (`src/index.ts`), or undefined for a package. */
const target = (file: string, spec: string) =>
  spec.startsWith(".") ? normalize(join(dirname(file), spec)).replace(/\.js$/, ".ts") : undefined;
const layer = (path: string) => path.split("/")[0] as string;
const PRODUCTION = ["src", "chat", "adapters", "app"];

/**
 * The layers, and which way they may point (DESIGN.md draws them):
 *   app → adapters → chat → src
 * src/ is the engine (pure: no I/O, no state, no environment); chat/ the platform-free runtime;
 * adapters/ translate one platform each; app/ composes them and holds the curator's commands.
 */
describe("architecture", () => {
  it("each layer points inward only: src imports no other layer, chat only src, adapters only chat and src", () => {
    const allowed: Record<string, string[]> = {
      src: ["src"],
      chat: ["chat", "src"],
      adapters: ["adapters", "chat", "src"],
      app: PRODUCTION,
    };
    for (const layerName of PRODUCTION)
      for (const f of files(layerName))
        for (const spec of importsOf(f)) {
          const to = target(f, spec);
          if (to) expect(allowed[layerName], `${f} imports ${spec}`).toContain(layer(to));
        }
  });

  it("outside src/ and chat/, code enters them only through their index.ts (no deep imports)", () => {
    for (const f of PRODUCTION.flatMap(files))
      for (const spec of importsOf(f)) {
        const to = target(f, spec);
        if (!to) continue;
        for (const door of ["src", "chat"])
          if (layer(to) === door && layer(f) !== door) expect(to, `${f} imports ${spec}`).toBe(`${door}/index.ts`);
      }
  });

  it("an adapter never imports another adapter, and app/ uses an adapter only through its index.ts (and config.ts, to parse settings)", () => {
    for (const f of PRODUCTION.flatMap(files))
      for (const spec of importsOf(f)) {
        const to = target(f, spec);
        if (!to || layer(to) !== "adapters") continue;
        const platform = to.split("/")[1];
        if (layer(f) === "adapters") expect(f.split("/")[1], `${f} imports ${spec}`).toBe(platform);
        if (layer(f) === "app")
          expect([`adapters/${platform}/index.ts`, `adapters/${platform}/config.ts`], `${f} imports ${spec}`).toContain(to);
      }
  });

  it("the module graph has no cycles", () => {
    const graph = new Map(
      PRODUCTION.flatMap(files).map((f) => [
        f,
        importsOf(f)
          .map((s) => target(f, s))
          .filter((x): x is string => !!x),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") return void cycles.push([...path.slice(path.indexOf(f)), f].join(" → "));
      state.set(f, "open");
      for (const next of graph.get(f) ?? []) visit(next, [...path, f]);
      state.set(f, "done");
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it("the engine does no I/O and reads no environment", () => {
    for (const f of files("src")) {
      for (const spec of importsOf(f))
        expect(spec, `${f} imports ${spec}`).not.toMatch(
          /^node:(fs|net|http|https|child_process|worker_threads)$|^dotenv|^redis|^@slack\/|^discord\.js/,
        );
      expect(readFileSync(join(ROOT, f), "utf8"), `${f} reads process.env`).not.toMatch(/process\.env/);
    }
  });

  it("only adapters/slack imports @slack/*, only adapters/discord imports discord.js, only chat/ imports redis", () => {
    for (const f of PRODUCTION.flatMap(files)) {
      for (const spec of importsOf(f)) {
        if (/^@slack\//.test(spec)) expect(f, `${f} imports ${spec}`).toMatch(/^adapters\/slack\//);
        if (/^discord\.js|^@discordjs\//.test(spec)) expect(f, `${f} imports ${spec}`).toMatch(/^adapters\/discord\//);
        if (/^redis$|^@redis\//.test(spec)) expect(f, `${f} imports ${spec}`).toMatch(/^chat\//);
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
