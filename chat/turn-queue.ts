/**
 * Starts queued work a few items per event-loop turn, in arrival order. discord.js hands the bot a
 * whole burst of gateway events in one go; started all at once, every reply's HTTP request would
 * wait until the whole burst had been answered in memory. Yielding between small batches lets the
 * first replies leave while later events are still being answered.
 *
 * @example
 * const enqueue = createTurnQueue();
 * client.on(Events.InteractionCreate, (i) => void enqueue(() => handleInteraction(ctx, i)));
 */
export function createTurnQueue(perTurn = 8): <T>(task: () => Promise<T>) => Promise<T> {
  let waiting: (() => void)[] = [];
  let next = 0;
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    const end = Math.min(waiting.length, next + perTurn);
    while (next < end) waiting[next++]?.();
    if (next < waiting.length) schedule();
    else {
      waiting = [];
      next = 0;
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };
  return (task) =>
    new Promise((resolve, reject) => {
      // Wrapped so that a task throwing synchronously rejects its own promise, not the whole batch.
      waiting.push(() => {
        try {
          task().then(resolve, reject);
        } catch (err) {
          reject(err);
        }
      });
      schedule();
    });
}
