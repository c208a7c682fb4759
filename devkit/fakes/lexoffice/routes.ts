/** The Lexoffice endpoints the node uses, on the fake (docs/billing/lexoffice.md and the README here). */
import { randomUUID } from 'node:crypto';
import type { FakeRequest, FakeResponse } from '../shared/fakeServer';
import { gatewayError, legacyError, regularError } from './answers';
import type { FakeLexoffice } from './fakeLexoffice';
import type { Contact, Invoice } from './store';
import { validateInvoice } from './validateInvoice';

const MAX_SIZE = 250;
const VOUCHER_TYPES = ['invoice', 'downpaymentinvoice', 'creditnote', 'quotation', 'orderconfirmation', 'deliverynote', 'salesinvoice', 'salescreditnote', 'purchaseinvoice', 'purchasecreditnote'];
const VOUCHER_STATUSES = ['draft', 'open', 'overdue', 'paid', 'paidoff', 'voided', 'transferred', 'sepadebit', 'accepted', 'rejected', 'unchecked'];

const round = (value: number, places: number) => Math.round((value + Number.EPSILON) * 10 ** places) / 10 ** places;
const htmlDecoded = (value: string) => value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Lexware's `%` and `_` wildcards in a substring search, case-insensitive. */
function matches(value: string | undefined, search: string): boolean {
	const pattern = htmlDecoded(search).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
	return new RegExp(pattern, 'i').test(value ?? '');
}

export function contactName(contact: Contact): string {
	return contact.company?.name ?? [contact.person?.firstName, contact.person?.lastName].filter(Boolean).join(' ');
}

/** Lexware's page shape [docs: Paging of Resources]; the hostile fake ignores `page`. */
function paged<T>(fake: FakeLexoffice, req: FakeRequest, records: T[], legacy: boolean): FakeResponse {
	const page = Number(req.query.get('page') ?? 0);
	const size = Number(req.query.get('size') ?? 25);
	if (!Number.isInteger(page) || page < 0 || !Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
		const message = `page must be 0 or more and size between 1 and ${MAX_SIZE}`;
		return legacy ? legacyError(400, [{ i18nKey: 'invalid_paging', source: 'size', type: 'bad_request_error' }]) : regularError(400, req.path, message);
	}
	if (page * size >= 10_000) return regularError(400, req.path, 'Maximum search window size exceeded');
	const served = fake.ignorePaging ? 0 : page;
	const content = records.slice(served * size, served * size + size);
	const totalPages = Math.ceil(records.length / size);
	return {
		status: 200,
		body: {
			content,
			first: served === 0,
			last: fake.ignorePaging ? false : served + 1 >= totalPages,
			totalPages: fake.ignorePaging ? totalPages + 1 : totalPages,
			totalElements: Math.min(records.length, 10_000),
			numberOfElements: content.length,
			size,
			number: served,
		},
	};
}

