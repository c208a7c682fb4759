/** Reading HQ invoices: their status, references, output shape, and writing the reference. */
import { referencesIn as referencesInText } from '../../shared/billing/invoiceLine';
import type { IDataObject } from 'n8n-workflow';
import { perNodeRun } from '../../shared/perNodeRun';
import {
	callHq,
	DOCUMENT_PUT_FIELDS,
	DRAFT_STATUS_TYPE,
	DRAFT_STATUS_TYPE_NUMBER,
	fetchAll,
	FILTERS,
	hqAnswerError,
	INVOICE_DOCUMENT_TYPE,
	INVOICE_DOCUMENT_TYPE_NUMBER,
	NO_STATUS_MEANS_DRAFT,
	hqConnection,
	QUERY,
	REFERENCE_FIELD,
	STATUS_TYPES,
	WEB_DOCUMENT_PATH,
	type HqContext,
} from '../transport';

export interface StatusEntity {
	id: string;
	name: string | null;
	/** The name of its DocumentStatusType (HQ may send the name or its number). */
	type: string | null;
}

function statusTypeName(value: unknown): string | null {
	if (typeof value === 'string' && value.trim()) return /^\d+$/.test(value) ? STATUS_TYPES[Number(value)] ?? value : value;
	if (typeof value === 'number') return STATUS_TYPES[value] ?? String(value);
	return null;
}

function asStatus(raw: IDataObject): StatusEntity {
	return { id: String(raw.id), name: typeof raw.name === 'string' ? raw.name : null, type: statusTypeName(raw.documentStatusType) };
}

const statusesOfRun = perNodeRun(() => new Map<string, Promise<Map<string, StatusEntity>>>());

/** The tenant's invoice status entities [docs: GET /v2/DocumentStatus], read once per run. */
export async function invoiceStatuses(ctx: HqContext): Promise<Map<string, StatusEntity>> {
	const cache = statusesOfRun(ctx);
	let statuses = cache.get('invoice');
	if (!statuses) {
		statuses = fetchAll<IDataObject>(ctx, { endpoint: 'listDocumentStatuses', query: { [QUERY.filter]: FILTERS.invoiceStatuses() } }).then(
			(rows) => new Map(rows.map((row) => [String(row.id), asStatus(row)])),
		);
		cache.set('invoice', statuses);
		statuses.catch(() => cache.delete('invoice'));
	}
	return await statuses;
}

/** A document's status: the expanded entity when HQ sent it, else looked up by its ID. */
export function statusOf(document: IDataObject, statuses: Map<string, StatusEntity>): StatusEntity | null {
	const expanded = document.documentStatusEntity;
	if (expanded && typeof expanded === 'object' && !Array.isArray(expanded)) return asStatus(expanded as IDataObject);
	const id = document.documentStatusEntityId;
	if (id !== undefined && id !== null) return statuses.get(String(id)) ?? null;
	const unsent = !document.number && !document.sentOn;
	return NO_STATUS_MEANS_DRAFT && unsent ? { id: '', name: null, type: DRAFT_STATUS_TYPE } : null;
}

export function isDraft(status: StatusEntity | null): boolean {
	return status?.type === DRAFT_STATUS_TYPE || status?.type === STATUS_TYPES[DRAFT_STATUS_TYPE_NUMBER];
}

/**
 * Whether a listed document is an invoice (of the contact, when given). The list was asked with a
 * filter; this holds even if HQ reads the filter differently or not at all.
 */
export function isInvoiceOf(document: IDataObject, companyId?: string): boolean {
	const type = document.documentType;
	const invoice = type === INVOICE_DOCUMENT_TYPE || type === INVOICE_DOCUMENT_TYPE_NUMBER;
	return invoice && (companyId === undefined || String(document.companyId) === companyId);
}

/** The references written into a document's note, wherever they stand (HQ may keep the note as HTML). */
export function referencesIn(document: IDataObject): string[] {
	return referencesInText(document[REFERENCE_FIELD]);
}

export function carriesReference(document: IDataObject, reference: string): boolean {
	return referencesIn(document).includes(reference);
}

export async function getDocument(ctx: HqContext, documentId: string, itemIndex?: number): Promise<IDataObject> {
	return (await callHq<IDataObject>(ctx, { endpoint: 'getDocument', pathParams: { documentId }, itemIndex })).body ?? {};
}

