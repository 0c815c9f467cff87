// Work still running that the HTTP server no longer waits for when it stops: a handler whose client
// has gone (its socket closed, so `server.close()` does not count it) and work started after the
// answer (an EMS look-up's notice to the care team). The server's onClose waits for it before the
// audit records are flushed and the database closes, so none of it fails against a closed pool.
export class InFlightWork {
  private readonly pending = new Set<Promise<void>>();

  /** Follows `work` until it settles; returns it unchanged (its rejection stays the caller's). */
  track<T>(work: Promise<T>): Promise<T> {
    const settled: Promise<void> = work.then(
      () => this.forget(settled),
      () => this.forget(settled),
    );
    this.pending.add(settled);
    return work;
  }

  /**
   * Resolves once all work tracked so far, and any it started meanwhile, has settled — or, when work
   * hangs, after `limitMs`, with how much was left (the stop must not wait for ever).
   */
  async settled(limitMs = 10_000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<'limit'>((resolve) => {
      timer = setTimeout(() => resolve('limit'), limitMs);
    });
    try {
      while (this.pending.size > 0)
        if ((await Promise.race([Promise.all(this.pending), limit])) === 'limit') return this.pending.size;
      return 0;
    } finally {
      clearTimeout(timer);
    }
  }

  get size(): number {
    return this.pending.size;
  }

  private forget(settled: Promise<void>): void {
    this.pending.delete(settled);
  }
}
