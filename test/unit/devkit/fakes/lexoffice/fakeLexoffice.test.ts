import { DEFAULT_LEXOFFICE_KEY, startFakeLexoffice, type RunningFakeLexoffice } from '../../../../../devkit/fakes/lexoffice';

describe('fake Lexoffice', () => {
	let lex: RunningFakeLexoffice;
	let contactId: string;

	beforeEach(async () => {
		lex = await startFakeLexoffice({ rateLimit: false });
		contactId = lex.fake.addContact({ companyName: 'ACME GmbH' }).id;
	});
	afterEach(async () => await lex.close());

	const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
		const answer = await fetch(`${lex.baseUrl}${path}`, {
			method,
			headers: { Authorization: `Bearer ${DEFAULT_LEXOFFICE_KEY}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await answer.text();
		return { status: answer.status, headers: answer.headers, body: text ? JSON.parse(text) : undefined };
	};

	const invoice = (overrides: Record<string, unknown> = {}) => ({
		voucherDate: '2026-06-01T00:00:00.000+02:00',
		address: { contactId },
		lineItems: [{ type: 'custom', name: 'Konzeption', quantity: 7.5, unitName: 'Stunde', unitPrice: { currency: 'EUR', netAmount: 95, taxRatePercentage: 19 }, discountPercentage: 0 }],
		totalPrice: { currency: 'EUR' },
		taxConditions: { taxType: 'net' },
		shippingConditions: { shippingType: 'service', shippingDate: '2026-05-31T00:00:00.000+02:00' },
		...overrides,
	});
	const fields = (body: { details?: Array<{ field: string }> }) => (body.details ?? []).map((detail) => detail.field);

	it('creates a draft (201, action result, Location) and serves it with totals and a null number', async () => {
		const created = await call('POST', '/v1/invoices', invoice({ remark: 'Ref: awork-1' }));
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ id: expect.any(String), version: 1, resourceUri: `${lex.baseUrl}/v1/invoices/${created.body.id}` });
		expect(created.headers.get('location')).toBe(created.body.resourceUri);
		const read = await call('GET', `/v1/invoices/${created.body.id}`);
		expect(read.body).toMatchObject({ voucherStatus: 'draft', voucherNumber: null, remark: 'Ref: awork-1', totalPrice: { totalNetAmount: 712.5, totalGrossAmount: 847.88 } });
		expect(read.body.lineItems[0].lineItemAmount).toBe(712.5);
		expect((await call('GET', `/v1/invoices/${created.body.id}/file`)).status).toBe(409);
	});

	it('refuses a body the way Lexware does: required fields, read-only and unknown properties, formats, tax rules', async () => {
		const missing = await call('POST', '/v1/invoices', { voucherDate: '2026-06-01T00:00:00.000Z' });
		expect(missing.status).toBe(406);
		expect(missing.body).toMatchObject({ status: 406, error: 'Not Acceptable', path: '/v1/invoices' });
		expect(fields(missing.body)).toEqual(['taxConditions', 'address', 'totalPrice', 'shippingConditions', 'lineItems']);

		const wrong = await call('POST', '/v1/invoices', invoice({ id: 'x', voucherDate: '2026-06-01', remarks: 'typo', lineItems: [{ type: 'custom', name: 'A', quantity: 1.23456, unitName: 'h', unitPrice: { currency: 'USD', netAmount: 1, taxRatePercentage: 16 }, lineItemAmount: 1 }] }));
		expect(fields(wrong.body)).toEqual([
			'id',
			'remarks',
			'voucherDate',
			'lineItems[0].lineItemAmount',
			'lineItems[0].quantity',
			'lineItems[0].unitPrice.currency',
			'lineItems[0].unitPrice.taxRatePercentage',
		]);

		const vatFree = await call('POST', '/v1/invoices', invoice({ taxConditions: { taxType: 'vatfree' } }));
		expect(vatFree.body.details).toEqual([{ violation: 'INVALID', field: 'lineItems[0].unitPrice.taxRatePercentage', message: 'must be 0 for tax type vatfree' }]);
		const gross = await call('POST', '/v1/invoices', invoice({ taxConditions: { taxType: 'gross' } }));
		expect(fields(gross.body)).toEqual(['lineItems[0].unitPrice.grossAmount']);
		const period = await call('POST', '/v1/invoices', invoice({ shippingConditions: { shippingType: 'serviceperiod', shippingDate: '2026-05-01T00:00:00.000Z' } }));
		expect(fields(period.body)).toEqual(['shippingConditions.shippingEndDate']);
		const long = await call('POST', '/v1/invoices', invoice({ title: 'x'.repeat(26), remark: 'x'.repeat(2001) }));
		expect(fields(long.body)).toEqual(['title', 'remark']);
		expect(lex.fake.store.invoices).toHaveLength(0);
	});

	it('wants JSON (415) and a customer (406), and has no update or delete of invoices (404)', async () => {
		expect((await call('POST', '/v1/invoices', undefined, { 'Content-Type': 'text/plain' })).status).toBe(415);
		const vendor = lex.fake.addContact({ companyName: 'Supplier', customer: false }).id;
		const refused = await call('POST', '/v1/invoices', invoice({ address: { contactId: vendor } }));
		expect(fields(refused.body)).toEqual(['address.contactId']);
		const created = await call('POST', '/v1/invoices', invoice());
		for (const method of ['PUT', 'PATCH', 'DELETE']) expect((await call(method, `/v1/invoices/${created.body.id}`, {})).status).toBe(404);
	});

	it('answers 401 with the gateway body without a valid key', async () => {
		const answer = await call('GET', '/v1/profile', undefined, { Authorization: 'Bearer nope' });
		expect(answer).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
	});

	it('allows 2 requests per second per key, then 429 in the regular body; switchable off', async () => {
		lex.fake.rateLimitEnabled = true;
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call('GET', '/v1/profile')).status);
		expect(statuses).toEqual([200, 200, 429]);
		expect(lex.fake.log[2].status).toBe(429);
		lex.fake.rateLimitEnabled = false;
		expect((await call('GET', '/v1/profile')).status).toBe(200);
	});

	it('serves the voucherlist only with voucherType and voucherStatus, paged from 0, newest first', async () => {
		expect((await call('GET', '/v1/voucherlist')).status).toBe(400);
		expect((await call('GET', '/v1/voucherlist?voucherType=invoice&voucherStatus=overdue,draft')).status).toBe(400);
		for (let i = 0; i < 3; i++) await call('POST', '/v1/invoices', invoice());
		const page = await call('GET', `/v1/voucherlist?voucherType=invoice&voucherStatus=draft&contactId=${contactId}&page=1&size=2&sort=createdDate,DESC`);
		expect(page.body).toMatchObject({ first: false, last: true, totalPages: 2, totalElements: 3, numberOfElements: 1, size: 2, number: 1 });
		expect(page.body.content[0]).toMatchObject({ voucherType: 'invoice', voucherStatus: 'draft', contactId, contactName: 'ACME GmbH', voucherNumber: null });
		expect(Object.keys(page.body.content[0])).not.toContain('remark');
		expect((await call('GET', '/v1/voucherlist?voucherType=invoice&voucherStatus=draft&size=251')).status).toBe(400);
	});

	it('filters contacts like Lexware: names from 3 characters (legacy 400 below), HTML-encoded, with wildcards', async () => {
		lex.fake.addContact({ companyName: 'Johnson & Partner' });
		const short = await call('GET', '/v1/contacts?name=jo');
		expect(short).toMatchObject({ status: 400, body: { IssueList: [{ i18nKey: 'search_string_too_short', source: 'name', type: 'bad_request_error' }] } });
		const found = await call('GET', `/v1/contacts?name=${encodeURIComponent('johnson &amp; p%')}&customer=true`);
		expect(found.body.content.map((contact: { company: { name: string } }) => contact.company.name)).toEqual(['Johnson & Partner']);
		expect((await call('GET', '/v1/contacts/nope')).body).toEqual({ IssueList: [{ i18nKey: 'not_found', source: 'id', type: 'not_found', additionalData: null, args: null }] });
	});
});
