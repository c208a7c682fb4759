/**
 * Reads the rate-limit budget a server reports in an answer's headers (limit, remaining, reset)
 * for the pacer to follow. Only what is readable is passed on; a missing or odd header leaves
 * the pacer with its own count.
 */
import type { ObservedBudget } from '../pacer';
import { headerInteger, headerNumber, type AnswerHeaders } from './headers';

export interface BudgetHeaderNames {
	limit: string;
	remaining: string;
	reset?: string;
}

/** Larger values cannot be a number of seconds to wait; they are an instant (Unix time). */
const EPOCH_SECONDS_FROM = 1e9;
const EPOCH_MILLISECONDS_FROM = 1e12;

/**
 * A reset header as an instant. Servers write it as seconds until the reset (awork's
 * RateLimit-Reset) or as the Unix time of the reset (common for X-RateLimit-Reset; The One PSA's
 * docs do not say which), so both are read: no wait is anywhere near 31 years.
 */
export function resetInstantMs(value: number | undefined, now: number): number | undefined {
	if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
	if (value >= EPOCH_MILLISECONDS_FROM) return value;
	if (value >= EPOCH_SECONDS_FROM) return value * 1000;
	return now + value * 1000;
}

export function budgetFromHeaders(
	headers: AnswerHeaders,
	intervalMs: number,
	names: BudgetHeaderNames,
	now = Date.now(),
): ObservedBudget | undefined {
	const limit = headerInteger(headers, names.limit);
	const remaining = headerInteger(headers, names.remaining);
	if (limit === undefined && remaining === undefined) return undefined;
	const resetAtMs = names.reset ? resetInstantMs(headerNumber(headers, names.reset), now) : undefined;
	return { intervalMs, limit, remaining, resetAtMs };
}