/** The stored invoice: what Lexware computes (totals, tax amounts, line amounts) filled in. */
function storedInvoice(fake: FakeLexoffice, body: Record<string, unknown>, finalize: boolean): Invoice {
	const now = new Date().toISOString();
	const gross = (body.taxConditions as { taxType: string }).taxType === 'gross';
	let net = 0;
	let tax = 0;
	const lineItems = (body.lineItems as Array<Record<string, unknown>>).map((item) => {
		if (item.type === 'text') return { ...item };
		const price = item.unitPrice as Record<string, number>;
		const rate = price.taxRatePercentage / 100;
		const unitNet = gross ? price.grossAmount / (1 + rate) : price.netAmount;
		const amount = round(unitNet * (item.quantity as number) * (1 - ((item.discountPercentage as number) ?? 0) / 100), 2);
		net += amount;
		tax += amount * rate;
		return {
			...item,
			unitPrice: { ...price, netAmount: round(unitNet, 4), grossAmount: round(unitNet * (1 + rate), 4) },
			lineItemAmount: gross ? round(amount * (1 + rate), 2) : amount,
		};
	});
	const address = body.address as Record<string, unknown>;
	const contact = typeof address.contactId === 'string' ? fake.store.contacts.find((c) => c.id === address.contactId) : undefined;
	return {
		id: randomUUID(),
		organizationId: fake.store.profile.organizationId,
		createdDate: now,
		updatedDate: now,
		version: 1,
		language: String(body.language ?? 'de'),
		archived: false,
		voucherStatus: finalize ? 'open' : 'draft',
		// Lexware numbers an invoice when it is finalized [sdk; assumed for the fake].
		voucherNumber: finalize ? fake.store.voucherNumber() : null,
		voucherDate: String(body.voucherDate),
		dueDate: null,
		address: contact ? { contactId: contact.id, name: contactName(contact), countryCode: 'DE' } : { ...address },
		lineItems,
		totalPrice: { currency: 'EUR', totalNetAmount: round(net, 2), totalGrossAmount: round(net + tax, 2), totalTaxAmount: round(tax, 2) },
		taxAmounts: [],
		taxConditions: body.taxConditions as Record<string, unknown>,
		shippingConditions: body.shippingConditions as Record<string, unknown>,
		...(body.paymentConditions ? { paymentConditions: body.paymentConditions as Record<string, unknown> } : {}),
		...(body.title !== undefined ? { title: String(body.title) } : {}),
		...(body.introduction !== undefined ? { introduction: String(body.introduction) } : {}),
		...(body.remark !== undefined ? { remark: String(body.remark) } : {}),
	};
}

function voucherOf(invoice: Invoice) {
	return {
		id: invoice.id,
		voucherType: 'invoice',
		voucherStatus: invoice.voucherStatus,
		voucherNumber: invoice.voucherNumber,
		voucherDate: invoice.voucherDate,
		createdDate: invoice.createdDate,
		updatedDate: invoice.updatedDate,
		dueDate: invoice.dueDate,
		contactId: (invoice.address.contactId as string | undefined) ?? null,
		contactName: String(invoice.address.name ?? ''),
		totalAmount: (invoice.totalPrice.totalGrossAmount as number) ?? 0,
		openAmount: (invoice.totalPrice.totalGrossAmount as number) ?? 0,
		currency: 'EUR',
		archived: invoice.archived,
	};
}

