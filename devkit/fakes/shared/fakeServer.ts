/**
 * The base both fakes (awork and The One PSA) are built on: an in-memory HTTP server on
 * 127.0.0.1 with routing, a request log, fault switches and a control API under /__control.
 * API-specific behaviour (auth, limits, error bodies, data) lives in each fake.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface FakeRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	/** Parsed JSON body, or undefined when there is none. Invalid JSON is left to the handler. */
	body: unknown;
	bodyIsInvalidJson: boolean;
	params: Record<string, string>;
}

export interface FakeResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type FakeHandler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface RequestLogEntry {
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
	headers: Record<string, string>;
	body?: unknown;
	/** Set when a fault switch decided the outcome. */
	fault?: 'error' | 'reset' | 'resetAfterCommit' | 'burst429';
}

export interface FaultSwitches {
	/** Share of API requests answered with `errorStatus` before they are handled (0..1). */
	errorRate: number;
	errorStatus: number;
	/** Extra latency for each API request, plus up to `latencyJitterMs` more. */
	latencyMs: number;
	latencyJitterMs: number;
	/** Share of API requests whose connection is reset before they are handled. */
	resetRate: number;
	/** Share of API requests that are handled (writes land) but whose connection is reset before the answer. */
	resetAfterCommitRate: number;
	/** The next N API requests are answered 429. */
	burst429: number;
}

export const NO_FAULTS: FaultSwitches = {
	errorRate: 0,
	errorStatus: 503,
	latencyMs: 0,
	latencyJitterMs: 0,
	resetRate: 0,
	resetAfterCommitRate: 0,
	burst429: 0,
};

interface Route {
	method: string;
	segments: string[];
	handler: FakeHandler;
}

export interface FakeServerOptions {
	/** Runs before every API route; an answer here ends the request (e.g. 401, 429). */
	guard?: (req: FakeRequest) => FakeResponse | undefined;
	/** Decorates every API answer (e.g. rate limit headers). */
	decorate?: (req: FakeRequest, res: FakeResponse) => void;
	/** The 429 answer used by the burst fault, in the API's own shape. */
	tooManyRequests: () => FakeResponse;
	/** The error answer used by the error-rate fault, in the API's own shape. */
	serverError: (status: number) => FakeResponse;
	notFound: (req: FakeRequest) => FakeResponse;
	/** Headers worth keeping in the log (lower case). */
	loggedHeaders?: string[];
	/** Seed of the fault RNG, so a fault run can be repeated. */
	seed?: number;
}

const CONTROL_PREFIX = '/__control';

