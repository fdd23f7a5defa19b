/**
 * Reading byte ranges of a file into their places in a buffer. Reading into fresh memory costs
 * the kernel a page fault per 4 KiB page, which on a virtual machine is most of the time a large
 * read takes: the ranges are cut into 8 MiB pieces read two at a time, so that the faults are
 * taken on two cores.
 */
import type { FileHandle } from "node:fs/promises";

const PIECE = 1 << 23;
const AT_ONCE = 2;

/** Reads each range [start, end) of the file into the same range of `buf`; returns the bytes read (fewer only at the end of the file). */
export async function readRanges(fh: FileHandle, buf: Uint8Array, ranges: readonly (readonly [number, number])[]): Promise<number> {
  const pieces: [number, number][] = [];
  for (const [s, e] of ranges) for (let at = s; at < e; at += PIECE) pieces.push([at, Math.min(e, at + PIECE)]);
  let next = 0;
  let total = 0;
  const reader = async () => {
    while (next < pieces.length) {
      const [s, e] = pieces[next++];
      for (let at = s; at < e; ) {
        const { bytesRead } = await fh.read(buf, at, e - at, at);
        if (bytesRead === 0) return;
        at += bytesRead;
        total += bytesRead;
      }
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, reader));
  return total;
}
