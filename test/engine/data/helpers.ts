/** Shared fixtures for the data-layer tests: temp dirs, random decimals, error capture. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";

/** A fresh temp dir and a function to name files in it; call cleanup() in afterAll. */
export function tempDir(prefix = "parkscore-data-"): { path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The ParkscoreError that `run` throws (or rejects with); fails the test if there is none. */
export async function errorOf(run: () => unknown): Promise<ParkscoreError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(ParkscoreError);
    return e as ParkscoreError;
  }
  throw new Error("expected a ParkscoreError, but nothing was thrown");
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decimal texts of every shape Number() accepts: shortest round-trip, fixed, 17 significant digits, exponents, long digit strings. */
export function randomDecimalTexts(count: number, seed = 1): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = (r() < 0.5 ? -1 : 1) * r() * 10 ** Math.floor(r() * 30 - 10);
    switch (i % 8) {
      case 0:
        out.push(String(x));
        break;
      case 1:
        out.push(x.toFixed(Math.floor(r() * 12)));
        break;
      case 2:
        out.push(x.toPrecision(17));
        break;
      case 3:
        out.push(x.toPrecision(1 + Math.floor(r() * 21)));
        break;
      case 4:
        out.push(x.toExponential(Math.floor(r() * 20)));
        break;
      case 5: {
        // Raw digit strings: up to 25 digits, a point anywhere, leading zeros, sometimes an exponent.
        const n = 1 + Math.floor(r() * 25);
        let d = "";
        for (let k = 0; k < n; k++) d += Math.floor(r() * 10);
        const p = Math.floor(r() * (n + 1));
        let s = d.slice(0, p) + (p < n ? "." + d.slice(p) : "");
        if (s.startsWith(".") && r() < 0.5) s = "0" + s;
        if (r() < 0.3) s += "e" + (r() < 0.5 ? "-" : "") + Math.floor(r() * 40);
        out.push((r() < 0.3 ? "-" : "") + s);
        break;
      }
      case 6:
        // Integers around 2^53, where a mantissa stops being exact.
        out.push(String(9007199254740992 + Math.floor(r() * 64) - 32));
        break;
      default:
        out.push(String(Math.round(x * 100) / 100));
    }
  }
  return out;
}