/** Small deterministic RNG (mulberry32) for reproducible fault runs. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function splitPath(path: string): string[] {
	return path.split('/').filter(Boolean);
}

export class FakeHttpServer {
	readonly log: RequestLogEntry[] = [];

	faults: FaultSwitches = { ...NO_FAULTS };

	private readonly routes: Route[] = [];

	private readonly controlRoutes: Route[] = [];

	private server?: http.Server;

	private random: () => number;

	/** Whether request bodies are kept in the log (off for big benchmark runs). */
	logBodies = true;

	/**
	 * Milliseconds spent answering logged requests, from after any latency fault to the answer
	 * written: what a client that waits for each answer waits for (the benchmark reads it).
	 */
	busyMs = 0;

	constructor(private readonly options: FakeServerOptions) {
		this.random = seededRandom(options.seed ?? 1);
		this.control('GET', '/requests', () => ({ status: 200, body: this.log }));
		this.control('DELETE', '/requests', () => {
			this.log.length = 0;
			return { status: 204 };
		});
		this.control('GET', '/faults', () => ({ status: 200, body: this.faults }));
		this.control('PUT', '/faults', (req) => {
			this.faults = { ...NO_FAULTS, ...(req.body as Partial<FaultSwitches>) };
			return { status: 200, body: this.faults };
		});
	}

	route(method: string, pattern: string, handler: FakeHandler): void {
		this.routes.push({ method, segments: splitPath(pattern), handler });
	}

	/** A control route under /__control: no auth, no limits, no faults, not logged. */
	control(method: string, pattern: string, handler: FakeHandler): void {
		this.controlRoutes.push({ method, segments: splitPath(pattern), handler });
	}

	setSeed(seed: number): void {
		this.random = seededRandom(seed);
	}

	async listen(port = 0, host = '127.0.0.1'): Promise<string> {
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ fakeServerError: error.message }));
				}
			});
		});
		this.server.keepAliveTimeout = 5000;
		await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
		return `http://${host}:${(this.server.address() as AddressInfo).port}`;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private match(routes: Route[], method: string, path: string) {
		const segments = splitPath(path);
		for (const route of routes) {
			if (route.method !== method || route.segments.length !== segments.length) continue;
			const params: Record<string, string> = {};
			const ok = route.segments.every((segment, i) => {
				if (segment.startsWith(':')) {
					params[segment.slice(1)] = decodeURIComponent(segments[i]);
					return true;
				}
				return segment.toLowerCase() === segments[i].toLowerCase();
			});
			if (ok) return { route, params };
		}
		return undefined;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', 'http://fake');
		let body: unknown;
		let bodyIsInvalidJson = false;
		if (rawBody.length) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				bodyIsInvalidJson = true;
			}
		}
		const fakeReq: FakeRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			rawBody,
			body,
			bodyIsInvalidJson,
			params: {},
		};

		if (url.pathname.startsWith(CONTROL_PREFIX)) {
			const found = this.match(this.controlRoutes, fakeReq.method, url.pathname.slice(CONTROL_PREFIX.length));
			const answer = found
				? await found.route.handler({ ...fakeReq, params: found.params })
				: { status: 404, body: { error: `no control route ${fakeReq.method} ${url.pathname}` } };
			this.send(res, answer);
			return;
		}

		const entry: RequestLogEntry = {
			at: Date.now(),
			method: fakeReq.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			status: 0,
			headers: {},
		};
		for (const name of this.options.loggedHeaders ?? []) {
			const value = req.headers[name];
			if (typeof value === 'string') entry.headers[name] = value;
		}
		if (this.logBodies && body !== undefined) entry.body = body;
		this.log.push(entry);

		const faults = this.faults;
		if (faults.latencyMs || faults.latencyJitterMs) {
			const delay = faults.latencyMs + Math.round(this.random() * faults.latencyJitterMs);
			await new Promise((resolve) => setTimeout(resolve, delay));
		}
		if (faults.resetRate && this.random() < faults.resetRate) {
			entry.fault = 'reset';
			req.socket.destroy();
			return;
		}

		const answering = performance.now();
		try {
			await this.answer(req, res, fakeReq, entry);
		} finally {
			this.busyMs += performance.now() - answering;
		}
	}

	private async answer(req: http.IncomingMessage, res: http.ServerResponse, fakeReq: FakeRequest, entry: RequestLogEntry): Promise<void> {
		const faults = this.faults;
		let answer = this.options.guard?.(fakeReq);
		if (!answer && faults.burst429 > 0) {
			faults.burst429--;
			entry.fault = 'burst429';
			answer = this.options.tooManyRequests();
		}
		if (!answer && faults.errorRate && this.random() < faults.errorRate) {
			entry.fault = 'error';
			answer = this.options.serverError(faults.errorStatus);
		}
		if (!answer) {
			const found = this.match(this.routes, fakeReq.method, fakeReq.path);
			answer = found
				? await found.route.handler({ ...fakeReq, params: found.params })
				: this.options.notFound(fakeReq);
			if (faults.resetAfterCommitRate && this.random() < faults.resetAfterCommitRate) {
				entry.fault = 'resetAfterCommit';
				entry.status = answer.status;
				req.socket.destroy();
				return;
			}
		}
		this.options.decorate?.(fakeReq, answer);
		entry.status = answer.status;
		this.send(res, answer);
	}

	private send(res: http.ServerResponse, answer: FakeResponse): void {
		const headers: Record<string, string> = { ...(answer.headers ?? {}) };
		let payload: string | Buffer | undefined;
		// A Buffer is a file download: sent as it is, with the route's own content type.
		if (Buffer.isBuffer(answer.body) && answer.status !== 204) {
			payload = answer.body;
			headers['content-type'] ??= 'application/octet-stream';
		} else if (answer.body !== undefined && answer.status !== 204) {
			payload = JSON.stringify(answer.body);
			headers['content-type'] ??= 'application/json; charset=utf-8';
		}
		res.writeHead(answer.status, headers);
		res.end(payload);
	}
}

/** Counts requests in sliding windows, the way an API's rate limiter does. */
export class SlidingWindowLimiter {
	private readonly sent = new Map<string, number[][]>();

	constructor(public windows: { limit: number; intervalMs: number }[]) {}

	/** Records a request for `key`; answers how long to wait when it is over a limit. */
	hit(key: string, now = Date.now()): { allowed: boolean; retryAfterMs: number; remaining: number[] } {
		let logs = this.sent.get(key);
		if (!logs) {
			logs = this.windows.map(() => []);
			this.sent.set(key, logs);
		}
		let retryAfterMs = 0;
		const remaining: number[] = [];
		this.windows.forEach((window, i) => {
			const log = logs![i];
			while (log.length && log[0] <= now - window.intervalMs) log.shift();
			if (log.length >= window.limit) retryAfterMs = Math.max(retryAfterMs, log[0] + window.intervalMs - now);
			remaining.push(Math.max(0, window.limit - log.length - 1));
		});
		if (retryAfterMs > 0) return { allowed: false, retryAfterMs, remaining: remaining.map(() => 0) };
		logs.forEach((log) => log.push(now));
		return { allowed: true, retryAfterMs: 0, remaining };
	}

	reset(): void {
		this.sent.clear();
	}
}
