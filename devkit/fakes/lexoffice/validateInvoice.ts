/**
 * Refuses an invoice body the way Lexware does [docs: "Create an Invoice", FAQ]: required fields,
 * types, decimals, text limits, tax rules, timestamps, read-only fields. Refusing unknown
 * properties is [assumed] (Lexware's docs do not say); it catches a misspelt field in a test.
 */
import type { Violation } from './answers';
import type { Contact } from './store';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/;
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
];
const SHIPPING_TYPES = ['service', 'delivery', 'serviceperiod', 'deliveryperiod', 'none'];
const LINE_ITEM_TYPES = ['custom', 'text', 'service', 'material'];
const READ_ONLY = ['id', 'organizationId', 'createdDate', 'updatedDate', 'version', 'archived', 'voucherStatus', 'voucherNumber', 'dueDate', 'taxAmounts', 'files'];
const KNOWN = ['voucherDate', 'address', 'lineItems', 'totalPrice', 'taxConditions', 'shippingConditions', 'paymentConditions', 'title', 'introduction', 'remark', 'language', 'printLayoutId', 'xRechnung', 'deliveryTerms'];
const LINE_ITEM_FIELDS = ['type', 'id', 'name', 'description', 'quantity', 'unitName', 'unitPrice', 'discountPercentage'];
const GERMAN_RATES = [0, 7, 19];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const decimals = (value: number) => (String(value).split('.')[1] ?? '').length;

export function validateInvoice(body: unknown, findContact: (id: string) => Contact | undefined): Violation[] {
	const problems: Violation[] = [];
	const fail = (field: string, violation: string, message: string) => problems.push({ violation, field, message });
	if (!isObject(body)) {
		fail('', 'NOTNULL', 'request body must be a JSON object');
		return problems;
	}
	for (const key of Object.keys(body)) {
		if (READ_ONLY.includes(key)) fail(key, 'READ_ONLY', 'read-only field must not be sent');
		else if (!KNOWN.includes(key)) fail(key, 'UNKNOWN_PROPERTY', 'unknown property');
	}
	const timestamp = (field: string, value: unknown, required: boolean) => {
		if (value === undefined || value === null) {
			if (required) fail(field, 'NOTNULL', 'darf nicht leer sein');
		} else if (typeof value !== 'string' || !TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) {
			fail(field, 'PATTERN', 'must be yyyy-MM-ddTHH:mm:ss.SSSXXX');
		}
	};
	const text = (field: string, value: unknown, limit: number) => {
		if (value === undefined || value === null) return;
		if (typeof value !== 'string') fail(field, 'TYPE', 'must be a string');
		else if (value.length > limit) fail(field, 'SIZE', `size must be between 0 and ${limit}`);
	};
	timestamp('voucherDate', body.voucherDate, true);
	text('title', body.title, 25);
	text('introduction', body.introduction, 2000);
	text('remark', body.remark, 2000);

	const taxConditions = body.taxConditions;
	let taxType: string | undefined;
	if (!isObject(taxConditions)) fail('taxConditions', 'NOTNULL', 'darf nicht leer sein');
	else if (!TAX_TYPES.includes(String(taxConditions.taxType))) fail('taxConditions.taxType', 'INVALID', `must be one of ${TAX_TYPES.join(', ')}`);
	else taxType = String(taxConditions.taxType);

	const address = body.address;
	if (!isObject(address)) fail('address', 'NOTNULL', 'darf nicht leer sein');
	else if (address.contactId !== undefined) {
		const contact = typeof address.contactId === 'string' ? findContact(address.contactId) : undefined;
		if (!contact) fail('address.contactId', 'NOT_FOUND', 'contact does not exist');
		else if (!contact.roles.customer) fail('address.contactId', 'INVALID', 'contact has no customer role');
	} else {
		if (typeof address.name !== 'string' || !address.name.trim()) fail('address.name', 'NOTNULL', 'darf nicht leer sein');
		if (typeof address.countryCode !== 'string') fail('address.countryCode', 'NOTNULL', 'darf nicht leer sein');
		if (taxType && taxType !== 'net' && taxType !== 'gross' && taxType !== 'vatfree') {
			fail('address.contactId', 'NOTNULL', `tax type ${taxType} needs a referenced contact`);
		}
	}

	const totalPrice = body.totalPrice;
	if (!isObject(totalPrice)) fail('totalPrice', 'NOTNULL', 'darf nicht leer sein');
	else {
		if (totalPrice.currency !== 'EUR') fail('totalPrice.currency', 'INVALID', 'only EUR is supported');
		for (const key of ['totalNetAmount', 'totalGrossAmount', 'totalTaxAmount']) {
			if (key in totalPrice) fail(`totalPrice.${key}`, 'READ_ONLY', 'read-only field must not be sent');
		}
	}

	const shipping = body.shippingConditions;
	if (!isObject(shipping)) fail('shippingConditions', 'NOTNULL', 'darf nicht leer sein');
	else if (!SHIPPING_TYPES.includes(String(shipping.shippingType))) fail('shippingConditions.shippingType', 'INVALID', `must be one of ${SHIPPING_TYPES.join(', ')}`);
	else if (shipping.shippingType !== 'none') {
		timestamp('shippingConditions.shippingDate', shipping.shippingDate, true);
		const period = String(shipping.shippingType).endsWith('period');
		timestamp('shippingConditions.shippingEndDate', shipping.shippingEndDate, period);
		if (period && typeof shipping.shippingDate === 'string' && typeof shipping.shippingEndDate === 'string' && Date.parse(shipping.shippingEndDate) < Date.parse(shipping.shippingDate)) {
			fail('shippingConditions.shippingEndDate', 'INVALID', 'must not be before shippingDate');
		}
	}

	const lineItems = body.lineItems;
	if (!Array.isArray(lineItems) || lineItems.length === 0) fail('lineItems', 'NOTNULL', 'darf nicht leer sein');
	else if (lineItems.length > 300) fail('lineItems', 'SIZE', 'at most 300 line items');
	else lineItems.forEach((item, index) => validateLineItem(item, `lineItems[${index}]`, taxType, fail));
	return problems;
}

