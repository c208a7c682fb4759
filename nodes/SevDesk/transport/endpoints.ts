/**
 * Every sevDesk path, filter and fixed ID the node uses, in one table. `docs` = in sevDesk's
 * OpenAPI file, `sdk` = seen in client libraries only, `assumed` = chosen here. If the real API
 * differs, change this file only (docs/billing/sevdesk.md lists what is assumed).
 */
import { fillPath, filterQueryOf, type TableEndpoint } from '../../shared/http/endpointTable';

export type Source = 'docs' | 'sdk' | 'assumed';

/** `filters`: names used by operations -> query parameter names sevDesk expects. */
export type EndpointSpec = TableEndpoint<Source>;

export const SEVDESK_ENDPOINTS = {
	bookkeepingSystemVersion: { method: 'GET', path: '/Tools/bookkeepingSystemVersion', source: 'docs' },
	listContacts: {
		method: 'GET',
		path: '/Contact',
		source: 'docs',
		filters: { name: 'name', customerNumber: 'customerNumber', depth: 'depth' },
	},
	getContact: { method: 'GET', path: '/Contact/{contactId}', source: 'docs' },
	listInvoices: {
		method: 'GET',
		path: '/Invoice',
		source: 'docs',
		filters: {
			status: 'status',
			contactId: 'contact[id]',
			contactObjectName: 'contact[objectName]',
			// Spelled so in sevDesk's filter table; that it matches customerInternalNote exactly is assumed.
			customerInternalNote: 'customerIntenalNote',
		},
	},
	getInvoice: { method: 'GET', path: '/Invoice/{invoiceId}', source: 'docs' },
	getInvoicePositions: { method: 'GET', path: '/Invoice/{invoiceId}/getPositions', source: 'docs' },
	saveInvoice: { method: 'POST', path: '/Invoice/Factory/saveInvoice', source: 'docs' },
	// Not in the current OpenAPI file; client libraries use them.
	listUnits: { method: 'GET', path: '/Unity', source: 'sdk' },
	listUsers: { method: 'GET', path: '/SevUser', source: 'sdk' },
} satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof SEVDESK_ENDPOINTS;

/** Paging [docs]: `limit` 1..1000, `offset`, `countAll=true` adds `total` (a string). */
export const PAGING = { limitParam: 'limit', offsetParam: 'offset', countParam: 'countAll', maxLimit: 1000 } as const;

/** Expands references in a list answer, e.g. `embed=contact` [docs]. */
export const EMBED_PARAM = 'embed';

/** Invoice status codes [docs]; 500 occurs but is undocumented [sdk]. */
export const INVOICE_STATUS = { deactivated: 50, draft: 100, open: 200, undocumented: 500, partiallyPaid: 750, paid: 1000 } as const;

/** Unit IDs when GET /Unity does not name hour or day [sdk: gowizzard/sevdesk]. */
export const FALLBACK_UNIT_IDS = { hours: 9, days: 12 } as const;

/** How a unit is recognised in GET /Unity: translation codes and UNECE codes [assumed], names [sdk]. */
export const UNIT_MATCHERS = {
	hours: { translationCodes: ['UNITY_HOUR', 'UNITY_HOURS'], unece: ['HUR'], names: ['std', 'std.', 'stunde', 'stunden', 'h', 'hour', 'hours'] },
	days: { translationCodes: ['UNITY_DAY', 'UNITY_DAYS'], unece: ['DAY'], names: ['tag', 'tage', 'tag(e)', 'day', 'days'] },
} as const;

/** Revenue tax rules of bookkeeping 2.0 and the position tax rates each allows [docs]; OSS rules take a country's rates. */
export const TAX_RULES: Record<string, { name: string; rates: number[] | 'country' }> = {
	'1': { name: 'Taxable Domestic Revenue (Umsatzsteuerpflichtige Umsätze)', rates: [0, 7, 19] },
	'2': { name: 'Export Outside the EU (Ausfuhren)', rates: [0] },
	'3': { name: 'Intra-Community Supply (Innergemeinschaftliche Lieferungen)', rates: [0, 7, 19] },
	'4': { name: 'Tax-Free Revenue §4 UStG', rates: [0] },
	'5': { name: 'Reverse Charge §13b UStG', rates: [0] },
	'11': { name: 'Small Business §19 UStG (Kleinunternehmer)', rates: [0] },
	'17': { name: 'Not Taxable Domestically', rates: [0] },
	'18': { name: 'One-Stop Shop (Goods)', rates: 'country' },
	'19': { name: 'One-Stop Shop (Electronic Services)', rates: 'country' },
	'20': { name: 'One-Stop Shop (Other Services)', rates: 'country' },
	'21': { name: 'Reverse Charge §18b UStG', rates: [0] },
};

/** The fixed head values of a new invoice: normal invoice, cash discount 0, net prices [docs]; Germany = 1 [assumed]. */
export const INVOICE_DEFAULTS = { invoiceType: 'RE', discount: 0, taxRate: 0, addressCountryId: 1, showNet: true } as const;

/** Where sevDesk's web app shows an invoice, after the account's origin [assumed]. */
export const WEB_INVOICE_PATH = '/#/fi/detail/type/RE/id/{invoiceId}';

/** Fills the path; a value that is empty, `.`, `..` or holds control characters is refused (PathSegmentError). */
export function endpointPath(name: EndpointName, pathParams: Record<string, string> = {}): string {
	return fillPath(SEVDESK_ENDPOINTS[name].path, pathParams);
}

/** Translates filters named like the table's left side into sevDesk's query parameters, skipping empty ones. */
export function filterQuery(name: EndpointName, filters: Record<string, string | number | boolean | undefined>): Record<string, string | number | boolean> {
	return filterQueryOf(name, (SEVDESK_ENDPOINTS[name] as EndpointSpec).filters, filters);
}
