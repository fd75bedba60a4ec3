import type { RESTOptions } from "discord.js";
import type { DiscordConfig } from "./config.js";

/**
 * REST settings shared by the client and the deploy script, so both talk to the same API.
 * 5xx and network errors are retried `retries` times (immediately, by @discordjs/rest); a 429 is
 * waited out for its Retry-After and then retried. A short timeout keeps a stuck request from
 * holding an interaction past the 15 minutes its token lives.
 */
export function restOptions(config: Pick<DiscordConfig, "apiUrl">): Partial<RESTOptions> {
  return {
    retries: 3,
    timeout: 10_000,
    ...(config.apiUrl ? { api: config.apiUrl } : {}),
  };
}
