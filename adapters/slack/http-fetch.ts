/**
 * The fetch that Bolt's Web API client and respond() (response_url) use. Two things differ from
 * the global fetch, both for a busy bot:
 * - every request has a deadline, set with one timer that is cleared when the response is read
 *   (AbortSignal.timeout keeps a timer and a transferable signal alive for the whole deadline:
 *   thousands at once under load, and measurable garbage-collection work);
 * - plain string bodies (the Web API's form posts, response_url's JSON) go over node:http(s) with
 *   keep-alive agents, which costs far less CPU per request than undici's fetch. Anything else
 *   (multipart file uploads, streams) goes through the global fetch unchanged.
 */
import http from "node:http";
import https from "node:https";

export type FetchLike = (url: string | URL | Request, init?: RequestInit) => Promise<Response>;

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function plainHeaders(headers: RequestInit["headers"]): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers));
  return { ...(headers as Record<string, string>) };
}

function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    if (Array.isArray(v)) for (const item of v) out.append(k, item);
    else if (v !== undefined) out.set(k, v);
  }
  return out;
}

/** What a request that must not be retried answers when its deadline passes (see `noRetry`). */
export const TIMED_OUT = "request_timeout_not_retried";

/**
 * A fetch with a deadline of `timeoutMs(url)` per request (see the file comment). A request for
 * which `noRetry(url)` holds (chat.postMessage) that passes its deadline answers `{ ok: false,
 * error: TIMED_OUT }` instead of failing: the Web API client retries failures, and a retried post
 * that Slack had in fact accepted is posted twice.
 */
export function createDeadlineFetch(
  timeoutMs: (url: string) => number,
  noRetry: (url: string) => boolean = () => false,
): FetchLike & { close(): void } {
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
    "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };

  const viaNode = (url: URL, init: RequestInit, body: string | undefined, signal: AbortSignal): Promise<Response> =>
    new Promise((resolve, reject) => {
      const client = url.protocol === "https:" ? https : http;
      const req = client.request(
        url,
        { method: init.method ?? "GET", headers: plainHeaders(init.headers), agent: agents[url.protocol as "http:" | "https:"], signal },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            resolve(
              new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), {
                status,
                statusText: res.statusMessage ?? "",
                headers: responseHeaders(res.headers),
              }),
            );
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  const fetchWithDeadline = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const href = input instanceof Request ? input.url : String(input);
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
      timeoutMs(href),
    );
    const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      return await attempt();
    } catch (error) {
      if (controller.signal.aborted && !init.signal?.aborted && noRetry(href))
        return new Response(JSON.stringify({ ok: false, error: TIMED_OUT }), {
          status: 200,
          headers: { "content-type": "application/json" },
        });
      throw error;
    } finally {
      clearTimeout(timer);
    }

    async function attempt(): Promise<Response> {
      const url = new URL(href);
      const simple = !(input instanceof Request) && (init.body === undefined || init.body === null || typeof init.body === "string");
      if (simple && (url.protocol === "http:" || url.protocol === "https:")) {
        // Node's http client does not follow redirects, which is what `redirect: "error"` asks for.
        return await viaNode(url, init, (init.body ?? undefined) as string | undefined, signal);
      }
      const response = await fetch(input, { ...init, signal });
      // Read the body inside the deadline too, so the timer covers the whole exchange.
      const body = await response.arrayBuffer();
      return new Response(NULL_BODY.has(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
  };
  return Object.assign(fetchWithDeadline, {
    close() {
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  });
}
