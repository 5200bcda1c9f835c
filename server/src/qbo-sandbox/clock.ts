/**
 * Virtual clock: wall time plus an offset that `POST /_sandbox/clock` advances, so tests can
 * expire codes and tokens, or leave a rate-limit window, without sleeping.
 */
export class Clock {
  constructor(public offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += Math.round(seconds * 1000);
  }
}