export function registerRoutes(fake: FakeLexoffice): void {
	const { server, store } = fake;
	server.route('GET', '/v1/profile', () => ({
		status: 200,
		body: { ...store.profile, created: { userId: randomUUID(), userName: 'Test', userEmail: 'test@example.com', date: '2024-01-01T00:00:00.000+01:00' }, connectionId: randomUUID(), businessFeatures: ['INVOICING'] },
	}));

	// Contacts: legacy error bodies [docs].
	server.route('GET', '/v1/contacts', (req) => {
		for (const filter of ['name', 'email']) {
			const value = req.query.get(filter);
			if (value !== null && htmlDecoded(value).length < 3) return legacyError(400, [{ i18nKey: 'search_string_too_short', source: filter, type: 'bad_request_error' }]);
		}
		const q = (name: string) => req.query.get(name);
		const found = store.contacts.filter(
			(contact) =>
				(q('name') === null || matches(contactName(contact), q('name')!)) &&
				(q('email') === null || (contact.emailAddresses?.business ?? []).some((email) => matches(email, q('email')!))) &&
				(q('number') === null || String(contact.roles.customer?.number) === q('number') || String(contact.roles.vendor?.number) === q('number')) &&
				(q('customer') === null || (q('customer') === 'true') === Boolean(contact.roles.customer)) &&
				(q('vendor') === null || (q('vendor') === 'true') === Boolean(contact.roles.vendor)),
		);
		return paged(fake, req, found, true);
	});
	server.route('GET', '/v1/contacts/:id', (req) => {
		const contact = store.contacts.find((c) => c.id === req.params.id);
		return contact ? { status: 200, body: contact } : legacyError(404, [{ i18nKey: 'not_found', source: 'id', type: 'not_found' }]);
	});

	// Invoices: regular error bodies [docs].
	server.route('POST', '/v1/invoices', (req) => {
		if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return regularError(415, req.path, 'Content type not supported');
		if (req.bodyIsInvalidJson) return regularError(400, req.path, 'Malformed JSON');
		const details = validateInvoice(req.body, (id) => store.contacts.find((c) => c.id === id));
		if (details.length) return regularError(406, req.path, 'Validation failed for request. Please see details list for specific error messages.', details);
		const invoice = storedInvoice(fake, req.body as Record<string, unknown>, req.query.get('finalize') === 'true');
		store.invoices.push(invoice);
		fake.cutThisAnswerIfAsked();
		if (fake.timeOutCreates > 0) {
			fake.timeOutCreates--;
			return gatewayError(504, 'Endpoint request timed out');
		}
		const resourceUri = `${fake.baseUrl}/v1/invoices/${invoice.id}`;
		return {
			status: 201,
			headers: { Location: resourceUri },
			body: { id: invoice.id, resourceUri, createdDate: invoice.createdDate, updatedDate: invoice.updatedDate, version: invoice.version },
		};
	});
	server.route('GET', '/v1/invoices/:id', (req) => {
		const invoice = store.invoices.find((i) => i.id === req.params.id);
		return invoice ? { status: 200, body: invoice } : regularError(404, req.path, `Invoice ${req.params.id} not found`);
	});
	server.route('GET', '/v1/invoices/:id/file', (req) => {
		const invoice = store.invoices.find((i) => i.id === req.params.id);
		if (!invoice) return regularError(404, req.path, 'Not Found');
		return invoice.voucherStatus === 'draft' ? regularError(409, req.path, 'A draft has no document file') : { status: 200, body: {} };
	});
	// There is no update or delete of invoices [docs; sdk: PUT answers 404].
	for (const method of ['PUT', 'PATCH', 'DELETE']) server.route(method, '/v1/invoices/:id', (req) => regularError(404, req.path, 'Not Found'));

	server.route('GET', '/v1/voucherlist', (req) => {
		const types = req.query.get('voucherType');
		const statuses = req.query.get('voucherStatus');
		if (!types || !statuses) return regularError(400, req.path, 'voucherType and voucherStatus are required');
		const typeList = types.split(',');
		const statusList = statuses.split(',');
		if (typeList.some((type) => type !== 'any' && !VOUCHER_TYPES.includes(type))) return regularError(400, req.path, `unknown voucherType ${types}`);
		if (statusList.some((status) => status !== 'any' && !VOUCHER_STATUSES.includes(status))) return regularError(400, req.path, `unknown voucherStatus ${statuses}`);
		if (statusList.includes('overdue') && statusList.length > 1) return regularError(400, req.path, 'overdue cannot be combined with other statuses');
		const day = (name: string) => {
			const value = req.query.get(name);
			return value === null ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : 'invalid';
		};
		const createdFrom = day('createdDateFrom');
		if (createdFrom === 'invalid') return regularError(400, req.path, 'createdDateFrom must be yyyy-MM-dd');
		const contactId = req.query.get('contactId');
		const wantsType = typeList.includes('any') || typeList.includes('invoice');
		let found = wantsType
			? store.invoices.filter(
					(invoice) =>
						(statusList.includes('any') || statusList.includes(invoice.voucherStatus)) &&
						(!contactId || invoice.address.contactId === contactId) &&
						(!createdFrom || invoice.createdDate.slice(0, 10) >= createdFrom),
				)
			: [];
		const [sortField, direction] = (req.query.get('sort') ?? 'voucherDate,DESC').split(',');
		if (!['voucherDate', 'voucherNumber', 'createdDate', 'updatedDate'].includes(sortField)) return regularError(400, req.path, `cannot sort by ${sortField}`);
		found = [...found].sort((a, b) => String(a[sortField as keyof Invoice] ?? '').localeCompare(String(b[sortField as keyof Invoice] ?? '')));
		if (direction !== 'ASC') found.reverse();
		return paged(fake, req, found.map(voucherOf), false);
	});
}
