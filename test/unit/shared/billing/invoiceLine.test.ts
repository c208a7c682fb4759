import { InvoiceLineError, invoiceReferenceOf, plannedReferenceOf, readInvoiceLine, referencesIn } from '../../../../nodes/shared/billing/invoiceLine';

const position = { positionId: 'pos-1', text: 'Design', quantity: 2.5, unit: 'hours', unitPrice: 120, timeEntryIds: ['b', 'a'] };

function fieldOf(run: () => unknown): string | undefined {
	try {
		run();
	} catch (error) {
		return error instanceof InvoiceLineError ? error.field : 'not an InvoiceLineError';
	}
	return undefined;
}

describe('invoice line of a position', () => {
	it('reads a position as To Invoice Positions outputs it, numbers given as text too', () => {
		expect(readInvoiceLine(position)).toEqual({ positionId: 'pos-1', text: 'Design', quantity: 2.5, unit: 'hours', unitPrice: 120, timeEntryIds: ['b', 'a'] });
		expect(readInvoiceLine({ ...position, quantity: '1.25', unitPrice: '90', unit: 'days' })).toMatchObject({ quantity: 1.25, unitPrice: 90, unit: 'days' });
	});

	it('names the field of a line that would bill the wrong amount', () => {
		expect(fieldOf(() => readInvoiceLine({ ...position, text: '  ' }))).toBe('text');
		expect(fieldOf(() => readInvoiceLine({ ...position, quantity: 0 }))).toBe('quantity');
		expect(fieldOf(() => readInvoiceLine({ ...position, quantity: 'two' }))).toBe('quantity');
		expect(fieldOf(() => readInvoiceLine({ ...position, unitPrice: -1 }))).toBe('unitPrice');
		expect(fieldOf(() => readInvoiceLine({ ...position, unitPrice: undefined }))).toBe('unitPrice');
		expect(fieldOf(() => readInvoiceLine({ ...position, unit: 'minutes' }))).toBe('unit');
		expect(fieldOf(() => readInvoiceLine({ ...position, timeEntryIds: 'a,b' }))).toBe('timeEntryIds');
	});
});

describe('invoice reference', () => {
	it('is the same for the same time entries, whatever the lines', () => {
		const reference = invoiceReferenceOf([{ timeEntryIds: ['a', 'b'] }, { timeEntryIds: ['c'] }]);
		expect(reference).toMatch(/^awork-[0-9a-f]{24}$/);
		expect(invoiceReferenceOf([{ timeEntryIds: ['c', 'b', 'a'] }])).toBe(reference);
		expect(invoiceReferenceOf([{ timeEntryIds: ['a'] }, { timeEntryIds: ['a', 'b', 'c'] }])).toBe(reference);
	});

	it('differs when one entry differs, and refuses lines that name no entry', () => {
		expect(invoiceReferenceOf([{ timeEntryIds: ['a', 'b'] }])).not.toBe(invoiceReferenceOf([{ timeEntryIds: ['a', 'c'] }]));
		expect(fieldOf(() => invoiceReferenceOf([{ timeEntryIds: [] }]))).toBe('timeEntryIds');
	});
});

describe('references in a text', () => {
	it('finds every distinct reference, in plain text or HTML, and nothing that only looks like one', () => {
		const a = invoiceReferenceOf([{ timeEntryIds: ['a'] }]);
		const b = invoiceReferenceOf([{ timeEntryIds: ['b'] }]);
		expect(referencesIn(`Ref: ${a}, ${b}; ${a}`)).toEqual([a, b]);
		expect(referencesIn(`<p>${a}</p>`)).toEqual([a]);
		expect(referencesIn(`${a}0`)).toEqual([]);
		expect(referencesIn('awork-123')).toEqual([]);
		expect(referencesIn(null)).toEqual([]);
	});
});

describe('planned reference from a field', () => {
	const planned = invoiceReferenceOf([{ timeEntryIds: ['a', 'b'] }]);

	it('is the one reference all items carry, read at a dot path', () => {
		expect(plannedReferenceOf([{ invoicePlan: planned }, { invoicePlan: ` ${planned} ` }], 'invoicePlan')).toBe(planned);
		expect(plannedReferenceOf([{ plan: { reference: planned } }], 'plan.reference')).toBe(planned);
	});

	it('is none when the option is empty or no item carries one (the reference is then made from the entries)', () => {
		expect(plannedReferenceOf([{ invoicePlan: planned }], '  ')).toBeNull();
		expect(plannedReferenceOf([{ invoicePlan: '' }, {}], 'invoicePlan')).toBeNull();
		expect(plannedReferenceOf([{ plan: null }], 'plan.reference')).toBeNull();
	});

	it('refuses items of one invoice with different or missing plans, and a value that is no reference, naming the field', () => {
		const other = invoiceReferenceOf([{ timeEntryIds: ['c'] }]);
		expect(fieldOf(() => plannedReferenceOf([{ invoicePlan: planned }, { invoicePlan: other }], 'invoicePlan'))).toBe('invoicePlan');
		expect(fieldOf(() => plannedReferenceOf([{ invoicePlan: planned }, {}], 'invoicePlan'))).toBe('invoicePlan');
		expect(fieldOf(() => plannedReferenceOf([{ invoicePlan: 'INV-7' }], 'invoicePlan'))).toBe('invoicePlan');
		expect(fieldOf(() => plannedReferenceOf([{ invoicePlan: `${planned}0` }], 'invoicePlan'))).toBe('invoicePlan');
	});
});
