/**
 * Socket Mode's client parses each WebSocket message and reads `event.payload.event.type` (and
 * Bolt then reads fields of `payload`) without checking them, inside async listeners whose
 * rejections nobody catches: one envelope with a null or string payload was an unhandled rejection,
 * which ends the process. This puts a check in front of the client's own message handling, and
 * catches what its listeners reject.
 */
import type { SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "../../chat/index.js";
import { envelopeProblem, isRecord } from "./payload-shape.js";

type SocketModeClient = SocketModeReceiver["client"];
type Listener = (...args: unknown[]) => unknown;

/**
 * Installs the check on a Socket Mode client (`new SocketModeReceiver(…).client`), before it
 * connects. A malformed envelope is logged, acknowledged (so Slack does not send it again) and dropped.
 *
 * @example
 * const receiver = new SocketModeReceiver({ appToken, logger: boltLogger });
 * guardSocketMode(receiver.client, logger);
 */
export function guardSocketMode(client: SocketModeClient, logger: Logger): void {
  const failed = (error: unknown) => logger.error("slack socket mode listener failed", { platform: "slack", error });
  const settle = (listener: Listener, args: unknown[]) => {
    try {
      Promise.resolve(listener(...args)).catch(failed);
    } catch (error) {
      failed(error);
    }
  };

  const deliver = client.listeners("ws_message") as Listener[];
  client.removeAllListeners("ws_message");
  client.on("ws_message", (data: unknown, isBinary: unknown) => {
    if (isBinary !== true) {
      const envelope = parse(data);
      const problem = envelopeProblem(envelope);
      if (problem) {
        logger.warn("slack: malformed Socket Mode envelope dropped", { platform: "slack", reason: problem });
        if (isRecord(envelope) && typeof envelope.envelope_id === "string") acknowledge(client, envelope.envelope_id, failed);
        return;
      }
    }
    for (const listener of deliver) settle(listener, [data, isBinary]);
  });

  // Bolt's own listener acks after an error, and that ack can reject too (the socket closed meanwhile).
  const events = client.listeners("slack_event") as Listener[];
  client.removeAllListeners("slack_event");
  for (const listener of events) client.on("slack_event", (...args: unknown[]) => settle(listener, args));
}

function parse(data: unknown): unknown {
  try {
    const text = typeof data === "string" ? data : new TextDecoder().decode(data as ArrayBuffer);
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The client's `send` is private in its types but is how every ack goes out; without it, skip the ack.
function acknowledge(client: SocketModeClient, envelopeId: string, failed: (error: unknown) => void): void {
  const send = (client as unknown as { send?: (id: string) => Promise<void> }).send;
  if (typeof send === "function") send.call(client, envelopeId).catch(failed);
}
