import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ParkscoreError } from "../../../engine/errors.js";
import { addFolder, OUTPUT_MARK, replaceFolder } from "../../../engine/store/atomic.js";
import { tempDir } from "../../cli/helpers.js";
import { snapshot } from "./folder-snapshot.js";

/** An output folder as an earlier run left it. */
async function previous(): Promise<string> {
  const out = join(tempDir(), "out");
  await replaceFolder(out, (s) => s.write([{ name: "a.csv", data: "old a\n" }, { name: "cards/x.html", data: "old x" }, { name: "cards/y.html", data: "old y" }]));
  return out;
}

const siblings = (out: string) => readdirSync(join(out, "..")).filter((e) => e !== "out");

describe("replaceFolder", () => {
  it("writes a new folder whole, marked as parkscore's", async () => {
    const out = join(tempDir(), "deep", "out");
    const r = await replaceFolder(out, (s) => {
      expect(s.dir).not.toBe(out);
      expect(existsSync(out)).toBe(false); // built beside, not in place
      s.write([{ name: "a.csv", data: "a" }, { name: "sub/b.bin", data: [new Uint8Array([1, 2]), new Uint8Array([3])] }]);
      return 42;
    });
    expect(r).toBe(42);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARK, "a.csv", "sub"]);
    expect([...readFileSync(join(out, "sub", "b.bin"))]).toEqual([1, 2, 3]);
    expect(siblings(out)).toEqual([]);
  });

  it("leaves nothing of the old folder after a successful run", async () => {
    const out = await previous();
    await replaceFolder(out, (s) => s.write([{ name: "a.csv", data: "new a\n" }, { name: "cards/x.html", data: "new x" }]));
    expect(snapshot(out)).toEqual(snapshot(await (async () => {
      const fresh = join(tempDir(), "out");
      await replaceFolder(fresh, (s) => s.write([{ name: "a.csv", data: "new a\n" }, { name: "cards/x.html", data: "new x" }]));
      return fresh;
    })()));
    expect(existsSync(join(out, "cards", "y.html"))).toBe(false);
    expect(siblings(out)).toEqual([]);
  });

  it("leaves the old folder byte-identical when the build fails half-way", async () => {
    const out = await previous();
    const before = snapshot(out);
    await expect(
      replaceFolder(out, async (s) => {
        s.write([{ name: "a.csv", data: "new a\n" }]);
        await new Promise((r) => setTimeout(r, 1));
        throw new Error("Chromium crashed");
      }),
    ).rejects.toThrow("Chromium crashed");
    expect(snapshot(out)).toEqual(before);
    expect(siblings(out)).toEqual([]);
  });

  it("refuses a non-empty folder it did not write, changing nothing", async () => {
    const home = join(tempDir(), "out");
    mkdirSync(home);
    writeFileSync(join(home, "thesis.docx"), "years of work");
    writeFileSync(join(home, "a.csv"), "mine");
    const before = snapshot(home);
    const e = await replaceFolder(home, (s) => s.write([{ name: "a.csv", data: "new" }])).catch((x) => x);
    expect(e).toBeInstanceOf(ParkscoreError);
    expect(e.message).toMatch(/holds files parkscore did not write \(.*thesis\.docx.*\).*nothing was changed.*new or empty folder/);
    expect(snapshot(home)).toEqual(before);
    expect(siblings(home)).toEqual([]);
  });

  it("replaces an empty folder, and an unmarked one holding only names the new run writes (written before folders were marked)", async () => {
    const empty = join(tempDir(), "out");
    mkdirSync(empty);
    await replaceFolder(empty, (s) => s.write([{ name: "a.csv", data: "a" }]));
    expect(readFileSync(join(empty, "a.csv"), "utf8")).toBe("a");
    const legacy = join(tempDir(), "out");
    mkdirSync(join(legacy, "cards"), { recursive: true });
    writeFileSync(join(legacy, "a.csv"), "old");
    writeFileSync(join(legacy, "cards", "gone.html"), "old card");
    await replaceFolder(legacy, (s) => s.write([{ name: "a.csv", data: "new" }, { name: "cards/x.html", data: "x" }]));
    expect(readdirSync(join(legacy, "cards"))).toEqual(["x.html"]);
  });

  it("says a file is not a folder", async () => {
    const file = join(tempDir(), "out");
    writeFileSync(file, "x");
    await expect(replaceFolder(file, (s) => s.write([]))).rejects.toThrow(/is a file, not a folder; nothing was changed/);
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  it("replaces what a symbolic link points at, keeping the link", async () => {
    const out = await previous();
    const link = join(tempDir(), "link");
    symlinkSync(out, link);
    await replaceFolder(link, (s) => s.write([{ name: "b.csv", data: "b" }]));
    expect(readdirSync(link).sort()).toEqual([OUTPUT_MARK, "b.csv"]);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARK, "b.csv"]);
  });

  it("cleans up after a writer killed mid-run: its staging folder goes, its backup comes back if nothing replaced it", async () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    const parent = tempDir();
    const out = join(parent, "out");
    mkdirSync(join(parent, `.out.${dead}.m0.0.new`));
    writeFileSync(join(parent, `.out.${dead}.m0.0.new`, "half.csv"), "half");
    mkdirSync(join(parent, `.out.${dead}.m0.0.old`));
    writeFileSync(join(parent, `.out.${dead}.m0.0.old`, OUTPUT_MARK), "");
    writeFileSync(join(parent, `.out.${dead}.m0.0.old`, "a.csv"), "the old folder");
    const live = `.out.${process.pid}.m0.0.new`; // another writer still at work: left alone
    mkdirSync(join(parent, live));
    await expect(replaceFolder(out, () => {
      expect(readFileSync(join(out, "a.csv"), "utf8")).toBe("the old folder"); // put back before the build
      throw new Error("fails");
    })).rejects.toThrow("fails");
    expect(readFileSync(join(out, "a.csv"), "utf8")).toBe("the old folder");
    expect(readdirSync(parent).sort()).toEqual([live, "out"]);
  });
});

describe("addFolder", () => {
  it("adds a folder whole and never rewrites one", async () => {
    const run = join(tempDir(), "runs", "2025", "0001");
    await addFolder(run, (s) => s.write([{ name: "manifest.json", data: "{}" }]));
    expect(readdirSync(run)).toEqual(["manifest.json"]); // a run is not an output folder: no mark
    const before = snapshot(run);
    await expect(addFolder(run, (s) => s.write([{ name: "manifest.json", data: "{ }" }]))).rejects.toThrow(/already exists, and a run is never rewritten/);
    expect(snapshot(run)).toEqual(before);
    const failed = join(run, "..", "0002");
    await expect(addFolder(failed, (s) => { s.write([{ name: "scores.csv", data: "x" }]); throw new Error("disk full"); })).rejects.toThrow("disk full");
    expect(readdirSync(join(run, "..")).sort()).toEqual(["0001"]);
  });
});
