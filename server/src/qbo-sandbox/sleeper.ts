/** Cancellable sleeps for injected latency and hangs, so shutdown never waits 35 s. */
export class Sleeper {
  private readonly pending = new Map<NodeJS.Timeout, (completed: boolean) => void>();

  /** Resolves true after `ms`, or false if `cancelAll()` ran first. */
  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve(true);
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  /** Sleeps in progress (tests wait for a request to be hanging before they act). */
  get inProgress(): number {
    return this.pending.size;
  }

  cancelAll(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve(false);
    }
    this.pending.clear();
  }
}
