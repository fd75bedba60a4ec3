import { describe, expect, it } from "vitest";
import { createDedup } from "../../../adapters/slack/dedup.js";

describe("createDedup", () => {
  it("lets a key through once", () => {
    const d = createDedup();
    expect(d.firstTime("Ev1")).toBe(true);
    expect(d.firstTime("Ev1")).toBe(false);
  });

  it("treats any shared key as a repeat (app_mention + message for one post)", () => {
    const d = createDedup();
    expect(d.firstTime("EvA", "post:C1:1.1")).toBe(true);
    expect(d.firstTime("EvB", "post:C1:1.1")).toBe(false);
    expect(d.firstTime("EvB")).toBe(false);
  });

  it("ignores missing keys", () => {
    const d = createDedup();
    expect(d.firstTime(undefined, "")).toBe(true);
    expect(d.size).toBe(0);
  });

  it("stays bounded, forgetting the oldest first", () => {
    const d = createDedup(100);
    for (let i = 0; i < 10_000; i++) d.firstTime(`Ev${i}`);
    expect(d.size).toBe(100);
    expect(d.firstTime("Ev9999")).toBe(false);
    expect(d.firstTime("Ev0")).toBe(true);
  });

  it("forgets keys after the TTL", () => {
    let now = 0;
    const d = createDedup(100, 1000, () => now);
    d.firstTime("Ev1");
    now = 999;
    expect(d.firstTime("Ev2")).toBe(true);
    now = 1500;
    expect(d.firstTime("Ev1")).toBe(true);
    expect(d.firstTime("Ev2")).toBe(false);
  });
});
