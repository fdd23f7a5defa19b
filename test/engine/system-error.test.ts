import { describe, expect, it } from "vitest";
import { formatProblem } from "../../engine/errors.js";
import { isSystemError, systemProblem } from "../../engine/system-error.js";

const sysErr = (code: string, syscall: string, path?: string, dest?: string) => Object.assign(new Error(`${code}: x, ${syscall}`), { code, syscall, errno: -1, ...(path ? { path } : {}), ...(dest ? { dest } : {}) });

describe("the system's refusals as problems", () => {
  it("tells errno errors from others", () => {
    expect(isSystemError(sysErr("EACCES", "open", "/x"))).toBe(true);
    expect(isSystemError(new Error("plain"))).toBe(false);
    expect(isSystemError(Object.assign(new Error("commander"), { code: "commander.invalidArgument" }))).toBe(false);
  });
  it("names the path, what was refused and the fix", () => {
    expect(formatProblem(systemProblem(sysErr("EACCES", "mkdir", "/data/out")))).toBe(
      "/data/out: permission denied: cannot create this folder. Fix: make the folder writable for your user (or run as a user who may write there), or give another folder (--out, or a copy of the dataset)",
    );
    expect(formatProblem(systemProblem(sysErr("EROFS", "rename", "/d/a.tmp", "/d/a")))).toBe(
      "/d/a.tmp: the file system is read-only: cannot change this (into /d/a). Fix: copy the dataset to a writable disk, or give an output folder on one (--out)",
    );
    expect(systemProblem(sysErr("ENOSPC", "write")).message).toBe("the disk is full: cannot write");
  });
  it("does not call a read-only disk a missing path when recursive mkdir reports it as ENOENT", () => {
    expect(systemProblem(sysErr("ENOENT", "mkdir", "/ro/out")).message).toBe("cannot create this folder: a folder above it is missing or on a read-only disk");
    expect(systemProblem(sysErr("ENOENT", "open", "/x/a.csv")).message).toBe("no such file or folder: cannot open this");
  });
  it("still says something useful for a code it does not know", () => {
    const p = systemProblem(sysErr("EXDEV", "rename", "/a", "/b"));
    expect(p.code).toBe("system.exdev");
    expect(p.message).toContain("the system refused (EXDEV): cannot change this (into /b)");
  });
});
