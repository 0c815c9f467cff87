// PGlite has no lock of its own on its data directory, and two processes writing it would corrupt it.
// A lock file holding our PID refuses a second process; a lock left by a dead process is taken over.
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `The data directory is in use by another Tsunagu process (PID ${pid}). ` +
        `Stop that process first, or set TSUNAGU_DATA_DIR to another directory. Lock file: ${lockFile}`,
    );
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws DataDirLockedError; returns the function that releases it. */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'tsunagu.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && processIsAlive(pid)) {
        throw new DataDirLockedError(lockFile, pid);
      }
      process.emitWarning(`Removing a stale lock left by process ${pid}: ${lockFile}`);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the data directory lock: ${lockFile}`);
}
