/**
 * The one retry decision for every QuickBooks call, pure so it can be table-tested.
 * - 429 (throttled), 5xx, network errors and timeouts are worth another try.
 * - A write is retried only when it carries a `requestid`: Intuit then replays the first
 *   answer instead of writing twice (docs/quickbooks.md §2). Without one, a retry could duplicate.
 * - Capped exponential backoff with "equal jitter" so parallel callers spread out.
 */
export type CallOutcome = "throttled" | "server_error" | "network" | "timeout" | "client_error";

export interface RetryInput {
  attempt: number; // 1 for the first failure
  outcome: CallOutcome;
  isWrite: boolean;
  hasRequestId: boolean;
  maxAttempts: number;
  random: () => number; // [0, 1)
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

const BASE_MS: Record<CallOutcome, number> = {
  throttled: 1000, // Intuit's throttle windows are one second and one minute wide
  server_error: 300,
  network: 300,
  timeout: 300,
  client_error: 0,
};
export const MAX_DELAY_MS = 10_000;

export function decideRetry(input: RetryInput): RetryDecision {
  if (input.outcome === "client_error") return { retry: false };
  if (input.attempt >= input.maxAttempts) return { retry: false };
  if (input.isWrite && !input.hasRequestId) return { retry: false };
  const ceiling = Math.min(MAX_DELAY_MS, BASE_MS[input.outcome] * 2 ** (input.attempt - 1));
  const delayMs = Math.round(ceiling / 2 + (ceiling / 2) * input.random());
  return { retry: true, delayMs };
}

export function classifyStatus(status: number): CallOutcome | "ok" | "unauthorized" {
  if (status >= 200 && status < 300) return "ok";
  if (status === 401) return "unauthorized";
  if (status === 429) return "throttled";
  if (status >= 500) return "server_error";
  return "client_error";
}
