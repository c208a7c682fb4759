/**
 * How the fake sevDesk refuses a saveInvoice body: the required fields and types of its OpenAPI
 * schemas (Model_Invoice, Model_InvoicePos, saveInvoice), Update 2.0's tax rules and draft-only
 * creation [docs]; unknown properties refused like the "Unknown parameter" answer clients have
 * seen [sdk]. Each message names the field (path in the body).
 */
import type { SevDeskStore, StoredRecord } from './store';

export class BodyError extends Error {
	constructor(
		readonly status: 400 | 422,
		message: string,
	) {
		super(message);
	}
}

const TOP_LEVEL = ['invoice', 'invoicePosSave', 'invoicePos', 'invoicePosDelete', 'discountSave', 'discountDelete', 'filename', 'takeDefaultAddress'];

const INVOICE_FIELDS = [
	'id', 'objectName', 'mapAll', 'invoiceNumber', 'contact', 'contactPerson', 'create', 'update', 'sevClient', 'invoiceDate',
	'header', 'headText', 'footText', 'timeToPay', 'discount', 'discountTime', 'address', 'addressCountry', 'payDate', 'createUser',
	'deliveryDate', 'deliveryDateUntil', 'status', 'smallSettlement', 'taxRate', 'taxRule', 'taxText', 'taxType', 'taxSet',
	'dunningLevel', 'paymentMethod', 'sendDate', 'invoiceType', 'accountIntervall', 'accountNextInvoice', 'currency', 'showNet',
	'enshrined', 'sendType', 'origin', 'customerInternalNote', 'propertyIsEInvoice',
];

const POSITION_FIELDS = [
	'id', 'objectName', 'mapAll', 'create', 'update', 'invoice', 'part', 'quantity', 'price', 'priceNet', 'priceTax', 'priceGross',
	'name', 'unity', 'sevClient', 'positionNumber', 'text', 'discount', 'taxRate', 'sumDiscount', 'sumNetAccounting',
	'sumTaxAccounting', 'sumGrossAccounting',
];

const INVOICE_REQUIRED_ON_CREATE = ['invoiceDate', 'contact', 'discount', 'status', 'addressCountry', 'contactPerson', 'taxRate', 'taxText', 'invoiceType', 'currency'];

/** Position tax rates each revenue rule allows [docs]; undefined = a country's rates (OSS). */
const TAX_RULE_RATES: Record<string, number[] | undefined> = {
	'1': [0, 7, 19], '2': [0], '3': [0, 7, 19], '4': [0], '5': [0], '11': [0], '17': [0], '18': undefined, '19': undefined, '20': undefined, '21': [0],
};
const TAX_TYPES = ['default', 'eu', 'noteu', 'custom', 'ss'];
const INVOICE_TYPES = ['RE', 'WKR', 'SR', 'MA', 'TR', 'AR', 'ER'];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const fail = (message: string, status: 400 | 422 = 400): never => {
	throw new BodyError(status, message);
};

function refuseUnknown(value: Json, known: string[], at: string): void {
	for (const key of Object.keys(value)) if (!known.includes(key)) fail(`Unknown parameter ${at}${key}`);
}

