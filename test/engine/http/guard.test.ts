import { describe, expect, test } from "vitest";
import { isSafeMethod, localGuard, TOKEN_HEADER } from "../../../engine/http/guard.js";

describe("the boundary of a local server", () => {
  const guard = localGuard(4321);
  const refusal = (method: string, headers: Record<string, string | undefined>) => guard.refusal({ method, headers });

  test("answers its own address with its port, and nothing else", () => {
    expect(guard.hosts).toEqual(["127.0.0.1:4321", "localhost:4321", "[::1]:4321"]);
    for (const host of ["127.0.0.1:4321", "localhost:4321", "Localhost:4321", "[::1]:4321"]) expect(refusal("GET", { host })).toBeUndefined();
    for (const host of [undefined, "", "127.0.0.1", "127.0.0.1:80", "localhost:43210", "evil.example:4321", "127.0.0.2:4321", "0.0.0.0:4321", "127.0.0.1:4321 ", "user@127.0.0.1:4321"]) {
      expect(refusal("GET", { host })).toBe(`refused: this server answers only requests addressed to 127.0.0.1:4321 (the Host was ${JSON.stringify(host ?? "")}); open http://127.0.0.1:4321/`);
    }
    // On port 80 a browser sends the bare name.
    expect(localGuard(80).refusal({ method: "GET", headers: { host: "localhost" } })).toBeUndefined();
  });

  test("refuses another site's requests: an Origin that is not this one, a Sec-Fetch-Site that is not same-origin", () => {
    const host = "127.0.0.1:4321";
    expect(refusal("GET", { host, origin: "http://127.0.0.1:4321", "sec-fetch-site": "same-origin" })).toBeUndefined();
    for (const origin of ["http://evil.example", "null", "http://localhost:4321", "https://127.0.0.1:4321", "http://127.0.0.1:4322"]) {
      expect(refusal("GET", { host, origin })).toBe(`refused: a request from another site (Origin ${JSON.stringify(origin)}); open http://127.0.0.1:4321/ directly`);
    }
    for (const site of ["cross-site", "same-site"]) expect(refusal("GET", { host, "sec-fetch-site": site })).toMatch(/^refused: a request from another site \(Sec-Fetch-Site: /);
    // The user's own navigation (address bar, bookmark) may read, never change.
    expect(refusal("GET", { host, "sec-fetch-site": "none" })).toBeUndefined();
    expect(refusal("POST", { host, "sec-fetch-site": "none", [TOKEN_HEADER]: guard.token })).toBe("refused: a request from another site (Sec-Fetch-Site: none); open http://127.0.0.1:4321/ directly");
  });

  test("a changing request needs the server's token; a reading one does not", () => {
    const host = "127.0.0.1:4321";
    expect(guard.token).toMatch(/^[0-9a-f]{64}$/);
    expect(localGuard(4321).token).not.toBe(guard.token);
    expect(refusal("POST", { host, [TOKEN_HEADER]: guard.token })).toBeUndefined();
    const other = guard.token.slice(0, -1) + (guard.token.endsWith("a") ? "b" : "a");
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      for (const token of [undefined, "", other, guard.token.slice(1), guard.token + "0", guard.token.toUpperCase()]) {
        expect(refusal(method, { host, [TOKEN_HEADER]: token })).toBe(`refused: a changing request (${method}) without this server's token; reload the page and try again`);
      }
    }
    expect(isSafeMethod("GET") && isSafeMethod("HEAD")).toBe(true);
    expect(isSafeMethod("POST") || isSafeMethod("OPTIONS") || isSafeMethod(undefined)).toBe(false);
    expect(refusal("OPTIONS", { host })).toMatch(/^refused: a changing request \(OPTIONS\) without this server's token/);
  });
});
