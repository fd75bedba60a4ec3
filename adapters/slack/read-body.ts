/**
 * Reads a request body with two bounds a hostile client cannot stretch: a size limit (413 as soon
 * as it is passed, or at once when Content-Length already says so) and a minimum average rate once a
 * grace period is over (408), so that a client dripping a byte a second cannot hold a connection
 * and its buffer for the whole request timeout.
 */
import type { IncomingMessage } from "node:http";

export interface BodyLimits {
  bodyLimitBytes: number;
  /** Average bytes per second the body must reach once `bodyGraceMs` has passed. */
  minBodyBytesPerSecond: number;
  bodyGraceMs: number;
}

/** Why a body was refused: `status` is the HTTP answer; 0 means the client went away (no answer). */
export class BodyError extends Error {
  readonly code = "SLACK_BODY";
  constructor(
    readonly status: 0 | 408 | 413,
    message: string,
  ) {
    super(message);
    this.name = "BodyError";
  }
}

export function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limits.bodyLimitBytes) return Promise.reject(new BodyError(413, "Content-Length is over the body limit"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const started = Date.now();
    const check = setInterval(
      () => {
        const elapsed = Date.now() - started;
        if (elapsed >= limits.bodyGraceMs && size < (limits.minBodyBytesPerSecond * elapsed) / 1000) {
          finish(new BodyError(408, `the body arrived slower than ${limits.minBodyBytesPerSecond} bytes/s`));
        }
      },
      Math.max(50, Math.min(1000, limits.bodyGraceMs / 2)),
    );
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.bodyLimitBytes) return finish(new BodyError(413, "the body is over the limit"));
      chunks.push(chunk);
    };
    const onEnd = () => finish(undefined);
    const onClose = () => finish(new BodyError(0, "the client closed the connection"));
    function finish(error: BodyError | undefined) {
      clearInterval(check);
      req.off("data", onData).off("end", onEnd).off("close", onClose).off("error", onClose);
      if (error) {
        // Stop reading: the connection is closed once the answer is written.
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks));
    }
    req.on("data", onData).on("end", onEnd).on("close", onClose).on("error", onClose);
  });
}
