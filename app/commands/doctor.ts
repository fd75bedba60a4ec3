import { existsSync } from "node:fs";
import { formatProblem, RoadmapBotError } from "../../src/index.js";
import { parseCoreConfig } from "../config.js";
import { lintKnowledge } from "../curator/lint.js";
import { loadKnowledgeFile } from "../knowledge-file.js";

/**
 * `roadmap-bot doctor`: checks the configuration and the knowledge file without connecting to
 * anything. Prints one line per check; never prints a secret's value. Exit 0 when all is well.
 */
export async function runDoctor(
  env: Record<string, string | undefined>,
  knowledgePath: string,
  print: (line: string) => void,
): Promise<number> {
  let bad = 0;
  const report = (ok: boolean, what: string, problems: string[] = []) => {
    print(`${ok ? "ok  " : "FAIL"} ${what}`);
    for (const p of problems) print(`       - ${p}`);
    // Every problem counts, not every failing part: two Slack problems are "2 problems found".
    if (!ok) bad += Math.max(problems.length, 1);
  };

  const core = parseCoreConfig(env);
  report(core.ok, "core settings (LOG_LEVEL, UNANSWERED_LOG, limits)", core.ok ? [] : core.problems);

  if (!existsSync(knowledgePath)) report(false, `knowledge file ${knowledgePath}`, ["no such file (set KNOWLEDGE_PATH or --knowledge)"]);
  else {
    try {
      // The loader's limits and messages: a refused file's text never reaches this report.
      const k = loadKnowledgeFile(knowledgePath);
      const lint = lintKnowledge(k, knowledgePath);
      report(lint.length === 0, `knowledge file ${knowledgePath} (${k.facts.length} facts)`, lint.map(formatProblem));
    } catch (err) {
      report(
        false,
        `knowledge file ${knowledgePath}`,
        err instanceof RoadmapBotError ? err.problems.map((p) => `${p.path}: ${p.message}`) : [(err as Error).message],
      );
    }
  }

  const set = (name: string) => (env[name] ?? "").trim() !== "";
  if (["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"].some(set)) {
    const { parseSlackConfig } = await import("../../adapters/slack/index.js");
    const r = parseSlackConfig(env);
    report(
      r.ok,
      r.ok ? `Slack (${r.config.mode === "socket" ? "Socket Mode" : `HTTP on port ${r.config.port}`})` : "Slack",
      r.ok ? [] : r.problems,
    );
  } else print("--   Slack: not configured (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN)");

  if (["DISCORD_TOKEN", "DISCORD_APPLICATION_ID"].some(set)) {
    const { parseDiscordConfig } = await import("../../adapters/discord/index.js");
    try {
      parseDiscordConfig(env);
      report(true, "Discord");
    } catch (err) {
      report(false, "Discord", err instanceof RoadmapBotError ? err.problems.map(formatProblem) : [(err as Error).message]);
    }
  } else print("--   Discord: not configured (set DISCORD_TOKEN and DISCORD_APPLICATION_ID)");

  print(bad ? `${bad} problem${bad === 1 ? "" : "s"} found; nothing was connected.` : "All checks passed; nothing was connected.");
  return bad ? 1 : 0;
}
