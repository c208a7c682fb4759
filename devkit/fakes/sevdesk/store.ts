/**
 * The fake sevDesk's data: contacts, invoices with their positions, units and users, stored the
 * way sevDesk answers them (IDs, amounts, flags and status as strings).
 */

export interface SeedContact {
	id?: number;
	/** Organisation name; persons have surename/familyname instead (spelled so by sevDesk). */
	name?: string;
	surename?: string;
	familyname?: string;
	customerNumber?: string;
	/** 3 = customer (default). */
	categoryId?: number;
}

export interface SeedUnit {
	id: number;
	name: string;
	translationCode?: string;
	uneceTradeUnitCode?: string;
}

export interface SeedData {
	contacts?: SeedContact[];
	units?: SeedUnit[];
	users?: Array<{ id: number; username?: string; fullname?: string }>;
	/** Invoices as saveInvoice would store them (for tests of existing drafts). */
	invoices?: Array<{ id?: number; contactId: number; status?: number; customerInternalNote?: string | null; header?: string | null; invoiceNumber?: string | null }>;
}

export type StoredRecord = Record<string, unknown>;

/** sevDesk's system units [sdk: gowizzard/sevdesk]; translation and UNECE codes of hour and day [assumed]. */
export const DEFAULT_UNITS: SeedUnit[] = [
	{ id: 1, name: 'Stk', translationCode: 'UNITY_PIECE', uneceTradeUnitCode: 'C62' },
	{ id: 2, name: 'm²', translationCode: 'UNITY_SQUARE_METER', uneceTradeUnitCode: 'MTK' },
	{ id: 3, name: 'm', translationCode: 'UNITY_METER', uneceTradeUnitCode: 'MTR' },
	{ id: 4, name: 'kg', translationCode: 'UNITY_KILOGRAM', uneceTradeUnitCode: 'KGM' },
	{ id: 5, name: 't', translationCode: 'UNITY_TON', uneceTradeUnitCode: 'TNE' },
	{ id: 6, name: 'lfm', translationCode: 'UNITY_RUNNING_METER', uneceTradeUnitCode: 'LM' },
	{ id: 7, name: 'pauschal', translationCode: 'UNITY_FLAT_RATE', uneceTradeUnitCode: 'LS' },
	{ id: 8, name: 'm³', translationCode: 'UNITY_CUBIC_METER', uneceTradeUnitCode: 'MTQ' },
	{ id: 9, name: 'Std', translationCode: 'UNITY_HOUR', uneceTradeUnitCode: 'HUR' },
	{ id: 10, name: 'km', translationCode: 'UNITY_KILOMETER', uneceTradeUnitCode: 'KMT' },
	{ id: 11, name: '%', translationCode: 'UNITY_PERCENT', uneceTradeUnitCode: 'P1' },
	{ id: 12, name: 'Tag(e)', translationCode: 'UNITY_DAY', uneceTradeUnitCode: 'DAY' },
	{ id: 13, name: 'l', translationCode: 'UNITY_LITER', uneceTradeUnitCode: 'LTR' },
];

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');

export class SevDeskStore {
	contacts: StoredRecord[] = [];

	invoices: StoredRecord[] = [];

	positions: StoredRecord[] = [];

	units: StoredRecord[] = [];

	users: StoredRecord[] = [];

	private nextId = 1000;

	private nextInvoiceNumber = 1000;

	constructor() {
		this.reset();
	}

	reset(): void {
		this.contacts = [];
		this.invoices = [];
		this.positions = [];
		this.units = DEFAULT_UNITS.map((unit) => this.unitRecord(unit));
		this.users = [{ id: '1', objectName: 'SevUser', username: 'owner@example.com', fullname: 'Account Owner' }];
		this.nextId = 1000;
		this.nextInvoiceNumber = 1000;
	}

	newId(): number {
		return ++this.nextId;
	}

	newInvoiceNumber(): string {
		return `RE-${++this.nextInvoiceNumber}`;
	}

