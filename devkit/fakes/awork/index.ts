/**
 * The fake awork API (public API v1) for tests, e2e runs and benchmarks.
 *
 *   const awork = await startFakeAwork();
 *   // credential base URL: awork.baseUrl (http://127.0.0.1:<port>/api/v1), API key: awork.fake.apiKey
 *   await awork.close();
 */
import { createFakeAwork, type FakeAwork, type FakeAworkOptions } from './server';

export interface StartFakeAworkOptions extends FakeAworkOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
}

export interface RunningFakeAwork {
	/** Base URL for credentials, ends with /api/v1. */
	baseUrl: string;
	/** Root of the control API, ends with /__control. */
	controlUrl: string;
	/** http://host:port */
	origin: string;
	fake: FakeAwork;
	close(): Promise<void>;
}

export async function startFakeAwork(options: StartFakeAworkOptions = {}): Promise<RunningFakeAwork> {
	const fake = createFakeAwork(options);
	const origin = await fake.server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
	return {
		baseUrl: `${origin}/api/v1`,
		controlUrl: `${origin}/__control`,
		origin,
		fake,
		close: () => fake.server.close(),
	};
}

export { createFakeAwork };
export type { FakeAwork, FakeAworkOptions };
export type { AworkFakeConfig, AworkConfigPatch } from './config';
export { DEFAULT_API_KEY } from './config';
export type { SeedInput } from './control/seed';
export type { GenerateOptions } from './control/generate';
export type { DeliverRequest, DeliveryResult } from './webhookDelivery';
export { WEBHOOK_EVENT_TYPES } from './models/webhooks';
