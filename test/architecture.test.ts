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
});
