/**
 * A total deadline for one request. n8n's `timeout` option is an idle timeout (it fires only on
 * silence), so an answer that trickles a byte every half second never ends. This aborts the
 * request when the deadline passes (through `abortSignal`, where n8n passes it on) and, in any
 * case, stops waiting for it.
 */
export class RequestDeadlineError extends Error {
	readonly code = 'REQUEST_DEADLINE_EXCEEDED';

	constructor(readonly deadlineMs: number) {
		super(`No complete answer within the deadline of ${formatSeconds(deadlineMs)} per request`);
		this.name = 'RequestDeadlineError';
	}
}

export function formatSeconds(ms: number): string {
	const seconds = ms / 1000;
	return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

export async function withinDeadline<T>(deadlineMs: number, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
	// AbortSignal.timeout's timer is unref'd: a finished request leaves nothing holding the process.
	const deadline = AbortSignal.timeout(deadlineMs);
	let onAbort: () => void = () => undefined;
	const expired = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new RequestDeadlineError(deadlineMs));
		deadline.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([send(deadline), expired]);
	} finally {
		deadline.removeEventListener('abort', onAbort);
	}
}

export function isDeadlineError(error: unknown): error is RequestDeadlineError {
	return error instanceof RequestDeadlineError;
}