function validateLineItem(item: unknown, at: string, taxType: string | undefined, fail: (field: string, violation: string, message: string) => void): void {
	if (!isObject(item)) return fail(at, 'TYPE', 'must be an object');
	for (const key of Object.keys(item)) {
		if (key === 'lineItemAmount') fail(`${at}.${key}`, 'READ_ONLY', 'read-only field must not be sent');
		else if (!LINE_ITEM_FIELDS.includes(key)) fail(`${at}.${key}`, 'UNKNOWN_PROPERTY', 'unknown property');
	}
	if (!LINE_ITEM_TYPES.includes(String(item.type))) return fail(`${at}.type`, 'INVALID', `must be one of ${LINE_ITEM_TYPES.join(', ')}`);
	if (item.description !== undefined && (typeof item.description !== 'string' || item.description.length > 2000)) {
		fail(`${at}.description`, 'SIZE', 'size must be between 0 and 2000');
	}
	if (item.type === 'text') {
		if (typeof item.name !== 'string' && typeof item.description !== 'string') fail(`${at}.name`, 'NOTNULL', 'darf nicht leer sein');
		return;
	}
	if ((item.type === 'service' || item.type === 'material') && typeof item.id !== 'string') fail(`${at}.id`, 'NOTNULL', 'darf nicht leer sein');
	if (typeof item.name !== 'string' || !item.name.trim()) fail(`${at}.name`, 'NOTNULL', 'darf nicht leer sein');
	else if (item.name.length > 255) fail(`${at}.name`, 'SIZE', 'size must be between 0 and 255');
	if (typeof item.quantity !== 'number' || !Number.isFinite(item.quantity)) fail(`${at}.quantity`, 'NOTNULL', 'must be a number');
	else if (decimals(item.quantity) > 4) fail(`${at}.quantity`, 'DIGITS', 'at most 4 decimals');
	if (typeof item.unitName !== 'string' || !item.unitName.trim()) fail(`${at}.unitName`, 'NOTNULL', 'darf nicht leer sein');
	if (item.discountPercentage !== undefined && (typeof item.discountPercentage !== 'number' || decimals(item.discountPercentage) > 2)) {
		fail(`${at}.discountPercentage`, 'DIGITS', 'a number with at most 2 decimals');
	}
	const price = item.unitPrice;
	if (!isObject(price)) return fail(`${at}.unitPrice`, 'NOTNULL', 'darf nicht leer sein');
	if (price.currency !== 'EUR') fail(`${at}.unitPrice.currency`, 'INVALID', 'only EUR is supported');
	const amountField = taxType === 'gross' ? 'grossAmount' : 'netAmount';
	const amount = price[amountField];
	if (typeof amount !== 'number' || !Number.isFinite(amount)) fail(`${at}.unitPrice.${amountField}`, 'NOTNULL', 'darf nicht leer sein');
	else if (decimals(amount) > 4) fail(`${at}.unitPrice.${amountField}`, 'DIGITS', 'at most 4 decimals');
	const rate = price.taxRatePercentage;
	if (typeof rate !== 'number') fail(`${at}.unitPrice.taxRatePercentage`, 'NOTNULL', 'darf nicht leer sein');
	else if (taxType && taxType !== 'net' && taxType !== 'gross' && rate !== 0) fail(`${at}.unitPrice.taxRatePercentage`, 'INVALID', `must be 0 for tax type ${taxType}`);
	else if (!GERMAN_RATES.includes(rate)) fail(`${at}.unitPrice.taxRatePercentage`, 'INVALID', 'not a valid tax rate for the voucher date');
}
