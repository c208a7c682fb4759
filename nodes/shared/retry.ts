import { sleep } from 'n8n-workflow';

export interface RetryPolicy {
	/** Attempts in total, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** Bounded exponential back-off with jitter: base * 2^(attempt-1), capped. */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, random = Math.random): number {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}

export async function waitMs(ms: number): Promise<void> {
	if (ms > 0) await sleep(ms);
}
