/**
 * Sends HTTP requests to the adapter the way Slack does: Events API as JSON, slash commands and
 * interactions form-encoded (interactions as `payload=<json>`), each signed with v0 HMAC-SHA256 of
 * `v0:${timestamp}:${body}` in X-Slack-Signature, the timestamp in X-Slack-Request-Timestamp.
 */
import { createHmac } from "node:crypto";

export interface SignOptions {
  secret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Sets X-Slack-Retry-Num (and a retry reason), as Slack does when it redelivers. */
  retryNum?: number;
  /** Sign with this secret instead (a forged request). */
  signWith?: string;
}

export interface SignedResponse {
  status: number;
  text: string;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

async function post(url: string, body: string, contentType: string, o: SignOptions): Promise<SignedResponse> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": sign(o.signWith ?? o.secret, timestamp, body),
  };
  if (o.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(o.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  const res = await fetch(url, { method: "POST", headers, body });
  return { status: res.status, text: await res.text() };
}

/** POSTs an Events API callback (JSON). */
export function sendEvent(url: string, payload: unknown, o: SignOptions): Promise<SignedResponse> {
  return post(url, JSON.stringify(payload), "application/json", o);
}

/** POSTs a slash command (form-encoded fields). */
export function sendCommand(url: string, fields: Record<string, string>, o: SignOptions): Promise<SignedResponse> {
  return post(url, new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", o);
}

/** POSTs an interaction (block_actions…) as `payload=<json>`. */
export function sendInteraction(url: string, payload: unknown, o: SignOptions): Promise<SignedResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return post(url, body, "application/x-www-form-urlencoded", o);
}
