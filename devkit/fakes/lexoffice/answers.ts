/** Lexware's error bodies [docs: Error Codes]: regular, legacy `IssueList`, and the gateway's `{message}`. */
import { randomBytes } from 'node:crypto';
import type { FakeResponse } from '../shared/fakeServer';

const REASONS: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	404: 'Not Found',
	406: 'Not Acceptable',
	409: 'Conflict',
	415: 'Unsupported Media Type',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	503: 'Service Unavailable',
};

export interface Violation {
	violation: string;
	field: string;
	message: string;
}

/** The regular body (invoices, voucherlist, profile and all endpoints not listed as legacy). */
export function regularError(status: number, path: string, message: string, details?: Violation[]): FakeResponse {
	return {
		status,
		body: {
			timestamp: new Date().toISOString(),
			status,
			error: REASONS[status] ?? 'Error',
			path,
			traceId: randomBytes(6).toString('hex'),
			message,
			...(details ? { details } : {}),
		},
	};
}

export interface Issue {
	i18nKey: string;
	source: string;
	type: 'validation_failure' | 'bad_request_error' | 'technical_error' | 'not_found';
}

/** The legacy body (contacts, files, vouchers). */
export function legacyError(status: number, issues: Issue[]): FakeResponse {
	return { status, body: { IssueList: issues.map((issue) => ({ ...issue, additionalData: null, args: null })) } };
}

/** The API gateway's own answers (401, 403, 500, 504). */
export const gatewayError = (status: number, message: string | null): FakeResponse => ({ status, body: { message } });