function number(value: unknown, field: string, { nullable = false, integer = false } = {}): void {
	if (value === null && nullable) return;
	if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${field} must be a number, got ${JSON.stringify(value)}`);
	if (integer && !Number.isInteger(value)) fail(`${field} must be an integer, got ${JSON.stringify(value)}`);
}

function text(value: unknown, field: string, nullable = true): void {
	if (value === null && nullable) return;
	if (typeof value !== 'string') fail(`${field} must be a string, got ${JSON.stringify(value)}`);
}

function reference(value: unknown, field: string, objectName: string): string {
	if (!isObject(value)) return fail(`${field} must be {"id", "objectName": "${objectName}"}, got ${JSON.stringify(value)}`);
	if (value.objectName !== objectName) fail(`${field}.objectName must be "${objectName}", got ${JSON.stringify(value.objectName)}`);
	const id = value.id;
	if (!(typeof id === 'number' && Number.isInteger(id)) && !(typeof id === 'string' && /^\d+$/.test(id))) fail(`${field}.id must be an ID, got ${JSON.stringify(id)}`);
	return String(id);
}

/** `dd.mm.yyyy` or a Unix timestamp [docs: Model_Invoice.invoiceDate]. */
function requestDate(value: unknown, field: string): void {
	if (typeof value === 'number' && Number.isInteger(value)) return;
	if (typeof value === 'string' && (/^\d{2}\.\d{2}\.\d{4}$/.test(value) || /^\d+$/.test(value))) return;
	fail(`${field} must be a date as dd.mm.yyyy or a timestamp, got ${JSON.stringify(value)}`);
}

export interface CheckedSave {
	invoice: Json;
	positions: Json[];
	/** The stored invoice an update refers to. */
	existing?: StoredRecord;
	taxRuleId?: string;
}

/** Checks a saveInvoice body against the store; throws BodyError naming the field. */
export function checkSaveInvoice(body: unknown, store: SevDeskStore, bookkeepingVersion: '1.0' | '2.0'): CheckedSave {
	if (!isObject(body)) return fail('The request body must be a JSON object');
	refuseUnknown(body, TOP_LEVEL, '');
	const invoice = body.invoice;
	if (!isObject(invoice)) return fail('invoice is required');
	refuseUnknown(invoice, INVOICE_FIELDS, 'invoice.');
	if (invoice.objectName !== 'Invoice') fail(`invoice.objectName must be "Invoice", got ${JSON.stringify(invoice.objectName)}`);
	if (invoice.mapAll !== true) fail(`invoice.mapAll must be true, got ${JSON.stringify(invoice.mapAll)}`);

	let existing: StoredRecord | undefined;
	const hasId = invoice.id !== undefined && invoice.id !== null;
	if (hasId) {
		number(invoice.id, 'invoice.id', { integer: true });
		existing = store.invoices.find((record) => record.id === String(invoice.id));
		if (!existing) fail(`invoice.id: no invoice with ID ${String(invoice.id)}`);
		if (existing!.status !== '100') fail(`invoice.id: invoice ${String(invoice.id)} has status ${String(existing!.status)}; only drafts (100) can be changed`, 422);
	} else {
		for (const field of INVOICE_REQUIRED_ON_CREATE) if (invoice[field] === undefined || invoice[field] === null) fail(`invoice.${field} is required`);
		if (String(invoice.status) !== '100') fail(`invoice.status: invoices can only be created as drafts (100), got ${JSON.stringify(invoice.status)}`, 422);
	}

	if (invoice.invoiceDate !== undefined) requestDate(invoice.invoiceDate, 'invoice.invoiceDate');
	if (invoice.contact !== undefined) {
		const id = reference(invoice.contact, 'invoice.contact', 'Contact');
		if (!store.contacts.some((contact) => contact.id === id)) fail(`invoice.contact: no contact with ID ${id}`);
	}
	if (invoice.contactPerson !== undefined) {
		const id = reference(invoice.contactPerson, 'invoice.contactPerson', 'SevUser');
		if (!store.users.some((user) => user.id === id)) fail(`invoice.contactPerson: no user with ID ${id}`);
	}
	if (invoice.addressCountry !== undefined) reference(invoice.addressCountry, 'invoice.addressCountry', 'StaticCountry');
	if (invoice.discount !== undefined) number(invoice.discount, 'invoice.discount', { integer: true });
	if (invoice.taxRate !== undefined) number(invoice.taxRate, 'invoice.taxRate');
	if (invoice.taxText !== undefined) text(invoice.taxText, 'invoice.taxText', false);
	if (invoice.invoiceType !== undefined && !INVOICE_TYPES.includes(String(invoice.invoiceType))) fail(`invoice.invoiceType must be one of ${INVOICE_TYPES.join(', ')}, got ${JSON.stringify(invoice.invoiceType)}`);
	if (invoice.currency !== undefined && !(typeof invoice.currency === 'string' && /^[A-Z]{3}$/.test(invoice.currency))) fail(`invoice.currency must be an ISO 4217 code, got ${JSON.stringify(invoice.currency)}`);
	if (invoice.status !== undefined && hasId && String(invoice.status) !== '100') fail(`invoice.status: saveInvoice does not change the status of an invoice, got ${JSON.stringify(invoice.status)}`, 422);
	for (const field of ['header', 'headText', 'footText', 'address', 'customerInternalNote', 'invoiceNumber']) if (invoice[field] !== undefined) text(invoice[field], `invoice.${field}`);
	if (invoice.showNet !== undefined && typeof invoice.showNet !== 'boolean') fail(`invoice.showNet must be a boolean, got ${JSON.stringify(invoice.showNet)}`);

	// Update 2.0: a tax rule; 1.0: a tax type [docs].
	let taxRuleId: string | undefined;
	if (bookkeepingVersion === '2.0') {
		if (invoice.taxRule === undefined || invoice.taxRule === null) {
			if (!hasId) fail('invoice.taxRule is required (sevdesk-Update 2.0)', 422);
			taxRuleId = ((existing!.taxRule as Json | null)?.id as string | undefined) ?? '1';
		} else {
			taxRuleId = reference(invoice.taxRule, 'invoice.taxRule', 'TaxRule');
			if (!(taxRuleId in TAX_RULE_RATES)) fail(`invoice.taxRule.id: ${taxRuleId} is not a tax rule for revenue`, 422);
		}
		if (invoice.taxType === 'custom') fail('invoice.taxType "custom" is not accepted in sevdesk-Update 2.0; use taxRule', 422);
	} else if (!hasId || invoice.taxType !== undefined) {
		if (!TAX_TYPES.includes(String(invoice.taxType))) fail(`invoice.taxType must be one of ${TAX_TYPES.join(', ')}, got ${JSON.stringify(invoice.taxType)}`);
	}

	const positionsKey = body.invoicePosSave !== undefined ? 'invoicePosSave' : 'invoicePos';
	const rawPositions = body[positionsKey] ?? [];
	if (!Array.isArray(rawPositions)) return fail(`${positionsKey} must be a list of positions`);
	const positions = rawPositions.map((position: unknown, index: number) => {
		const at = `${positionsKey}[${index}]`;
		if (!isObject(position)) return fail(`${at} must be an object`);
		refuseUnknown(position, POSITION_FIELDS, `${at}.`);
		if (position.objectName !== 'InvoicePos') fail(`${at}.objectName must be "InvoicePos", got ${JSON.stringify(position.objectName)}`);
		if (position.mapAll !== true) fail(`${at}.mapAll must be true, got ${JSON.stringify(position.mapAll)}`);
		for (const field of ['unity', 'taxRate', 'quantity']) if (position[field] === undefined || position[field] === null) fail(`${at}.${field} is required`);
		number(position.quantity, `${at}.quantity`);
		number(position.taxRate, `${at}.taxRate`);
		if (position.price !== undefined) number(position.price, `${at}.price`, { nullable: true });
		if (position.discount !== undefined) number(position.discount, `${at}.discount`, { nullable: true });
		if (position.positionNumber !== undefined) number(position.positionNumber, `${at}.positionNumber`, { nullable: true, integer: true });
		for (const field of ['name', 'text']) if (position[field] !== undefined) text(position[field], `${at}.${field}`);
		const unitId = reference(position.unity, `${at}.unity`, 'Unity');
		if (!store.units.some((unit) => unit.id === unitId)) fail(`${at}.unity.id: no unit with ID ${unitId}`);
		if (position.id !== undefined) {
			number(position.id, `${at}.id`, { integer: true });
			if (!existing || !store.positionsOf(String(existing.id)).some((stored) => stored.id === String(position.id))) fail(`${at}.id: no position ${String(position.id)} on this invoice`);
		}
		const allowed = taxRuleId === undefined ? undefined : TAX_RULE_RATES[taxRuleId];
		if (allowed && !allowed.includes(position.taxRate as number)) {
			fail(`${at}.taxRate ${String(position.taxRate)} is not allowed for tax rule ${taxRuleId} (allowed: ${allowed.join(', ')})`, 422);
		}
		return position;
	});
	return { invoice, positions, existing, taxRuleId };
}
