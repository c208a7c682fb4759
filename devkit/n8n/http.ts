/** A tiny JSON HTTP client on node:http, so the harness needs no fetch polyfill or extra dependency. */
import http from 'node:http';

export interface HttpResponse<T = unknown> {
	status: number;
	headers: http.IncomingHttpHeaders;
	/** Parsed JSON when the answer was JSON, the text otherwise. */
	body: T;
	text: string;
}

export interface HttpRequestOptions {
	headers?: Record<string, string>;
	/** Sent as JSON unless it is a string or Buffer. */
	body?: unknown;
	timeoutMs?: number;
}

export function httpRequest<T = unknown>(
	method: string,
	url: string,
	options: HttpRequestOptions = {},
): Promise<HttpResponse<T>> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
		let payload: Buffer | undefined;
		if (options.body !== undefined) {
			if (Buffer.isBuffer(options.body)) payload = options.body;
			else if (typeof options.body === 'string') payload = Buffer.from(options.body);
			else {
				payload = Buffer.from(JSON.stringify(options.body));
				headers['content-type'] ??= 'application/json';
			}
			headers['content-length'] = String(payload.length);
		}
		const request = http.request(url, { method, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let body: unknown = text;
				if ((response.headers['content-type'] ?? '').includes('json') && text.length > 0) {
					try {
						body = JSON.parse(text);
					} catch {
						body = text;
					}
				}
				resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body as T, text });
			});
		});
		request.setTimeout(options.timeoutMs ?? 60_000, () => {
			request.destroy(new Error(`${method} ${url} timed out after ${options.timeoutMs ?? 60_000} ms`));
		});
		request.on('error', reject);
		if (payload) request.write(payload);
		request.end();
	});
}

/** Polls `probe` until it returns a value other than undefined; throws with `describe()` on timeout. */
export async function waitFor<T>(
	probe: () => Promise<T | undefined> | T | undefined,
	options: { timeoutMs: number; intervalMs?: number; describe: () => string },
): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
			throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.describe()}${reason}`);
		}
		await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
	}
}