	seed(data: SeedData): void {
		for (const contact of data.contacts ?? []) {
			this.contacts.push({
				id: String(contact.id ?? this.newId()),
				objectName: 'Contact',
				create: now(),
				update: now(),
				name: contact.name ?? null,
				surename: contact.surename ?? null,
				familyname: contact.familyname ?? null,
				name2: null,
				customerNumber: contact.customerNumber ?? null,
				status: '1000',
				category: { id: String(contact.categoryId ?? 3), objectName: 'Category' },
				parent: null,
				vatNumber: null,
				taxNumber: null,
				exemptVat: '0',
				defaultTimeToPay: null,
			});
		}
		if (data.units) this.units = data.units.map((unit) => this.unitRecord(unit));
		if (data.users) this.users = data.users.map((user) => ({ id: String(user.id), objectName: 'SevUser', username: user.username ?? null, fullname: user.fullname ?? null }));
		for (const invoice of data.invoices ?? []) {
			this.invoices.push(
				this.invoiceRecord({
					id: invoice.id ?? this.newId(),
					contactId: invoice.contactId,
					status: invoice.status ?? 100,
					customerInternalNote: invoice.customerInternalNote ?? null,
					header: invoice.header ?? null,
					invoiceNumber: invoice.invoiceNumber ?? this.newInvoiceNumber(),
				}),
			);
		}
	}

	/** An invoice as GET /Invoice answers it; head values a test seeds without saveInvoice. */
	invoiceRecord(head: { id: number; contactId: number; status: number; customerInternalNote: string | null; header: string | null; invoiceNumber: string | null }): StoredRecord {
		return {
			id: String(head.id),
			objectName: 'Invoice',
			invoiceNumber: head.invoiceNumber,
			contact: { id: String(head.contactId), objectName: 'Contact' },
			create: now(),
			update: now(),
			invoiceDate: '2026-12-01T00:00:00+01:00',
			header: head.header,
			headText: null,
			footText: null,
			timeToPay: null,
			discount: '0',
			discountTime: null,
			address: null,
			addressCountry: { id: '1', objectName: 'StaticCountry' },
			deliveryDate: null,
			deliveryDateUntil: null,
			status: String(head.status),
			contactPerson: { id: '1', objectName: 'SevUser' },
			taxRate: '0',
			taxRule: { id: '1', objectName: 'TaxRule' },
			taxText: 'Umsatzsteuer 19%',
			taxType: 'default',
			taxSet: null,
			invoiceType: 'RE',
			currency: 'EUR',
			sumNet: '0',
			sumTax: '0',
			sumGross: '0',
			sumDiscounts: '0',
			paidAmount: 0,
			customerInternalNote: head.customerInternalNote,
			showNet: '1',
			enshrined: null,
			sendType: null,
			sendDate: null,
			payDate: null,
			origin: null,
		};
	}

	positionsOf(invoiceId: string): StoredRecord[] {
		return this.positions.filter((position) => (position.invoice as { id: string }).id === invoiceId);
	}

	/** Recomputes an invoice's sums from its positions (net prices), as strings. */
	resum(invoice: StoredRecord): void {
		let net = 0;
		let tax = 0;
		for (const position of this.positionsOf(String(invoice.id))) {
			const positionNet = Number(position.sumNetAccounting);
			net += positionNet;
			tax += (positionNet * Number(position.taxRate)) / 100;
		}
		invoice.sumNet = money(net);
		invoice.sumTax = money(tax);
		invoice.sumGross = money(net + tax);
		invoice.update = now();
	}

	private unitRecord(unit: SeedUnit): StoredRecord {
		return {
			id: String(unit.id),
			objectName: 'Unity',
			create: now(),
			update: now(),
			name: unit.name,
			translationCode: unit.translationCode ?? null,
			unitySystem: 'metric',
			uneceTradeUnitCode: unit.uneceTradeUnitCode ?? null,
		};
	}
}

/** An amount as sevDesk writes it: a string with up to two decimals. */
export function money(value: number): string {
	return String(Math.round((value + Number.EPSILON) * 100) / 100);
}

export { now as sevDeskTimestamp };
