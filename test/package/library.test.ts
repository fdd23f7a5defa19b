/**
 * parkscore as a library, from the tarball `npm pack` makes: installed into a new TypeScript project,
 * the README's "Use it from TypeScript" program type-checks against the shipped declarations, runs,
 * and writes the same bytes as `parkscore score`; the installed `parkscore demo` and `admit` find the
 * data files shipped with the package.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
/** A period's department files in the demo (datasets/demo/README.md). */
const DEMO_FILES = ["participants.xlsx", "land.xlsx", "power.csv", "tax.xlsx", "stats.csv", "environment.csv", "safety.csv", "hightech.csv"];
const TMP = mkdtempSync(join(tmpdir(), "parkscore-package-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// The npm that runs this test passes its own settings down (npm_config_local_prefix names this checkout): the
// commands below must see only the folder they run in.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== "INIT_CWD"));

function run(command: string, args: string[], cwd: string): string {
  const r = spawnSync(command, args, { cwd, env: ENV, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${r.status ?? r.signal}:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** The first ```ts block of the README's "Use it from TypeScript" section: the program a reader would copy. */
function readmeProgram(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Use it from TypeScript\n"));
  const code = section?.match(/^```ts\n([\s\S]*?)^```$/m)?.[1];
  if (!code) throw new Error('README.md has no ```ts block under "## Use it from TypeScript"');
  return code;
}

it("installs from the packed tarball, type-checks and runs the README's program, and writes the CLI's bytes", () => {
  run("npm", ["run", "build"], ROOT);
  expect(existsSync(join(ROOT, "dist", "engine", "index.js"))).toBe(true);
  expect(existsSync(join(ROOT, "dist", "engine", "index.d.ts"))).toBe(true);

  const packDir = join(TMP, "pack");
  mkdirSync(packDir);
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", packDir], ROOT)) as { filename: string; files: { path: string }[] }[];
  const files = packed.files.map((f) => f.path);
  for (const needed of ["package.json", "README.md", "dist/engine/index.js", "dist/engine/index.d.ts", "dist/cli/main.js", "dist/engine/sensitivity/worker.js", "datasets/demo/scheme.yaml", ...DEMO_FILES.map((f) => `datasets/demo/2025/${f}`), "datasets/demo/corrections/2025/tax.xlsx", "datasets/standards/cn-2023.yaml", "datasets/standards/gbt4754-divisions.yaml"])
    expect(files).toContain(needed);
  const unwanted = files.filter((f) => /^(test|bench|node_modules|notebooks|engine|cli|\.ci)\//.test(f) || /\.map$|(?<!\.d)\.ts$/.test(f) || f.startsWith("datasets/demo/periods/") || f === "datasets/generate.ts");
  expect(unwanted).toEqual([]);

  const app = join(TMP, "app");
  mkdirSync(app);
  const own = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "parkscore-user", private: true, type: "module" }, null, 2));
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", lib: ["ES2022"], types: ["node"], strict: true, skipLibCheck: true }, files: ["main.ts"] }, null, 2),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(packDir, packed.filename), `@types/node@${own.devDependencies["@types/node"]}`], app);

  writeFileSync(join(app, "main.ts"), readmeProgram());
  run(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], app);
  const printed = run(process.execPath, ["main.js"], app);
  expect(printed).toMatch(/^\d+ of \d+ graded; first: \S/);

  const cli = join(TMP, "cli");
  const demo = join(ROOT, "datasets", "demo");
  run(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "score", "--scheme", join(demo, "scheme.yaml"), "--input", join(demo, "2025"), "--period", "2025", "--out", cli], ROOT);
  const lib = join(app, "out", "2025");
  for (const f of ["scores.csv", "scores.arrow", "weights.csv"]) expect(readFileSync(join(lib, f)).equals(readFileSync(join(cli, f))), f).toBe(true);
  const libManifest = JSON.parse(readFileSync(join(lib, "manifest.json"), "utf8"));
  const cliManifest = JSON.parse(readFileSync(join(cli, "manifest.json"), "utf8"));
  expect(libManifest.outputs).toEqual(cliManifest.outputs);
  expect(libManifest.parkscore).toBe(own.version);
  // The versions of the computing libraries are found beside the installed package as in the checkout.
  expect(Object.keys(libManifest.dependencies).sort()).toEqual(Object.keys(cliManifest.dependencies).sort());

  // The installed command finds the data shipped in the package: the demo scores the same period.
  const bin = join(app, "node_modules", ".bin", "parkscore");
  run(bin, ["demo", "--out", "demo"], app);
  expect(readFileSync(join(app, "demo", "scores.csv")).equals(readFileSync(join(cli, "scores.csv")))).toBe(true);
  // The same period imported source by source into the checkout's store (datasets/demo/periods/) and scored from there.
  const store = join(TMP, "store");
  cpSync(demo, store, { recursive: true, filter: (f) => !f.startsWith(join(demo, "runs")) });
  run(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "score", store, "--period", "2025"], ROOT);
  const [stored] = readdirSync(join(store, "runs", "2025"));
  expect(readFileSync(join(store, "runs", "2025", stored, "scores.csv")).equals(readFileSync(join(cli, "scores.csv")))).toBe(true);
  // `admit` with the standards shipped in the package decides as with the checkout's.
  const standard = join("datasets", "standards", "local", "wuan-parks-demo.yaml");
  run(bin, ["admit", "--standard", join(app, "node_modules", "parkscore", standard), "--input", join(demo, "applicants.csv"), "--out", "admission"], app);
  run(process.execPath, [join(ROOT, "dist", "cli", "main.js"), "admit", "--standard", join(ROOT, standard), "--input", join(demo, "applicants.csv"), "--out", join(TMP, "admission")], ROOT);
  expect(readFileSync(join(app, "admission", "admission.csv")).equals(readFileSync(join(TMP, "admission", "admission.csv")))).toBe(true);
});
