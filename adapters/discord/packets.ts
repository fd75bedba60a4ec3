/**
 * discord.js dereferences some dispatch fields without checking them, and an exception there is an
 * unhandled rejection inside the gateway reader: in Node that ends the process. Discord itself always
 * sends these fields, but a proxy or test gateway may not, and one odd event must not take the bot
 * down for everyone. Called from the Raw listener, which discord.js runs with the very object it is
 * about to handle, so a fix here is what discord.js sees.
 */
interface RawPacket {
  t?: string;
  d?: Record<string, unknown>;
}

const COMPONENT_INTERACTION = 3;

export function patchDispatch(packet: RawPacket): void {
  const d = packet.d;
  if (!d || typeof d !== "object") return;
  if (packet.t === "INTERACTION_CREATE" && d.type === COMPONENT_INTERACTION && !d.message) {
    // A button press without the message it sits on: discord.js would read `undefined.id`.
    const channel = d.channel as { id?: string } | undefined;
    d.message = {
      id: String(d.id ?? "0"),
      channel_id: (d.channel_id as string | undefined) ?? channel?.id,
      content: "",
      embeds: [],
      components: [],
      attachments: [],
      type: 0,
      flags: 0,
      timestamp: new Date().toISOString(),
    };
  }
}
