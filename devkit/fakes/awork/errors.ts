/** awork's error body ({code, description, link, traceId, details?, validationErrors?}) and helpers to throw it. */
import { randomBytes } from 'node:crypto';
import type { FakeResponse } from '../shared/fakeServer';

export const ERROR_LINK = 'https://developers.awork.com/error-handling';

export interface ValidationError {
	property: string;
	message: string;
}

export function traceId(): string {
	return randomBytes(16).toString('hex');
}

export function errorBody(code: string, description: string, extra: { details?: string[]; validationErrors?: ValidationError[] } = {}) {
	return { code, description, link: ERROR_LINK, traceId: traceId(), ...extra };
}

/** Thrown inside route handlers; the route wrapper turns it into the answer. */
export class AworkError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		description: string,
		readonly extra: { details?: string[]; validationErrors?: ValidationError[] } = {},
		readonly headers: Record<string, string> = {},
	) {
		super(description);
	}

	toResponse(): FakeResponse {
		return { status: this.status, body: errorBody(this.code, this.message, this.extra), headers: this.headers };
	}
}

export const notFound = (what: string) => new AworkError(404, 'not-found', `The requested ${what} could not be found.`);

/** `property` in awork's PascalCase, e.g. 'Name', 'ProjectKey'. */
export function validationFailed(errors: ValidationError[]): AworkError {
	return new AworkError(400, 'validation-failed', 'The model sent in the request is invalid. See the validation errors for details.', {
		validationErrors: errors,
	});
}

export const required = (property: string): ValidationError => ({ property, message: `'${property}' should not be empty.` });

export const invalidModel = (detail?: string) =>
	new AworkError(400, 'invalid-model', 'The body of the request is invalid or empty.', detail ? { details: [detail] } : {});

export const invalidFilterOrOrder = (detail: string) =>
	new AworkError(400, 'invalid-filter-or-order', 'The request contains an invalid filter or sort statement.', { details: [detail] });

/** camelCase JSON name -> the PascalCase property name awork reports in validationErrors. */
export const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
