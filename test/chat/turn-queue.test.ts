import { describe, expect, it } from "vitest";
import { createTurnQueue } from "../../chat/turn-queue.js";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("createTurnQueue", () => {
  it("starts work in arrival order, a few items per event-loop turn", async () => {
    const enqueue = createTurnQueue(3);
    const started: number[] = [];
    const done = Array.from({ length: 7 }, (_, n) =>
      enqueue(async () => {
        started.push(n);
        return n * 10;
      }),
    );
    expect(started).toEqual([]); // nothing runs in the turn that queued it
    await turn();
    expect(started).toEqual([0, 1, 2]);
    await turn();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await Promise.all(done)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("yields to the event loop between batches (what else was waiting runs in between)", async () => {
    const enqueue = createTurnQueue(2);
    const events: string[] = [];
    const all = Array.from({ length: 6 }, (_, n) =>
      enqueue(async () => {
        events.push(`task ${n}`);
        if (n === 0) setImmediate(() => events.push("other"));
      }),
    );
    await Promise.all(all);
    expect(events).toEqual(["task 0", "task 1", "other", "task 2", "task 3", "task 4", "task 5"]);
  });

  it("survives a task that throws synchronously", async () => {
    const enqueue = createTurnQueue(4);
    const thrown = enqueue((() => {
      throw new Error("sync");
    }) as () => Promise<never>);
    const after = enqueue(async () => "after");
    await expect(thrown).rejects.toThrow("sync");
    await expect(after).resolves.toBe("after");
  });

  it("passes a task's failure to its caller and keeps going", async () => {
    const enqueue = createTurnQueue(1);
    const failed = enqueue(() => Promise.reject(new Error("boom")));
    const fine = enqueue(async () => "ok");
    await expect(failed).rejects.toThrow("boom");
    await expect(fine).resolves.toBe("ok");
    // Still works after the queue ran dry.
    await expect(enqueue(async () => 42)).resolves.toBe(42);
  });
});
