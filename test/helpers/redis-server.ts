/**
 * A real redis-server for tests, on 127.0.0.1 and a free port, with persistence off. Tests that
 * need it skip (with a message saying why) when the binary is not installed; `.ci/install-redis`
 * installs Debian's redis-server.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createConnection, createServer } from "node:net";

/** True when `redis-server` is on the PATH. */
export const HAS_REDIS = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
export const NO_REDIS_MESSAGE =
  "redis-server is not installed: skipping the Redis tests (run .ci/install-redis, or apt-get install redis-server)";

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then SIGKILL after a bound) and waits for it to exit. */
  stop(): Promise<void>;
  /** Freezes the server (SIGSTOP) for `ms`: it still accepts TCP connections, and answers nothing. */
  pause(ms: number): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** One PING over a raw socket: true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (d) => done(String(d).startsWith("+PONG")));
  });
}

async function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts redis-server and waits (bounded) until it answers PING. */
export async function startRedisServer(): Promise<RedisServer> {
  let lastError = "";
  // A free port can be taken between finding it and binding it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += String(d);
    });
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      if (!(await exited(child, 3000))) {
        child.kill("SIGKILL");
        await exited(child, 2000);
      }
    };
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && child.exitCode === null) {
      const pause = async (ms: number) => {
        child.kill("SIGSTOP");
        setTimeout(() => child.kill("SIGCONT"), ms).unref();
      };
      if (await ping(port)) return { url: `redis://127.0.0.1:${port}`, port, stop, pause };
      await new Promise((r) => setTimeout(r, 50));
    }
    await stop();
    lastError = `redis-server on port ${port} did not answer PING (exit ${child.exitCode}): ${stderr.slice(0, 300)}`;
  }
  throw new Error(lastError);
}
