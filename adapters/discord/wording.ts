import { DISCORD_WORDING, FRAMES } from "../../chat/index.js";

/** Discord's wording lives with every other sentence of the bot, in chat/wording.ts. */
export const TEXT = DISCORD_WORDING;

/** The frame of an answer (embed headings, feedback buttons) in the answer's language. */
export const FRAME = FRAMES;
export type { Frame } from "../../chat/index.js";
