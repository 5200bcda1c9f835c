import { statfsSync } from "node:fs";

/**
 * Free space where the embedded database writes. PGlite on a full disk does not fail its
 * write: it spins, and the whole process stops answering (the event-loop watchdog then kills
 * it). So long-running writers (imports) look here first, and pause while space is short.
 */
export interface StorageGuard {
  /** Bytes free for us, or undefined when the filesystem cannot tell. */
  freeBytes(): number | undefined;
  /** False while free space is under the floor. */
  hasRoom(): boolean;
}

export function storageGuard(dir: string, minFreeBytes: () => number): StorageGuard {
  const freeBytes = () => {
    try {
      const s = statfsSync(dir);
      return s.bavail * s.bsize;
    } catch {
      return undefined;
    }
  };
  return {
    freeBytes,
    hasRoom: () => {
      const free = freeBytes();
      return free === undefined || free >= minFreeBytes();
    },
  };
}
