/**
 * Body checks of the fake HQ, from the v2 spec's schemas: required fields, types and, because
 * the schemas say `additionalProperties: false`, unknown properties. Answers are ASP.NET Core
 * problem details [assumed], naming each field.
 */
export type FieldType = 'integer' | 'number' | 'string' | 'date-time' | 'boolean' | 'uuid';

export interface BodySchema {
	required: string[];
	properties: Record<string, { type: FieldType; nullable?: boolean; enum?: string[] }>;
}

const DOCUMENT_TYPES = ['Quotation', 'Invoice', 'DeliveryNote', 'Warning', 'Reminder', 'Cancellation', 'CreditNote', 'Confirmation', 'IncomingInvoice', 'Undefined', 'Order', 'PriceInquiry', 'Letter', 'Minute', 'AdvancedInvoice', 'PlannedRevenueStandard', 'PlannedRevenueTimeAndMaterial', 'PlannedCost', 'FinalInvoice'];

const nullableInts = (...names: string[]) => Object.fromEntries(names.map((name) => [name, { type: 'integer' as const, nullable: true }]));
const numbers = (...names: string[]) => Object.fromEntries(names.map((name) => [name, { type: 'number' as const }]));

/** DocumentPost [docs]. */
export const DOCUMENT_POST: BodySchema = {
	required: ['companyId', 'currency', 'date', 'documentTemplateEntityId', 'documentType', 'performancePeriodEndDate', 'performancePeriodStartDate', 'validUntilDate'],
	properties: {
		date: { type: 'date-time' },
		validUntilDate: { type: 'date-time' },
		currency: { type: 'string' },
		performancePeriodStartDate: { type: 'date-time' },
		performancePeriodEndDate: { type: 'date-time' },
		companyId: { type: 'integer' },
		documentType: { type: 'string', enum: DOCUMENT_TYPES },
		documentTemplateEntityId: { type: 'integer' },
		number: { type: 'string', nullable: true },
		...numbers('discountNet', 'discountPercent', 'marginNet', 'marginPercent'),
		...nullableInts('deliveryConditionId', 'paymentConditionId', 'contactPersonId', 'companyPurchaseOrderNumberId', 'financesBankAccountId', 'internalContactPersonId', 'projectId', 'leadId'),
	},
};

/** DocumentPut [docs]: nothing required. */
export const DOCUMENT_PUT: BodySchema = {
	required: [],
	properties: {
		date: { type: 'date-time' },
		validUntilDate: { type: 'date-time', nullable: true },
		note: { type: 'string', nullable: true },
		taxOption: { type: 'string', nullable: true },
		currency: { type: 'string', nullable: true },
		serviceType: { type: 'string', nullable: true },
		performancePeriodStartDate: { type: 'date-time', nullable: true },
		performancePeriodEndDate: { type: 'date-time', nullable: true },
		number: { type: 'string', nullable: true },
		...numbers('discountNet', 'discountPercent', 'marginNet', 'marginPercent'),
		...nullableInts('deliveryConditionId', 'paymentConditionId', 'contactPersonId', 'companyId', 'companyPurchaseOrderNumberId', 'financesBankAccountId', 'internalContactPersonId', 'projectId', 'leadId'),
	},
};

/** FreeTextPositionPost [docs fields]; the required list is [assumed] (the spec has none). */
export const FREE_TEXT_POSITION_POST: BodySchema = {
	required: ['documentEntityId', 'text', 'amount1', 'price', 'tax'],
	properties: {
		interval: { type: 'string', enum: ['Once', 'Annually', 'HalfAnnually', 'QuarterAnnually', 'Monthly', 'Weekly', 'TwoYears', 'ThreeYears', 'FourYears', 'FiveYears', 'Fortnightly', 'BiMonthly'] },
		text: { type: 'string', nullable: true },
		amount1: { type: 'number' },
		unitId1: { type: 'integer', nullable: true },
		amount2: { type: 'number', nullable: true },
		unitId2: { type: 'integer', nullable: true },
		...numbers('price', 'cost', 'tax', 'marginNet', 'marginPercent', 'discountNet', 'discountPercent'),
		performancePeriodStartDate: { type: 'date-time', nullable: true },
		performancePeriodEndDate: { type: 'date-time', nullable: true },
		isExternal: { type: 'boolean' },
		documentTableId: { type: 'uuid' },
		...nullableInts('financesCostCenter1Id', 'financesCostCenter2Id', 'financesBookingAccountId', 'projectId', 'projectBudgedId', 'projectRoleId', 'taskTypeId', 'documentEntityId'),
	},
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function typeError(value: unknown, type: FieldType): string | undefined {
	switch (type) {
		case 'integer':
			return Number.isInteger(value) ? undefined : 'must be a whole number';
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
		case 'boolean':
			return typeof value === 'boolean' ? undefined : 'must be true or false';
		case 'date-time':
			return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10))) ? undefined : 'must be a date-time';
		case 'uuid':
			return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value) ? undefined : 'must be a uuid';
		default:
			return typeof value === 'string' ? undefined : 'must be a string';
	}
}

/** Field -> messages; empty when the body is fine. */
export function checkBody(body: unknown, schema: BodySchema, strictUnknown: boolean): Record<string, string[]> {
	const errors: Record<string, string[]> = {};
	const add = (field: string, message: string) => (errors[field] ??= []).push(message);
	if (!body || typeof body !== 'object' || Array.isArray(body)) return { body: ['A non-empty JSON object is required.'] };
	const record = body as Record<string, unknown>;
	for (const field of schema.required) if (record[field] === undefined || record[field] === null) add(field, `The ${field} field is required.`);
	for (const [field, value] of Object.entries(record)) {
		const property = schema.properties[field];
		if (!property) {
			if (strictUnknown) add(field, `Could not find member '${field}' on the object.`);
			continue;
		}
		if (value === null) {
			if (!property.nullable && !schema.required.includes(field)) add(field, `The ${field} field must not be null.`);
			continue;
		}
		const problem = typeError(value, property.type);
		if (problem) add(field, `The JSON value of ${field} ${problem}.`);
		else if (property.enum && !property.enum.includes(value as string)) add(field, `The value '${String(value)}' is not valid for ${field}.`);
	}
	return errors;
}

export function problem(status: number, title: string, errors?: Record<string, string[]>) {
	return {
		status,
		body: { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title, status, ...(errors ? { errors } : {}), traceId: '00-fake-hq-00' },
		headers: { 'content-type': 'application/problem+json; charset=utf-8' },
	};
}

export function validationProblem(errors: Record<string, string[]>) {
	return problem(400, 'One or more validation errors occurred.', errors);
}
