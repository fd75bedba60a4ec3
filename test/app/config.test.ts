import { describe, expect, it } from "vitest";
import { parseCoreConfig } from "../../app/config.js";
import { createTokenBucket } from "../../chat/rate-limit.js";

describe("core configuration", () => {
  it("accepts an empty environment and the empty values of a copied .env.example", () => {
    expect(parseCoreConfig({}).ok).toBe(true);
    expect(parseCoreConfig({ LOG_LEVEL: "", MAX_QUESTION_LENGTH: "", RATE_LIMIT_BURST: "" }).ok).toBe(true);
  });

  it("names every malformed variable, never its value", () => {
    const r = parseCoreConfig({ LOG_LEVEL: "loud", MAX_QUESTION_LENGTH: "lots", RATE_LIMIT_BURST: "many-secret-value" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.split(" ")[0]).sort()).toEqual(["LOG_LEVEL", "MAX_QUESTION_LENGTH", "RATE_LIMIT_BURST"]);
    expect(r.problems.join(" ")).not.toContain("many-secret-value");
  });
});

describe("token bucket", () => {
  it("allows a burst, refuses after it, tells once, and refills", async () => {
    let now = 0;
    const bucket = createTokenBucket({ capacity: 2, refillPerSecond: 1, now: () => now });
    expect((await bucket.take("u")).allowed).toBe(true);
    expect((await bucket.take("u")).allowed).toBe(true);
    expect(await bucket.take("u")).toEqual({ allowed: false, firstDenial: true });
    expect(await bucket.take("u")).toEqual({ allowed: false, firstDenial: false });
    expect((await bucket.take("other")).allowed).toBe(true);
    now = 1000;
    expect((await bucket.take("u")).allowed).toBe(true);
  });

  it("is bounded in memory", async () => {
    const bucket = createTokenBucket({ maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) await bucket.take(`u${i}`);
    expect(bucket.size()).toBe(100);
  });
});
