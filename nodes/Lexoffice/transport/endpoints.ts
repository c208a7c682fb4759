/**
 * Every path, query name and convention the Lexoffice node relies on, in one table, each marked
 * with where it comes from (docs/billing/lexoffice.md). If the real API differs, change this file
 * only: operations refer to endpoints by the names on the left.
 */
import { fillPath, type TableEndpoint } from '../../shared/http/endpointTable';

export type Source = 'docs' | 'sdk' | 'assumed';

export interface EndpointSpec extends TableEndpoint<Source> {
	/** Error bodies in the legacy `IssueList` shape instead of the regular one [docs]. */
	legacyErrors?: boolean;
}

export const LEXOFFICE_ENDPOINTS = {
	getProfile: { method: 'GET', path: '/v1/profile', source: 'docs' },
	listContacts: { method: 'GET', path: '/v1/contacts', source: 'docs', legacyErrors: true },
	getContact: { method: 'GET', path: '/v1/contacts/{contactId}', source: 'docs', legacyErrors: true },
	// Drafts unless ?finalize=true, which this node never sends [docs].
	createInvoice: { method: 'POST', path: '/v1/invoices', source: 'docs' },
	getInvoice: { method: 'GET', path: '/v1/invoices/{invoiceId}', source: 'docs' },
	// The only list of invoices: metadata only, no remark [docs].
	listVouchers: { method: 'GET', path: '/v1/voucherlist', source: 'docs' },
} satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof LEXOFFICE_ENDPOINTS;

/** Paging [docs]: 0-based `page`, `size` up to 250 for contacts and the voucherlist. */
export const PAGING = { pageParam: 'page', sizeParam: 'size', firstPage: 0, maxSize: 250 } as const;

/** Lists stop at 10,000 entries ("Maximum search window size exceeded") [docs]. */
export const MAX_SEARCH_WINDOW = 10_000;

/** Contact name and email filters need at least 3 characters [docs]. */
export const MIN_CONTACT_FILTER_LENGTH = 3;

/** Text limits of sales vouchers [docs]. */
export const TEXT_LIMITS = { remark: 2000, introduction: 2000, title: 25, lineItemName: 255, lineItemDescription: 2000 } as const;

/** Line items per invoice [docs]. */
export const MAX_LINE_ITEMS = 300;

/** Decimals Lexware accepts for quantities and unit prices [docs]. */
export const AMOUNT_DECIMALS = 4;

/** Unit names for hours and days: free text, created on the fly by Lexware [docs]; the names [assumed]. */
export const DEFAULT_UNIT_NAMES = { hours: 'Stunde', days: 'Tag' } as const;

/**
 * How an invoice carries its reference: a line `Ref: awork-…` in `remark` [assumed: Lexware has
 * no external reference or idempotency key; the remark prints on the document].
 */
export const REFERENCE_PREFIX = 'Ref: ';

/** Statuses a replay searches for its invoice: a draft may have been finalized (and paid) since [assumed]. */
export const REPLAY_STATUSES = ['draft', 'open', 'paid'];

/** Tax types [docs]; all but net and gross bill 0 % tax. */
export const TAX_TYPES = [
	'net',
	'gross',
	'vatfree',
	'intraCommunitySupply',
	'constructionService13b',
	'externalService13b',
	'thirdPartyCountryService',
	'thirdPartyCountryDelivery',
	'photovoltaicEquipment',
] as const;
export type TaxType = (typeof TAX_TYPES)[number];

/** Links into the web app [docs]. */
export const APP_LINKS = {
	invoiceView: '/permalink/invoices/view/{id}',
	invoiceEdit: '/permalink/invoices/edit/{id}',
	contactView: '/permalink/contacts/view/{id}',
} as const;

/** The requests per second Lexware allows per client, across all endpoints [docs]. */
export const REQUESTS_PER_SECOND = 2;

/** Fills the path; a value that is empty, `.`, `..` or holds control characters is refused (PathSegmentError). */
export function endpointPath(name: EndpointName, pathParams: Record<string, string> = {}): string {
	return fillPath(LEXOFFICE_ENDPOINTS[name].path, pathParams);
}

/** A link into the web app, e.g. the edit page of a draft. */
export function appLink(appUrl: string, link: keyof typeof APP_LINKS, id: string): string {
	return `${appUrl}${APP_LINKS[link].replace('{id}', encodeURIComponent(id))}`;
}
