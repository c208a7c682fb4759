/**
 * How long a 429 asks everyone to wait, read from Retry-After (seconds or an HTTP date) or
 * RateLimit-Reset (seconds), held to one cap. A wait over the cap, or a value that is not a
 * wait at all, is an error naming the header and its value: sleeping a day, or overflowing
 * setTimeout into a spin, is worse than failing now.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import { formatSeconds } from './deadline';
import { headerValue, type AnswerHeaders } from './headers';
import { httpLimits } from './limits';

export interface RateLimitHeaderSpec {
	/** e.g. Retry-After or RateLimit-Reset */
	name: string;
	/** Retry-After may be an HTTP date; RateLimit-Reset is seconds only. */
	acceptsDate: boolean;
}

export const RETRY_AFTER: RateLimitHeaderSpec = { name: 'Retry-After', acceptsDate: true };
export const RATELIMIT_RESET: RateLimitHeaderSpec = { name: 'RateLimit-Reset', acceptsDate: false };

export type RateLimitWait =
	| { kind: 'absent' }
	| { kind: 'wait'; ms: number }
	| { kind: 'refused'; value: string; reason: string };

/** Reads the header without acting on it. */
export function readRateLimitWait(
	headers: AnswerHeaders,
	spec: RateLimitHeaderSpec,
	now = Date.now(),
	capMs = httpLimits.maxRateLimitWaitMs,
): RateLimitWait {
	const value = headerValue(headers, spec.name);
	if (value === undefined) return { kind: 'absent' };
	let ms: number;
	if (/^\d+(\.\d+)?$/.test(value)) ms = Math.ceil(Number(value) * 1000);
	else if (spec.acceptsDate && /[a-z]/i.test(value) && !Number.isNaN(Date.parse(value))) ms = Math.max(0, Date.parse(value) - now);
	else return { kind: 'refused', value, reason: spec.acceptsDate ? 'it is neither seconds nor an HTTP date' : 'it is not a number of seconds' };
	if (!Number.isFinite(ms)) return { kind: 'refused', value, reason: 'it is not a number of seconds' };
	if (ms > capMs) {
		return { kind: 'refused', value, reason: `that is longer than the ${formatSeconds(capMs)} this node waits for a rate limit` };
	}
	return { kind: 'wait', ms };
}

export interface RateLimitContext {
	/** The API as users know it: "awork", "The One PSA", "The n8n API". */
	api: string;
	method: string;
	path: string;
	itemIndex?: number;
}

/**
 * The wait a 429 asks for, or undefined when the header is absent (the caller backs off on its
 * own). Throws a NodeApiError naming the header and its value when the wait cannot be honoured.
 */
export function rateLimitWaitMs(
	node: INode,
	headers: AnswerHeaders,
	spec: RateLimitHeaderSpec,
	context: RateLimitContext,
	now = Date.now(),
): number | undefined {
	const wait = readRateLimitWait(headers, spec, now);
	if (wait.kind === 'absent') return undefined;
	if (wait.kind === 'wait') return wait.ms;
	const shown = JSON.stringify(wait.value.length > 100 ? `${wait.value.slice(0, 100)}…` : wait.value);
	const message = `${context.api} answered ${context.method} ${context.path} with 429 and ${spec.name}: ${shown}, which this node does not wait for: ${wait.reason}`;
	return throwRateLimitError(node, message, context);
}

function throwRateLimitError(node: INode, message: string, context: RateLimitContext): never {
	const error = new NodeApiError(node, { message, httpCode: '429' } as JsonObject, {
		message,
		description: `${context.api} asked every client to stop for a long or unreadable time (a maintenance window, a block, or a proxy in between). Run the workflow later; if it keeps happening, ask the ${context.api} side why it answers this.`,
		httpCode: '429',
		itemIndex: context.itemIndex,
	});
	// n8n may replace messages of some errors; this one already says what happened.
	error.message = message;
	throw error;
}
