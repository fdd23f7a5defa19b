import { cpSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./helpers.js";

describe("parkscore commitments", { timeout: 60_000 }, () => {
  it("checks the demo contracts against 2025: breach list, statuses, contract_breach column", async () => {
    const out = tempDir();
    const r = await cli(["commitments", "datasets/demo", "--period", "2025", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("breach: 4");
    expect(r.stdout).toContain("not-yet-due: 3");
    const br = readFileSync(join(out, "breaches.csv"), "utf8").split("\r\n").filter(Boolean);
    expect(br.slice(1).map((l) => l.split(",")[0])).toEqual(["GY-2018-002", "GY-2018-004", "GY-2018-003", "GY-2021-007"]);
    const flags = readFileSync(join(out, "contract-breach.csv"), "utf8");
    expect(flags).toContain("91130481MA0F6UJ22F,1");
    expect(flags).toContain("91130481MA0RKAJ337,0");
  });
  it("imports a contracts file into a copy of the dataset (append-only)", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "datasets/demo/scheme.yaml"), join(dir, "scheme.yaml"));
    cpSync(join(ROOT, "datasets/demo/periods"), join(dir, "periods"), { recursive: true });
    const r = await cli(["commitments", dir, "--period", "2025", "--contracts", join(ROOT, "datasets/demo/contracts.csv"), "--out", join(dir, "out")]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("imported 12 contracts as contracts/r0001.csv");
    expect(readdirSync(join(dir, "contracts")).sort()).toEqual(["r0001.csv", "r0001.json"]);
  });
});
