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

  /** Resolves once all work tracked so far, and any it started meanwhile, has settled. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  get size(): number {
    return this.pending.size;
  }

  private forget(settled: Promise<void>): void {
    this.pending.delete(settled);
  }
}
