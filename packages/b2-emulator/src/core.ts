/** What the routes share: state, faults, latency, call counts and the request log. */
import type { EmulatorConfig } from './context';
import { badRequest } from './errors';
import { Faults } from './faults';
import { RequestLog } from './request-log';
import type { State } from './state';

export class EmulatorCore {
  readonly faults = new Faults();
  readonly requests = new RequestLog();
  latencyMs: number;
  private counts = new Map<string, number>();
  /**
   * The wake-up of every latency and stall wait under way. A Set, not an abort listener per wait on
   * one shared AbortSignal: with more than 10 calls waiting, Node warned of a listener leak.
   */
  private readonly waits = new Set<() => void>();
  private closing = false;

  constructor(
    readonly state: State,
    readonly config: EmulatorConfig,
    private readonly initialLatencyMs: number,
  ) {
    this.latencyMs = initialLatencyMs;
  }

  reset(): void {
    this.state.reset();
    this.faults.clear();
    this.latencyMs = this.initialLatencyMs;
    this.counts.clear();
    this.requests.clear();
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw badRequest('latency must be a number of milliseconds >= 0');
    this.latencyMs = ms;
  }

  /** Counts a call; an S3 request given with it is also recorded (without its body). */
  count(call: string, s3Request?: { method: string; path: string }): void {
    this.counts.set(call, (this.counts.get(call) ?? 0) + 1);
    if (s3Request) {
      this.requests.record({
        call,
        apiVersion: null,
        ...s3Request,
        body: null,
        at: this.state.now(),
      });
    }
  }

  callCounts(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetCallCounts(): void {
    this.counts.clear();
  }

  /** Ends pending latency and stall waits (and any later one) so close() is quick. */
  shutdown(): void {
    this.closing = true;
    for (const wake of [...this.waits]) wake();
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.closing) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waits.add(wake);
    });
  }
}
