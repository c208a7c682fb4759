/**
 * The ID of what a write created. HQ documents its writes as "200 OK" without a body, so the
 * node reads every plausible answer [assumed]: the created entity, a bare ID, or an empty
 * 201/204 with a Location header ending in the ID (see CREATED_ID_SOURCES).
 */
import { headerValue } from '../../shared/http';
import type { HqAnswer } from './request';

export function createdIdOf(answer: HqAnswer): string | undefined {
	const body = answer.body;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const id = (body as { id?: unknown }).id;
		if (typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id))) return String(id);
	}
	if (typeof body === 'number' && Number.isInteger(body)) return String(body);
	if (typeof body === 'string' && /^\s*"?\d+"?\s*$/.test(body)) return body.replace(/\D/g, '');
	const location = headerValue(answer.headers, 'location');
	const last = location?.split('?')[0].replace(/\/+$/, '').split('/').pop();
	return last && /^\d+$/.test(last) ? last : undefined;
}

/** The created entity, when HQ sent it back. */
export function createdEntityOf(answer: HqAnswer): Record<string, unknown> | undefined {
	const body = answer.body;
	return body && typeof body === 'object' && !Array.isArray(body) && 'id' in body ? (body as Record<string, unknown>) : undefined;
}
