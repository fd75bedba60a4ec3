/**
 * Slack's v0 request signature: HMAC-SHA256 of `v0:${timestamp}:${body}` with the signing secret.
 * Bolt checks it too, but only rejects timestamps in the past: one signed in the future (a clock
 * gone wrong, or a request captured to be replayed later) would stay valid for as long as it says.
 * Here both directions are bounded.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** How far X-Slack-Request-Timestamp may be from our clock, either way (Slack's own rule is 5 minutes). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

const single = (v: string | string[] | undefined): string | undefined => (typeof v === "string" ? v : undefined);

/**
 * Why a request is not verifiably from Slack, or undefined when it is. Never echoes a header's value.
 *
 * @example
 * const problem = signatureProblem(req.headers, rawBody, secret, Date.now());
 * if (problem) reply(401);
 */
export function signatureProblem(headers: IncomingHttpHeaders, body: Buffer, secret: string, nowMs: number): string | undefined {
  const timestamp = single(headers["x-slack-request-timestamp"]);
  const signature = single(headers["x-slack-signature"]);
  if (timestamp === undefined || signature === undefined) return "missing signature headers";
  if (!/^\d{1,12}$/.test(timestamp)) return "the timestamp is not a number of seconds";
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return "the timestamp is more than 5 minutes from our clock";
  }
  const expected = Buffer.from(`v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex")}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "signature mismatch";
  return undefined;
}
