/** Switches of the fake awork: what a test or benchmark may change at runtime (PUT /__control/config). */
export interface RateLimitConfig {
	enabled: boolean;
	/** awork: 50 requests per second per workspace. */
	perSecond: number;
	/** awork: 1000 per minute (3000 on Enterprise plans) per workspace. */
	perMinute: number;
	/**
	 * Which answers carry the rate-limit headers. rate-limits.mdx shows them with the 429 and does
	 * not say whether other answers have them (awork's gateway sends them on every answer):
	 * 'everyAnswer' or 'only429'.
	 */
	headersOn: RateLimitHeadersOn;
}

export type RateLimitHeadersOn = 'everyAnswer' | 'only429';

export interface AworkFakeConfig {
	/** Bearer tokens accepted as API keys. */
	apiKeys: string[];
	rateLimit: RateLimitConfig;
	/** Largest `timeEntryIds` list POST /timeentries/batch/{operation} accepts. awork documents none. */
	maxBatchSize: number;
	/** Page size when a list request sends no `pageSize` (the OpenAPI says 10, pagination.mdx says 1000). */
	defaultPageSize: number;
	/** Larger `pageSize` values are cut to this (pagination.mdx: maximum of 1000). */
	maxPageSize: number;
	/** Error code for a duplicate project key: validation-failed, as the issue specifies (awork also documents duplication-violation for unique values). */
	duplicateProjectKeyCode: string;
	/** PUT replaces the whole form (missing fields become null) like awork's model binding, or merges. */
	putSemantics: 'replace' | 'merge';
	/** Send webhooks by itself when the API creates/changes entities (project_added, task_added, ...). */
	autoWebhooks: boolean;
	webhookTimeoutMs: number;
	/**
	 * What `startDateUtc`/`endDateUtc` of a time entry hold. awork's sources disagree: the OpenAPI
	 * calls them "the date (in UTC)" (example `2022-03-01T00:00:00Z`) with the time apart in
	 * `startTimeUtc`, the time-tracking guide posts a full instant. 'instant': the full instant;
	 * 'dateAndTime': the UTC date at midnight, the time only in `*TimeUtc` (filters and ordering
	 * then see the midnight value too).
	 */
	timeEntryDateShape: 'instant' | 'dateAndTime';
	/**
	 * How GET /documents/{id}/content answers without streamAsFile. awork's sources disagree: the
	 * parameter's description says "a model containing a property `Content`" ('model': {content}),
	 * the response schema says a JSON string ('string').
	 */
	documentContentShape: 'model' | 'string';
	/** Lists larger than this keep their filtered+sorted result until the data changes (benchmarks page 100k rows). */
	listCacheThreshold: number;
}

/** A partial config, as PUT /__control/config and startFakeAwork({config}) take it. */
export type AworkConfigPatch = Omit<Partial<AworkFakeConfig>, 'rateLimit'> & { rateLimit?: Partial<RateLimitConfig> };

export const DEFAULT_API_KEY = 'fake-awork-api-key';

export function defaultConfig(): AworkFakeConfig {
	return {
		apiKeys: [DEFAULT_API_KEY],
		rateLimit: { enabled: true, perSecond: 50, perMinute: 1000, headersOn: 'everyAnswer' },
		maxBatchSize: 500,
		defaultPageSize: 10,
		maxPageSize: 1000,
		duplicateProjectKeyCode: 'validation-failed',
		putSemantics: 'replace',
		autoWebhooks: false,
		webhookTimeoutMs: 10000,
		listCacheThreshold: 2000,
		timeEntryDateShape: 'instant',
		documentContentShape: 'model',
	};
}

/** Applies a partial config (nested rateLimit merged), checking the types that matter. */
export function mergeConfig(config: AworkFakeConfig, patch: unknown): AworkFakeConfig {
	if (!patch || typeof patch !== 'object') return config;
	const p = patch as AworkConfigPatch;
	const next: AworkFakeConfig = { ...config, ...p, rateLimit: { ...config.rateLimit, ...(p.rateLimit ?? {}) } };
	if (!Array.isArray(next.apiKeys) || next.apiKeys.some((k) => typeof k !== 'string')) {
		throw new Error('apiKeys must be an array of strings');
	}
	for (const key of ['maxBatchSize', 'defaultPageSize', 'maxPageSize', 'webhookTimeoutMs', 'listCacheThreshold'] as const) {
		if (!Number.isInteger(next[key]) || next[key] < 1) throw new Error(`${key} must be a positive integer`);
	}
	if (next.rateLimit.headersOn !== 'everyAnswer' && next.rateLimit.headersOn !== 'only429') {
		throw new Error('rateLimit.headersOn must be everyAnswer or only429');
	}
	if (next.putSemantics !== 'replace' && next.putSemantics !== 'merge') throw new Error('putSemantics must be replace or merge');
	if (next.timeEntryDateShape !== 'instant' && next.timeEntryDateShape !== 'dateAndTime') {
		throw new Error('timeEntryDateShape must be instant or dateAndTime');
	}
	if (next.documentContentShape !== 'model' && next.documentContentShape !== 'string') {
		throw new Error('documentContentShape must be model or string');
	}
	return next;
}
