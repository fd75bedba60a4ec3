/**
 * Every piece of Slack reply wording, in one place. Plain text that may use mrkdwn's `*bold*` and
 * `` `code` ``; `&`, `<` and `>` show as typed, because the renderers escape all of it (mrkdwn.ts).
 * `{name}` marks a slot the renderer fills (a link, a mention).
 */
export const MESSAGES = {
  helpIntro: "I answer questions about *{title}*, quoting the source word for word.",
  helpCan: "*I can:*",
  helpCannot: "*I can't:*",
  helpTry: "Try one of these:",
  helpHowTo: "Mention me in a channel (I reply in a thread), DM me, or use `/roadmap <question>`.",
  homeTitle: "roadmap-bot",
  homeTopics: "*What I know about*",
  relatedLabel: "Related questions:",
  suggestionsLabel: "Questions I can answer:",
  helpful: "👍 Helpful",
  notHelpful: "👎 Not helpful",
  postToChannel: "Post to channel",
  askedBy: "{user} asked:",
  youAsked: "You asked:",
  sourcePrefix: "Source:",
} as const;

/** Block and action ids: the wiring in app.ts routes button presses by these. */
export const IDS = {
  suggest: "roadmap_suggest",
  choice: "roadmap_choice",
  helpful: "roadmap_feedback_helpful",
  notHelpful: "roadmap_feedback_not_helpful",
  post: "roadmap_post",
  feedbackBlock: "roadmap_feedback",
} as const;
