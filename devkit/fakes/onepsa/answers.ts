import type { FakeResponse } from '../shared/fakeServer';

/** An error answer in the PSA's documented shape: `{error, code, details}`. */
export const psaError = (status: number, code: string, error: string, details?: Record<string, unknown>): FakeResponse => ({
	status,
	body: details ? { error, code, details } : { error, code },
});
