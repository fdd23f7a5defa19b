/**
 * The operating system's refusals (a read-only folder, a full disk, a name too long) are the
 * user's to fix, not bugs: each becomes a Problem naming the path, what was refused and what to do.
 */
import type { Problem } from "./errors.js";

/** An error from a file-system or other system call: it carries an errno code such as `EACCES`. */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && /^E[A-Z0-9]+$/.test((e as NodeJS.ErrnoException).code!);
}

/** What the call was doing, in words, by its syscall name. */
function action(syscall: string | undefined): string {
  switch (syscall) {
    case "mkdir":
      return "create this folder";
    case "rename":
    case "unlink":
    case "rmdir":
    case "rm":
    case "link":
    case "symlink":
    case "copyfile":
    case "utime":
    case "chmod":
      return "change this";
    case "write":
    case "fsync":
    case "ftruncate":
      return "write this file";
    case "scandir":
    case "read":
    case "stat":
    case "lstat":
      return "read this";
    default:
      return "open this";
  }
}

/** The problem to show for a system error, with the fix for its kind. */
export function systemProblem(e: NodeJS.ErrnoException & { code: string; dest?: string }): Problem {
  const file = e.path ?? e.dest;
  const what = file === undefined ? "" : ` ${action(e.syscall)}${e.dest && e.path ? ` (into ${e.dest})` : ""}`;
  const p = (message: string, fix: string): Problem => ({ code: `system.${e.code.toLowerCase()}`, ...(file === undefined ? {} : { file }), message, fix });
  switch (e.code) {
    case "EACCES":
    case "EPERM":
      return p(`permission denied: cannot${what || " do this"}`, "make the folder writable for your user (or run as a user who may write there), or give another folder (--out, or a copy of the dataset)");
    case "EROFS":
      return p(`the file system is read-only: cannot${what || " write"}`, "copy the dataset to a writable disk, or give an output folder on one (--out)");
    case "ENOSPC":
    case "EDQUOT":
      return p(`${e.code === "ENOSPC" ? "the disk is full" : "your disk quota is used up"}: cannot${what || " write"}`, "free some space on that disk, or give an output folder on another disk (--out), then run the command again");
    case "ENAMETOOLONG":
      return p(`a name is too long for the file system: cannot${what}`, "shorten the names in this path (the output folder, a period or file name)");
    case "EMFILE":
    case "ENFILE":
      return p(`too many files are open: cannot${what || " open another file"}`, "close other programs, or raise the limit of open files (ulimit -n 4096) and run the command again");
    case "ENOENT":
      // Node's recursive mkdir reports a read-only file system as ENOENT.
      if (e.syscall === "mkdir") return p("cannot create this folder: a folder above it is missing or on a read-only disk", "check the path, and that you may write to the folder it goes in");
      return p(`no such file or folder: cannot${what}`, "check the path");
    case "ENOTDIR":
    case "EEXIST":
      return p(`a file is in the way of a folder: cannot${what}`, "give a folder, not a file (or move the file away)");
    case "EISDIR":
      return p(`this is a folder, not a file: cannot${what}`, "give the path of a file");
    case "ENOMEM":
      return p("the computer ran out of memory", "close other programs, or score fewer rows (or fewer --samples) at a time");
    default:
      return p(`the system refused (${e.code}): cannot${what || " continue"}${e.message ? ` — ${e.message.replace(/^E[A-Z0-9]+: /, "")}` : ""}`, "check the disk, the folder and its permissions, then run the command again");
  }
}
