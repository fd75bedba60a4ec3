/**
 * The shape a Slack request body or Socket Mode payload must have before Bolt sees it. Bolt reads
 * fields without checking them (`body.ssl_check` on a `null` body, `event.payload.event.type` on a
 * string payload) in places where a TypeError ends the process, so anything else is refused here.
 * The checks cover what Bolt and our listeners read, nothing more: Slack adds fields freely.
 */
import { parse as parseQuery } from "node:querystring";

/** Events API callbacks (JSON), slash commands (form fields), interactions (`payload=<json>`). */
export type SlackBodyKind = "event" | "command" | "interactive";

export type ParsedBody = { ok: true; kind: SlackBodyKind; body: unknown } | { ok: false; problem: string };

export type JsonRecord = Record<string, unknown>;

export const isRecord = (v: unknown): v is JsonRecord => typeof v === "object" && v !== null && !Array.isArray(v);

const FORM = "application/x-www-form-urlencoded";

/** Slack's SSL check: form-encoded `ssl_check=1`, unsigned, answered 200 by Bolt without processing. */
export function isSslCheck(raw: string, contentType: string | undefined): boolean {
  return contentType === FORM && parseQuery(raw).ssl_check === "1";
}

/**
 * Parses a body exactly as Bolt's HTTPReceiver will (the same content-type test, the same
 * `payload` rule), so that what is checked is what Bolt acts on.
 */
export function parseLikeBolt(raw: string, contentType: string | undefined): ParsedBody {
  try {
    if (contentType !== FORM) return { ok: true, kind: "event", body: JSON.parse(raw) };
    const fields = parseQuery(raw);
    if (fields.payload === undefined) return { ok: true, kind: "command", body: { ...fields } };
    if (typeof fields.payload !== "string") return { ok: false, problem: "more than one payload field" };
    return { ok: true, kind: "interactive", body: JSON.parse(fields.payload) };
  } catch {
    return { ok: false, problem: "the body is not valid JSON" };
  }
}

/** Why `body` cannot be handed to Bolt as a `kind`, or undefined when it can. */
export function bodyProblem(kind: SlackBodyKind, body: unknown): string | undefined {
  if (!isRecord(body)) return "the body is not an object";
  if (kind === "event") {
    if (typeof body.type !== "string") return "the callback has no type";
    if (body.type === "url_verification" && typeof body.challenge !== "string") return "url_verification without a challenge";
    if (body.type === "event_callback" || "event" in body) {
      if (!isRecord(body.event) || typeof body.event.type !== "string") return "the event is not an object with a type";
      if ("item" in body.event && !isRecord(body.event.item)) return "the event's item is not an object";
    }
    return undefined;
  }
  if (kind === "command") {
    if (typeof body.command !== "string" || typeof body.user_id !== "string") return "a slash command without command or user_id";
    return undefined;
  }
  if (typeof body.type !== "string") return "the interaction has no type";
  if (!isRecord(body.user) || typeof body.user.id !== "string") return "the interaction has no user id";
  if ("actions" in body && !(Array.isArray(body.actions) && body.actions.every(isRecord))) return "actions is not a list of objects";
  for (const field of ["channel", "message", "container", "view"]) {
    if (field in body && body[field] !== undefined && !isRecord(body[field])) return `${field} is not an object`;
  }
  return undefined;
}

const ENVELOPE_KINDS: Record<string, SlackBodyKind> = { events_api: "event", slash_commands: "command", interactive: "interactive" };

/**
 * Why a Socket Mode message cannot be handed to the Socket Mode client, or undefined when it can.
 * `hello` and `disconnect` carry no payload; every other envelope needs an id and an object payload.
 */
export function envelopeProblem(envelope: unknown): string | undefined {
  if (!isRecord(envelope)) return "the envelope is not an object";
  if (typeof envelope.type !== "string") return "the envelope has no type";
  if (envelope.type === "hello" || envelope.type === "disconnect") return undefined;
  if (typeof envelope.envelope_id !== "string") return "the envelope has no envelope_id";
  // Own keys only: an envelope typed "constructor" is not a known kind.
  const kind = Object.hasOwn(ENVELOPE_KINDS, envelope.type) ? ENVELOPE_KINDS[envelope.type] : undefined;
  if (!kind) return isRecord(envelope.payload) ? undefined : "the payload is not an object";
  return bodyProblem(kind, envelope.payload);
}
