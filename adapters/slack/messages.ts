import { SLACK_WORDING } from "../../chat/index.js";

/** Slack's wording lives with every other sentence of the bot, in chat/wording.ts. */
export const MESSAGES = SLACK_WORDING;

/** Block and action ids: the wiring in app.ts routes button presses by these. */
export const IDS = {
  suggest: "roadmap_suggest",
  choice: "roadmap_choice",
  helpful: "roadmap_feedback_helpful",
  notHelpful: "roadmap_feedback_not_helpful",
  post: "roadmap_post",
  feedbackBlock: "roadmap_feedback",
} as const;
