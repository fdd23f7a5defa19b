/** The one unsafe moment of a folder swap: the new folder cannot be moved in after the old one was moved aside. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const failing = vi.hoisted(() => ({ rename: undefined as undefined | ((from: string, to: string) => boolean) }));

vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (failing.rename?.(String(from), String(to))) throw Object.assign(new Error(`EIO: i/o error, rename '${from}' -> '${to}'`), { code: "EIO" });
    return fs.renameSync(from, to);
  };
  return { ...fs, default: { ...fs, renameSync }, renameSync };
});

const { replaceFolder } = await import("../../../engine/store/atomic.js");
const { tempDir } = await import("../../cli/helpers.js");
const { snapshot } = await import("./folder-snapshot.js");

afterEach(() => {
  failing.rename = undefined;
});

describe("replaceFolder's swap", () => {
  it("puts the old folder back when the new one cannot be moved in", async () => {
    const out = join(tempDir(), "out");
    await replaceFolder(out, (s) => s.write([{ name: "a.csv", data: "old" }, { name: "cards/x.html", data: "x" }]));
    const before = snapshot(out);
    failing.rename = (from) => from.endsWith(".new"); // the second rename of the swap
    await expect(replaceFolder(out, (s) => s.write([{ name: "a.csv", data: "new" }]))).rejects.toThrow(/\(EIO\); nothing was changed/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(join(out, ".."))).toEqual(["out"]);
  });

  it("changes nothing when the old folder cannot be moved aside", async () => {
    const out = join(tempDir(), "out");
    await replaceFolder(out, (s) => s.write([{ name: "a.csv", data: "old" }]));
    const before = snapshot(out);
    failing.rename = (_from, to) => to.endsWith(".old");
    await expect(replaceFolder(out, (s) => s.write([{ name: "a.csv", data: "new" }]))).rejects.toThrow(/nothing was changed/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(join(out, ".."))).toEqual(["out"]);
  });
});
