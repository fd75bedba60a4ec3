/** The manifest creates an app the adapter can serve: scopes, events, command, Socket Mode, Home. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const manifest = JSON.parse(readFileSync(new URL("../../../slack-manifest.json", import.meta.url), "utf8"));

describe("slack-manifest.json", () => {
  it("asks for exactly the bot scopes the adapter uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ["app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write"].sort(),
    );
  });

  it("subscribes to the events the adapter listens to", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(["app_home_opened", "app_mention", "message.im"]);
  });

  it("declares /roadmap, interactivity, Socket Mode and the Home tab", () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(["/roadmap"]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.bot_user.display_name).toBe("roadmap-bot");
  });
});
