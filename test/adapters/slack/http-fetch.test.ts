/** The fetch given to Bolt's Web API client and respond(): deadlines, statuses, headers, bodies. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeadlineFetch } from "../../../adapters/slack/http-fetch.js";

let server: Server;
let base = "";
const seen: { method?: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (req.url === "/hang") return; // never answers: only the deadline ends it
      if (req.url === "/empty") {
        res.writeHead(204);
        return res.end();
      }
      if (req.url === "/limited") {
        res.writeHead(429, { "retry-after": "3", "content-type": "application/json" });
        return res.end('{"ok":false,"error":"ratelimited"}');
      }
      res.writeHead(200, { "content-type": "application/json", "set-cookie": ["a=1", "b=2"] });
      return res.end(JSON.stringify({ ok: true, 你好: "世界" }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("createDeadlineFetch", () => {
  it("posts a string body with its headers and reads a UTF-8 JSON reply", async () => {
    const f = createDeadlineFetch(() => 5000);
    const res = await f(`${base}/api/chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Bearer xoxb-x" },
      body: "channel=C1&text=%E4%BD%A0%E5%A5%BD",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, 你好: "世界" });
    const last = seen.at(-1);
    expect(last?.method).toBe("POST");
    expect(last?.body).toBe("channel=C1&text=%E4%BD%A0%E5%A5%BD");
    expect(last?.headers.authorization).toBe("Bearer xoxb-x");
    f.close();
  });

  it("passes 429 with Retry-After through, and a 204 with no body", async () => {
    const f = createDeadlineFetch(() => 5000);
    const limited = await f(`${base}/limited`, { method: "POST", body: "x=1" });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    const empty = await f(`${base}/empty`, { method: "POST", body: "{}", headers: new Headers({ "content-type": "application/json" }) });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
    f.close();
  });

  it("gives up at the deadline with a TimeoutError", async () => {
    const f = createDeadlineFetch((url) => (url.endsWith("/hang") ? 300 : 5000));
    const started = Date.now();
    const error = await f(`${base}/hang`, { method: "POST", body: "x" }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(String((error as Error)?.name ?? error)).toMatch(/Abort|Timeout/);
    f.close();
  });

  it("honours the caller's own abort signal", async () => {
    const f = createDeadlineFetch(() => 5000);
    const error = await f(`${base}/hang`, { method: "POST", body: "x", signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    f.close();
  });

  it("sends other bodies (FormData) through the global fetch, within the deadline", async () => {
    const f = createDeadlineFetch(() => 5000);
    const form = new FormData();
    form.set("file", "contents");
    const res = await f(`${base}/upload`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    expect(seen.at(-1)?.body).toContain("contents");
    f.close();
  });
});
