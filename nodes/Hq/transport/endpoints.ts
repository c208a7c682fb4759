/**
 * Every path, query name, header and filter the HQ node uses, in one table, and every reading of
 * HQ's API that is [assumed] (the v2 spec of 2024-08 leaves it open). If the real API differs,
 * change this file only: operations refer to endpoints by the names on the left.
 * Sources: docs/billing/hq.md.
 */
import { fillPath, idFieldName, type TableEndpoint } from '../../shared/http/endpointTable';
import { pathSegment, PathSegmentError } from '../../shared/http/pathSegment';

export type Source = 'docs' | 'assumed';

export type EndpointSpec = TableEndpoint<Source>;

export const HQ_ENDPOINTS = {
	listUsers: { method: 'GET', path: '/v2/Users', source: 'docs' },
	listCompanies: { method: 'GET', path: '/v2/Companies', source: 'docs' },
	getCompany: { method: 'GET', path: '/v2/Companies/{companyId}', source: 'docs' },
	listDocuments: { method: 'GET', path: '/v2/Documents', source: 'docs' },
	getDocument: { method: 'GET', path: '/v2/Documents/{documentId}', source: 'docs' },
	createDocument: { method: 'POST', path: '/v2/Documents', source: 'docs' },
	updateDocument: { method: 'PUT', path: '/v2/Documents/{documentId}', source: 'docs' },
	listDocumentPositions: { method: 'GET', path: '/v2/Documents/{documentId}/DocumentPositions', source: 'docs' },
	listDocumentElements: { method: 'GET', path: '/v2/Documents/{documentId}/DocumentElements', source: 'docs' },
	createFreeTextPosition: { method: 'POST', path: '/v2/DocumentPositions/FreeTextPosition', source: 'docs' },
	listDocumentStatuses: { method: 'GET', path: '/v2/DocumentStatus', source: 'docs' },
	listDocumentTemplates: { method: 'GET', path: '/v2/DocumentTemplates', source: 'docs' },
} satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof HQ_ENDPOINTS;

/**
 * Query names [docs: developer page]. The spec's summaries spell them with `$` ($filter, $top);
 * the developer page without. One spelling is sent; the fake accepts both.
 */
export const QUERY = { top: 'top', skip: 'skip', filter: 'filter', expand: 'expand' } as const;

/** Paging [docs]: top at most 1000, total in helloHQ-Count, next URL in helloHQ-NextLink (empty when done). */
export const PAGING = {
	maxTop: 1000,
	countHeader: 'helloHQ-Count',
	nextLinkHeader: 'helloHQ-NextLink',
	/** A list longer than this is not read to the end (a server that never stops paging). */
	maxRecords: 100_000,
} as const;

/** The document type of an invoice [docs]; as a number, its position in the DocumentType enum [assumed]. */
export const INVOICE_DOCUMENT_TYPE = 'Invoice';
export const INVOICE_DOCUMENT_TYPE_NUMBER = 1;

/**
 * The status type of a draft [docs: DocumentStatusType]. The spec types the enum as int32 with
 * names, so HQ may send the name or its position; 0 is Draft's position [assumed].
 */
export const DRAFT_STATUS_TYPE = 'Draft';
export const DRAFT_STATUS_TYPE_NUMBER = 0;
/**
 * A document without a status entity, number or sent date counts as a draft [assumed: the spec
 * does not say which status a new document gets; the fake serves both readings].
 */
export const NO_STATUS_MEANS_DRAFT = true;
export const STATUS_TYPES = ['Draft', 'Feedback', 'Quoted', 'Planned', 'Deferred', 'Sent', 'Accepted', 'Delivered', 'Paid', 'Billed', 'Declined', 'Canceled'];

/**
 * Where the invoice reference is written and searched [assumed]: the document's internal `note`
 * (settable by PUT, not by POST). Several references (one per batch added to a draft) are kept
 * one per line; matching is by whole line, so a person may add their own lines.
 */
export const REFERENCE_FIELD = 'note';

/** Unit IDs of hours and days [assumed: the v2 spec has no units endpoint]; the node lets users change them. */
export const DEFAULT_UNIT_IDS = { hours: 1, days: 2 } as const;

