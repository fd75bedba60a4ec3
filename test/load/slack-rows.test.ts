/** The Slack load table: the baseline measured in the same run prints beside the bot's figures. */
import { describe, expect, it } from "vitest";
import { type SlackReport, slackOptionsFromEnv, slackRows } from "../../load/slack.js";

const report: SlackReport = {
  events: 1000,
  sent: 1000,
  concurrency: 50,
  warmup: 200,
  offeredRate: 500,
  redis: false,
  eventsPerSecondAcked: 500,
  eventsPerSecondAnswered: 498,
  ackP50Ms: 1.5,
  ackP99Ms: 60.2,
  ackMaxMs: 80.4,
  replyP50Ms: 2.5,
  replyP99Ms: 90,
  repliesReceived: 1000,
  duplicates: 0,
  lost: 0,
  non200Acks: 0,
  botLogLines: 1000,
  botWarnings: 0,
  botCpuMsPerEvent: 1.25,
  driverCpuMsPerEvent: 2,
  seconds: 10,
  heavyUsers: 5,
  heavyEvents: 50,
  retriesSent: 200,
  retriesAnswered: 0,
};

describe("slackRows", () => {
  it("prints the baseline's ack p50 / p99 / max, answered/s and CPU per event on the row after the bot's", () => {
    const baseline = {
      events: 400,
      sent: 400,
      repliesReceived: 399,
      ackP50Ms: 0.7,
      ackP99Ms: 12.3,
      ackMaxMs: 20.1,
      eventsPerSecondAnswered: 497,
      botCpuMsPerEvent: 0.42,
    };
    const rows = slackRows({ ...report, baseline });
    const at = rows.findIndex(([figure]) => figure.startsWith("baseline"));
    expect(at).toBeGreaterThan(0);
    expect(rows[at - 1]).toEqual([
      "roadmap-bot (1000 events): ack p50 / p99 / max · answered · CPU per event",
      "1.5 / 60.2 / 80.4 ms · 498 events/s · 1.3 ms",
    ]);
    expect(rows[at]?.[0]).toContain("400 events, 399 answered");
    expect(rows[at]?.[1]).toBe("0.7 / 12.3 / 20.1 ms · 497 events/s · 0.4 ms");
  });

  it("prints no comparison when the baseline was turned off", () => {
    expect(slackRows(report).some(([figure]) => figure.includes("baseline"))).toBe(false);
  });
});

describe("slackOptionsFromEnv", () => {
  it("runs a short baseline by default, of LOAD_BASELINE_EVENTS events, and none when it is 0", () => {
    expect(slackOptionsFromEnv({}).baselineEvents).toBe(1000);
    expect(slackOptionsFromEnv({ LOAD_BASELINE_EVENTS: "250" }).baselineEvents).toBe(250);
    expect(slackOptionsFromEnv({ LOAD_BASELINE_EVENTS: "0" }).baselineEvents).toBe(0);
  });
});
