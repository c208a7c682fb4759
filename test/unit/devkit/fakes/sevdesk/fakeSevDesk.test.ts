/** The fake sevDesk answers and refuses the way docs/billing/sevdesk.md says sevDesk does. */
import { DEFAULT_SEVDESK_TOKEN, startFakeSevDesk, type RunningFakeSevDesk } from '../../../../../devkit/fakes/sevdesk';

type Json = Record<string, unknown>;

const validInvoice = (extra: Json = {}): Json => ({
	objectName: 'Invoice',
	mapAll: true,
	invoiceDate: '01.12.2026',
	contact: { id: 501, objectName: 'Contact' },
	contactPerson: { id: 1, objectName: 'SevUser' },
	addressCountry: { id: 1, objectName: 'StaticCountry' },
	discount: 0,
	status: 100,
	taxRate: 0,
	taxRule: { id: '1', objectName: 'TaxRule' },
	taxText: 'Umsatzsteuer 19%',
	invoiceType: 'RE',
	currency: 'EUR',
	...extra,
});
const validPosition = (extra: Json = {}): Json => ({ objectName: 'InvoicePos', mapAll: true, quantity: 2, price: 100, name: 'Work', unity: { id: 9, objectName: 'Unity' }, taxRate: 19, ...extra });

describe('fake sevDesk', () => {
	let sevDesk: RunningFakeSevDesk;
	const call = async (method: string, path: string, body?: unknown, token = DEFAULT_SEVDESK_TOKEN) => {
		const response = await fetch(`${sevDesk.baseUrl}${path}`, {
			method,
			headers: { Authorization: token, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, headers: response.headers, body: (await response.json().catch(() => undefined)) as Json };
	};
	const save = async (invoice: Json, positions: Json[] = [validPosition()], extra: Json = {}) =>
		await call('POST', '/Invoice/Factory/saveInvoice', { invoice, invoicePosSave: positions, invoicePosDelete: null, discountSave: null, discountDelete: null, ...extra });
	const errorOf = (answer: { body: Json }) => (answer.body.error as { message: string }).message;

	beforeEach(async () => {
		sevDesk = await startFakeSevDesk({ rateLimit: null });
		sevDesk.fake.seed({ contacts: [{ id: 501, name: 'Acme GmbH' }] });
	});
	afterEach(async () => await sevDesk.close());

	it('takes the raw token only (also as ?token=), and says so for a Bearer one', async () => {
		expect((await call('GET', '/Tools/bookkeepingSystemVersion')).body).toEqual({ objects: { version: '2.0' } });
		const bearer = await call('GET', '/Contact', undefined, `Bearer ${DEFAULT_SEVDESK_TOKEN}`);
		expect(bearer.status).toBe(401);
		expect(errorOf(bearer)).toBe('Authentication required (send the token without "Bearer")');
		expect((await fetch(`${sevDesk.baseUrl}/Contact?token=${DEFAULT_SEVDESK_TOKEN}`)).status).toBe(200);
	});

	it('creates a draft, answering 201 wrapped in objects, with IDs and status as strings', async () => {
		const answer = await save(validInvoice({ customerInternalNote: 'awork-abc' }));
		expect(answer.status).toBe(201);
		const { invoice, invoicePos } = answer.body.objects as { invoice: Json; invoicePos: Json[] };
		expect(invoice).toMatchObject({ objectName: 'Invoice', status: '100', customerInternalNote: 'awork-abc', sumNet: 200, sumGross: 238 });
		expect(typeof invoice.id).toBe('string');
		expect(invoicePos[0]).toMatchObject({ quantity: '2', price: '100', taxRate: '19', unity: { id: '9', objectName: 'Unity' }, sumNetAccounting: '200' });
		const listed = await call('GET', `/Invoice?customerIntenalNote=awork-abc&contact[id]=501&contact[objectName]=Contact&countAll=true`);
		expect(listed.body).toMatchObject({ total: '1', objects: [{ id: invoice.id }] });
	});

	it('creates only drafts, and changes only drafts', async () => {
		const open = await save(validInvoice({ status: 200 }));
		expect(open.status).toBe(422);
		expect(errorOf(open)).toMatch(/^invoice\.status: invoices can only be created as drafts/);
		const draft = await save(validInvoice());
		const id = Number(((draft.body.objects as Json).invoice as Json).id);
		sevDesk.fake.store.invoices[0].status = '200';
		const update = await save({ id, objectName: 'Invoice', mapAll: true }, [validPosition()]);
		expect(update.status).toBe(422);
		expect(errorOf(update)).toBe(`invoice.id: invoice ${id} has status 200; only drafts (100) can be changed`);
	});

	it('adds positions to a draft given only its ID (the minimal form), keeping the others', async () => {
		const draft = await save(validInvoice());
		const id = Number(((draft.body.objects as Json).invoice as Json).id);
		const update = await save({ id, objectName: 'Invoice', mapAll: true }, [validPosition({ name: 'More' })]);
		expect(update.status).toBe(201);
		const positions = await call('GET', `/Invoice/${id}/getPositions`);
		expect((positions.body.objects as Json[]).map((position) => position.name)).toEqual(['Work', 'More']);
	});

	it.each([
		['a missing required field', validInvoice({ contactPerson: undefined }), [validPosition()], 400, 'invoice.contactPerson is required'],
		['an unknown property', validInvoice({ reference: 'x' }), [validPosition()], 400, 'Unknown parameter invoice.reference'],
		['a number as a string', validInvoice(), [validPosition({ quantity: '2' })], 400, 'invoicePosSave[0].quantity must be a number, got "2"'],
		['a date in another format', validInvoice({ invoiceDate: '2026-12-01' }), [validPosition()], 400, 'invoice.invoiceDate must be a date as dd.mm.yyyy or a timestamp, got "2026-12-01"'],
		['no tax rule on bookkeeping 2.0', validInvoice({ taxRule: undefined, taxType: 'default' }), [validPosition()], 422, 'invoice.taxRule is required (sevdesk-Update 2.0)'],
		['a rate the tax rule does not allow', validInvoice({ taxRule: { id: 11, objectName: 'TaxRule' } }), [validPosition()], 422, 'invoicePosSave[0].taxRate 19 is not allowed for tax rule 11 (allowed: 0)'],
		['an unknown unit', validInvoice(), [validPosition({ unity: { id: 99, objectName: 'Unity' } })], 400, 'invoicePosSave[0].unity.id: no unit with ID 99'],
		['a position without mapAll', validInvoice(), [validPosition({ mapAll: undefined })], 400, 'invoicePosSave[0].mapAll must be true, got undefined'],
	])('refuses %s, naming the field', async (_name, invoice, positions, status, message) => {
		const answer = await save(JSON.parse(JSON.stringify(invoice)) as Json, JSON.parse(JSON.stringify(positions)) as Json[]);
		expect([answer.status, errorOf(answer)]).toEqual([status, message]);
		expect(answer.body.objects).toBeNull();
		expect(sevDesk.fake.store.invoices).toHaveLength(0);
	});

	it('accepts invoicePos as an alias of invoicePosSave, and refuses an unknown top-level key', async () => {
		const alias = await call('POST', '/Invoice/Factory/saveInvoice', { invoice: validInvoice(), invoicePos: [validPosition()] });
		expect(alias.status).toBe(201);
		const unknown = await call('POST', '/Invoice/Factory/saveInvoice', { invoice: validInvoice(), positions: [validPosition()] });
		expect([unknown.status, errorOf(unknown)]).toEqual([400, 'Unknown parameter positions']);
	});

	it('pages with limit (at most 1000) and offset, total as a string', async () => {
		sevDesk.fake.seed({ contacts: Array.from({ length: 5 }, (_, n) => ({ id: 900 + n, name: `C${n}` })) });
		const page = await call('GET', '/Contact?limit=2&offset=2&countAll=true');
		expect(page.body).toMatchObject({ total: '6' });
		expect((page.body.objects as Json[]).map((contact) => contact.id)).toEqual(['901', '902']);
		expect((await call('GET', '/Contact?limit=1001')).status).toBe(400);
	});

	it('answers 429 with Retry-After over its limit, and not when the limit is off', async () => {
		sevDesk.fake.setRateLimit(2, 1000);
		const statuses = [];
		for (let n = 0; n < 3; n++) statuses.push((await call('GET', '/Unity')).status);
		expect(statuses).toEqual([200, 200, 429]);
		const limited = await call('GET', '/Unity');
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		sevDesk.fake.setRateLimit(null);
		expect((await call('GET', '/Unity')).status).toBe(200);
	});

	it('lists units with hour 9 and day 12, and an unknown invoice is a 400', async () => {
		const units = (await call('GET', '/Unity')).body.objects as Json[];
		expect(units.filter((unit) => ['9', '12'].includes(unit.id as string)).map((unit) => unit.translationCode)).toEqual(['UNITY_HOUR', 'UNITY_DAY']);
		expect((await call('GET', '/Invoice/123')).status).toBe(400);
	});
});
