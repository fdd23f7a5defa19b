/**
 * The boundary of a local server (one that runs on the user's own machine for the user's own
 * browser): it listens on 127.0.0.1 only, answers only requests addressed to that address, refuses
 * requests made from another site's page, and lets through a changing request (any method but GET
 * and HEAD) only with the server's token.
 *
 * The Host check defeats DNS rebinding (a site whose name is made to resolve to 127.0.0.1 sends its
 * own name as Host); the Origin and Sec-Fetch-Site checks refuse requests another site's page sends
 * (forms, images, fetch); the token, put into the pages the server serves and readable only by pages
 * of the same origin, refuses changing requests from anywhere else, browsers without those headers
 * included. A server using this must change nothing on a GET or HEAD.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** The only address a local server listens on. */
export const LOOPBACK = "127.0.0.1";

/** The request header that carries the token. */
export const TOKEN_HEADER = "x-parkscore-token";

export interface LocalGuard {
  /** The server's token, random for each server: give it to the pages it serves. */
  readonly token: string;
  /** The Host values this server answers (its loopback addresses with its port). */
  readonly hosts: readonly string[];
  /** Why the request is refused (one line, for a 403), or undefined when it may proceed. */
  refusal(req: { method?: string; headers: IncomingHttpHeaders }): string | undefined;
}

/** True for the methods that must change nothing. */
export function isSafeMethod(method: string | undefined): boolean {
  return method === "GET" || method === "HEAD";
}

const digest = (s: string) => createHash("sha256").update(s).digest();

export function localGuard(port: number): LocalGuard {
  const token = randomBytes(32).toString("hex");
  const expected = digest(token);
  const hosts = [`${LOOPBACK}:${port}`, `localhost:${port}`, `[::1]:${port}`];
  // A browser leaves out the port that is the scheme's default.
  if (port === 80) hosts.push(LOOPBACK, "localhost", "[::1]");
  return {
    token,
    hosts,
    refusal({ method, headers }) {
      const host = headers.host?.toLowerCase();
      if (host === undefined || !hosts.includes(host)) {
        return `refused: this server answers only requests addressed to ${hosts[0]} (the Host was ${JSON.stringify(headers.host ?? "")}); open http://${hosts[0]}/`;
      }
      const origin = headers.origin;
      if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
        return `refused: a request from another site (Origin ${JSON.stringify(origin)}); open http://${hosts[0]}/ directly`;
      }
      const site = headers["sec-fetch-site"];
      // "none" is the user's own navigation (the address bar, a bookmark), which only reads.
      if (site !== undefined && site !== "same-origin" && !(site === "none" && isSafeMethod(method))) {
        return `refused: a request from another site (Sec-Fetch-Site: ${site}); open http://${hosts[0]}/ directly`;
      }
      if (!isSafeMethod(method)) {
        const given = headers[TOKEN_HEADER];
        // Compared as digests: equal lengths, and a constant-time comparison.
        if (typeof given !== "string" || !timingSafeEqual(digest(given), expected)) {
          return `refused: a changing request (${method}) without this server's token; reload the page and try again`;
        }
      }
      return undefined;
    },
  };
}
