/**
 * Every path and filter name the node uses, in one table. The One PSA does not publish most of
 * them; those marked `assumed` follow comparable PSAs (see docs/onepsa-api.md). If the real API
 * differs, change this table only: operations refer to endpoints and filters by the names on
 * the left.
 */
import type { IHttpRequestMethods } from 'n8n-workflow';
import { filterQueryOf } from '../../shared/http/endpointTable';
import { pathSegment } from '../../shared/http/pathSegment';

export type Source = 'docs' | 'seed' | 'assumed';

export interface EndpointSpec {
	method: IHttpRequestMethods;
	/** `{name}` placeholders are filled from path parameters, URL-encoded. */
	path: string;
	source: Source;
	/** Filter names used by operations -> query parameter names the API expects. */
	filters?: Record<string, string>;
}

export const ONE_PSA_ENDPOINTS = {
	listContracts: {
		method: 'GET',
		path: '/api/contracts',
		source: 'assumed',
		filters: { companyId: 'companyId', search: 'search', status: 'status' },
	},
	getContract: { method: 'GET', path: '/api/contracts/{contractId}', source: 'assumed' },
	listTickets: {
		method: 'GET',
		path: '/api/tickets',
		// The path and updatedAfter are documented; the other filters are assumed.
		source: 'docs',
		filters: { search: 'search', number: 'number', companyId: 'companyId', updatedAfter: 'updatedAfter' },
	},
	getTicket: { method: 'GET', path: '/api/tickets/{ticketId}', source: 'assumed' },
	getTicketsBatch: { method: 'POST', path: '/api/tickets/batch', source: 'docs' },
	createTicket: { method: 'POST', path: '/api/tickets', source: 'assumed' },
	updateTicket: { method: 'PATCH', path: '/api/tickets/{ticketId}', source: 'assumed' },
	createTimeEntry: {
		method: 'POST',
		path: '/api/contracts/{contractId}/time-entries',
		source: 'assumed',
	},
	createTimeEntriesBatch: {
		method: 'POST',
		path: '/api/contracts/{contractId}/time-entries/batch',
		source: 'assumed',
	},
	listTimeEntries: {
		method: 'GET',
		path: '/api/time-entries',
		source: 'assumed',
		filters: { contractId: 'contractId', externalId: 'externalId', from: 'from', to: 'to' },
	},
	listCompanies: {
		method: 'GET',
		path: '/api/companies',
		source: 'assumed',
		filters: { search: 'search' },
	},
} satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof ONE_PSA_ENDPOINTS;

/** Paging of list endpoints [assumed]: 1-based page, page size at most 200. */
export const PAGING = {
	pageParam: 'page',
	pageSizeParam: 'pageSize',
	maxPageSize: 200,
} as const;

/** Entries per batch request [assumed]. */
export const MAX_BATCH_ENTRIES = 100;

/** Answers on the batch path that mean "this contract has no batch import" [assumed]. */
export const BATCH_UNAVAILABLE_STATUSES = [404, 405];

/** Error code of a time entry whose externalId was booked before [assumed]. */
export const DUPLICATE_EXTERNAL_ID_CODE = 'duplicate_external_id';

/** Header that marks an answer repeated from the Idempotency-Key cache [assumed]. */
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';

/** Status values offered in drop-downs [assumed]. */
export const TICKET_STATUSES = ['open', 'in_progress', 'waiting', 'resolved', 'closed'];
export const CONTRACT_STATUSES = ['active', 'inactive', 'expired'];
export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'critical'];

/** `contractId` -> `contract ID`, for errors that name the field. */
function fieldName(key: string): string {
	return key.replace(/Id$/, ' ID');
}

/** Fills the path; a value that is empty, `.`, `..` or holds control characters is refused (PathSegmentError). */
export function endpointPath(name: EndpointName, pathParams: Record<string, string> = {}): string {
	return ONE_PSA_ENDPOINTS[name].path.replace(/\{(\w+)\}/g, (_match, key: string) =>
		pathSegment(fieldName(key), pathParams[key]),
	);
}

/** Translates filters named like the table's left side into the API's query parameters, skipping empty ones. */
export function filterQuery(
	name: EndpointName,
	filters: Record<string, string | number | boolean | undefined>,
): Record<string, string | number | boolean> {
	return filterQueryOf(name, (ONE_PSA_ENDPOINTS[name] as EndpointSpec).filters, filters);
}