/**
 * A position may name the table of the document it goes into (`documentTableId`, a uuid) [docs];
 * whether HQ needs it is not. The node sends none; when HQ refuses a position naming that field,
 * it reads the document's elements and takes the first whose type is one of these [assumed: the
 * OrderedElementType "Grid" is the positions table; "Table" as the POST path names it].
 */
export const DOCUMENT_TABLE_FIELD = 'documentTableId';
export const POSITION_TABLE_ELEMENT_TYPES = ['Grid', 'Table'];
/** OrderedElementType as a number [docs: int32 enum; position of Grid assumed 0]. */
export const POSITION_TABLE_ELEMENT_TYPE_NUMBER = 0;

/** Tax rate in percent on each position [docs field; meaning sdk]. */
export const DEFAULT_TAX_RATE = 19;

/**
 * Fields a PUT /v2/Documents/{id} carries [docs: DocumentPut]. Whether a PUT leaves fields it does
 * not name alone or clears them is not documented, so the node always sends all of them, as read.
 */
export const DOCUMENT_PUT_FIELDS = [
	'date', 'validUntilDate', 'note', 'discountNet', 'discountPercent', 'marginNet', 'marginPercent', 'taxOption',
	'currency', 'serviceType', 'performancePeriodStartDate', 'performancePeriodEndDate', 'deliveryConditionId',
	'paymentConditionId', 'contactPersonId', 'companyId', 'companyPurchaseOrderNumberId', 'financesBankAccountId',
	'internalContactPersonId', 'projectId', 'leadId', 'number',
] as const;

/**
 * How the ID of a created document or position is read [assumed: writes are documented as 200
 * without a body]: the JSON entity's `id`, a bare number, or the last segment of a Location header.
 */
export const CREATED_ID_SOURCES = ['body.id', 'body', 'Location'] as const;

/** The page of one invoice in HQ's web app, under the credential's Web Address [assumed]. */
export const WEB_DOCUMENT_PATH = '/documents/{documentId}';

/** An OData-like string literal [docs: strings in '...']; a quote inside is doubled (OData rule) [assumed]. */
export function stringLiteral(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** An integer literal; anything else is refused before a filter is built. */
export function integerLiteral(field: string, value: string | number): string {
	const text = String(value).trim();
	if (!/^\d{1,10}$/.test(text)) throw new Error(`${field} must be a whole number (an HQ ID), got ${JSON.stringify(value)}`);
	return text;
}

/** Filters [docs syntax; the field combinations are assumed to be filterable]. */
export const FILTERS = {
	invoices: () => `documentType eq ${stringLiteral(INVOICE_DOCUMENT_TYPE)}`,
	invoicesOfCompany: (companyId: string | number) =>
		`companyId eq ${integerLiteral('company ID', companyId)} and documentType eq ${stringLiteral(INVOICE_DOCUMENT_TYPE)}`,
	companyNamed: (name: string) => `name eq ${stringLiteral(name)}`,
	invoiceStatuses: () => `documentType eq ${stringLiteral(INVOICE_DOCUMENT_TYPE)}`,
	invoiceTemplates: () => `documentType eq ${stringLiteral(INVOICE_DOCUMENT_TYPE)}`,
};

/** `documentId` -> `invoice ID` (users know HQ's documents as invoices), for errors that name the field. */
function fieldName(key: string): string {
	return idFieldName(key).replace(/^document /, 'invoice ');
}

/** An ID in a path: every HQ ID is a whole number [docs: int32], anything else is refused (PathSegmentError). */
function hqIdSegment(key: string, value: string | undefined): string {
	const segment = pathSegment(fieldName(key), value);
	if (!/^\d{1,10}$/.test(segment)) throw new PathSegmentError(fieldName(key), String(value), 'HQ IDs are whole numbers');
	return segment;
}

/** Fills the path with checked HQ IDs. */
export function endpointPath(name: EndpointName, pathParams: Record<string, string> = {}): string {
	return fillPath(HQ_ENDPOINTS[name].path, pathParams, hqIdSegment);
}