export async function documentPositions(ctx: HqContext, documentId: string, itemIndex?: number): Promise<IDataObject[]> {
	return await fetchAll<IDataObject>(ctx, { endpoint: 'listDocumentPositions', pathParams: { documentId }, itemIndex });
}

/** Whether a document has exactly the head the node would create (dates compared by day), and no note yet. */
function isEmptyTwinOf(document: IDataObject, head: IDataObject): boolean {
	const note = document[REFERENCE_FIELD];
	if (typeof note === 'string' && note.trim() !== '') return false;
	return Object.entries(head).every(([field, value]) => {
		const actual = document[field];
		if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return typeof actual === 'string' && actual.slice(0, 10) === value.slice(0, 10);
		return actual === value || String(actual) === String(value);
	});
}

export interface InvoicesOfContact {
	/** The invoice that carries the reference. */
	byReference?: IDataObject;
	/** Invoices without a note whose head equals the one the node would create: a run may have died before writing the reference. */
	emptyTwins: IDataObject[];
}

/** One read of a contact's invoices: the one with `reference`, and the twins of `head` without a note. */
export async function scanInvoicesOfContact(ctx: HqContext, companyId: string, reference: string, head: IDataObject, itemIndex?: number): Promise<InvoicesOfContact> {
	const kept = await fetchAll<IDataObject>(
		ctx,
		{ endpoint: 'listDocuments', query: { [QUERY.filter]: FILTERS.invoicesOfCompany(companyId) }, itemIndex },
		undefined,
		(document) => isInvoiceOf(document, companyId) && (carriesReference(document, reference) || isEmptyTwinOf(document, head)),
	);
	return { byReference: kept.find((document) => carriesReference(document, reference)), emptyTwins: kept.filter((document) => !carriesReference(document, reference)) };
}

/**
 * Adds `reference` as a line of the document's note, and checks that HQ kept it: a replay finds
 * the invoice only by it, so positions are not written to an invoice it could not find again.
 * PUT sends every DocumentPut field as read: whether HQ clears fields a PUT leaves out is not
 * documented, so none is left out.
 */
export async function writeReference(ctx: HqContext, document: IDataObject, reference: string, itemIndex?: number): Promise<void> {
	const note = typeof document[REFERENCE_FIELD] === 'string' ? (document[REFERENCE_FIELD] as string).trimEnd() : '';
	const body: IDataObject = {};
	for (const field of DOCUMENT_PUT_FIELDS) if (document[field] !== undefined) body[field] = document[field];
	body[REFERENCE_FIELD] = note ? `${note}\n${reference}` : reference;
	const documentId = String(document.id);
	const answer = await callHq<unknown>(ctx, { endpoint: 'updateDocument', pathParams: { documentId }, body, itemIndex });
	const answered = answer.body && typeof answer.body === 'object' && REFERENCE_FIELD in answer.body ? (answer.body as IDataObject) : undefined;
	const stored = answered ?? (await getDocument(ctx, documentId, itemIndex));
	if (!carriesReference(stored, reference)) {
		throw hqAnswerError(
			ctx,
			`HQ did not keep the reference ${reference} in the note of invoice ${documentId}, so no positions were written to it`,
			'The node finds its invoice on a replay only by this reference; without it a replay would make a second invoice. Check the invoice\'s internal note in HQ; see docs/billing/hq.md.',
			itemIndex,
		);
	}
}

/** The link to the invoice in HQ's web app, when the credential has a Web Address. */
export async function webUrlOf(ctx: HqContext, documentId: string): Promise<string | null> {
	const { webUrl } = await hqConnection(ctx);
	return webUrl ? `${webUrl}${WEB_DOCUMENT_PATH.replace('{documentId}', encodeURIComponent(documentId))}` : null;
}

/** The fields every invoice output carries, whatever the operation. */
export async function invoiceSummary(ctx: HqContext, document: IDataObject, statuses: Map<string, StatusEntity>): Promise<IDataObject> {
	const status = statusOf(document, statuses);
	const id = String(document.id);
	return {
		id,
		number: document.number ?? null,
		status: status?.type ?? null,
		statusName: status?.name ?? null,
		isDraft: isDraft(status),
		references: referencesIn(document),
		// The HQ company, named contactId as in the sevDesk and Lexoffice nodes.
		contactId: document.companyId === undefined || document.companyId === null ? null : String(document.companyId),
		date: document.date ?? null,
		currency: document.currency ?? null,
		netValue: document.netValue ?? null,
		grossValue: document.grossValue ?? null,
		url: await webUrlOf(ctx, id),
	};
}
