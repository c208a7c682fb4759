/**
 * The one request loop of every transport (awork, The One PSA, n8n's API). It owns pacing, the
 * total deadline, retries where the transport says a repeat is safe, 429 waits with the shared
 * cap, and the redirect policy. A transport keeps its base URL, signing (`send`), what counts as
 * safe to repeat, and how its answers and failures become errors.
 */
import type { IDataObject, IN8nHttpFullResponse, INode } from 'n8n-workflow';
import type { RequestPacer } from '../pacer';
import { backoffDelayMs, waitMs, type RetryPolicy } from '../retry';
import { isDeadlineError, withinDeadline, type RequestDeadlineError } from './deadline';
import { httpLimits } from './limits';
import { NEVER_SENT_CODES, networkCodeOf } from './networkErrors';
import { rateLimitWaitMs, type RateLimitHeaderSpec } from './rateLimit';
import { isRedirectStatus, redirectError } from './redirect';
import { assertUrlFits } from './urlLength';

/** What the loop knows about a call when it ends, for the transport's error or answer. */
export interface LoopState {
	/** Requests sent, this one included. */
	attempts: number;
	/** Network failures and retried 5xx. */
	failures: number;
	rateLimited: number;
	/** An attempt may have reached the server without its answer being seen. */
	earlierAttemptMayHaveLanded: boolean;
}

export interface LoopFailure {
	state: LoopState;
	/** Whether this call may be sent again (safe, or never sent). */
	repeatable: boolean;
}

export interface HttpLoopSpec {
	node: INode;
	/** The API as users know it: "awork", "The One PSA", "The n8n API". */
	api: string;
	method: string;
	/** The path as errors show it (no base URL). */
	path: string;
	/** The full URL, for the length check and to resolve a redirect's Location. */
	url: string;
	qs?: IDataObject;
	itemIndex?: number;
	/** Longest URL sent; defaults to httpLimits.maxUrlLength. */
	maxUrlLength?: number;
	/** Where the user sets the URL, for redirect errors. */
	urlSetting: string;
	/** Sends one attempt, signed; `abortSignal` ends it at the deadline where n8n passes it on. */
	send: (abortSignal: AbortSignal) => Promise<IN8nHttpFullResponse>;
	pacer?: RequestPacer;
	/** Safe to send again after a 5xx or a broken connection. */
	repeatable: boolean;
	/** Also repeat a call that is not safe when the connection never opened (ECONNREFUSED & co.). */
	repeatWhenNeverSent?: boolean;
	retry: RetryPolicy;
	rateLimit: {
		header: RateLimitHeaderSpec;
		/** Attempts in total while the answer is 429. */
		maxAttempts: number;
		/** Back-off when the 429 names no wait. */
		fallback: RetryPolicy;
		/** Repeat a 429 only for repeatable calls. */
		onlyWhenRepeatable?: boolean;
	};
	/** Sees the headers of every answer (e.g. a budget the server reports). */
	observe?: (headers: Record<string, unknown>) => void;
	networkError: (error: unknown, code: string, failure: LoopFailure) => Error;
	deadlineError: (error: RequestDeadlineError, failure: LoopFailure) => Error;
	/** An error that is neither a network failure nor the deadline. */
	unknownError: (error: unknown) => Error;
}

export interface LoopAnswer {
	status: number;
	headers: Record<string, unknown>;
	body: unknown;
	state: LoopState;
}

/**
 * Sends until an answer is final: anything but a retried 429, 5xx or network failure. Error
 * statuses come back as answers, for the transport to map; redirects, waits over the cap, the
 * deadline and failures that may not be retried are thrown.
 */
export async function sendWithLimits(spec: HttpLoopSpec): Promise<LoopAnswer> {
	const context = { api: spec.api, method: spec.method, path: spec.path, itemIndex: spec.itemIndex };
	assertUrlFits(spec.node, spec.url, spec.qs, context, spec.maxUrlLength);
	const state: LoopState = { attempts: 0, failures: 0, rateLimited: 0, earlierAttemptMayHaveLanded: false };
	for (;;) {
		await spec.pacer?.acquire();
		state.attempts++;
		let response: IN8nHttpFullResponse;
		try {
			response = await withinDeadline(httpLimits.requestDeadlineMs, spec.send);
		} catch (error) {
			spec.pacer?.requestEnded();
			// Not repeated: another try could take as long again, and the deadline bounds the call.
			if (isDeadlineError(error)) throw spec.deadlineError(error, { state, repeatable: spec.repeatable });
			const code = networkCodeOf(error);
			if (!code) throw spec.unknownError(error);
			state.failures++;
			state.earlierAttemptMayHaveLanded = true;
			const repeatable = spec.repeatable || (Boolean(spec.repeatWhenNeverSent) && NEVER_SENT_CODES.includes(code));
			if (repeatable && state.failures < spec.retry.maxAttempts) {
				await waitMs(backoffDelayMs(spec.retry, state.failures));
				continue;
			}
			throw spec.networkError(error, code, { state, repeatable });
		}

		spec.pacer?.requestEnded();
		const status = response.statusCode;
		const headers = (response.headers ?? {}) as Record<string, unknown>;
		spec.observe?.(headers);
		if (isRedirectStatus(status)) {
			throw redirectError(spec.node, status, headers, { ...context, requestUrl: spec.url, urlSetting: spec.urlSetting });
		}
		if (status === 429) {
			state.rateLimited++;
			// A wait over the cap, or unreadable, is an error now, before anyone waits for it.
			const asked = rateLimitWaitMs(spec.node, headers, spec.rateLimit.header, context);
			const mayRepeat = spec.repeatable || !spec.rateLimit.onlyWhenRepeatable;
			if (mayRepeat && state.rateLimited < spec.rateLimit.maxAttempts) {
				const delay = asked ?? backoffDelayMs(spec.rateLimit.fallback, state.rateLimited);
				// The budget is shared: with a pacer, everyone using it waits, not only this call.
				if (spec.pacer) spec.pacer.blockUntil(Date.now() + delay);
				else await waitMs(delay);
				continue;
			}
		} else if (status >= 500 && spec.repeatable && state.failures + 1 < spec.retry.maxAttempts) {
			state.failures++;
			state.earlierAttemptMayHaveLanded = true;
			await waitMs(backoffDelayMs(spec.retry, state.failures));
			continue;
		}
		return { status, headers, body: response.body, state };
	}
}
