import { HQ_TOKEN, startFakeHq, type RunningFakeHq } from '../../../../../devkit/fakes/hq';

describe('fake HQ', () => {
	let hq: RunningFakeHq;
	const call = async (method: string, path: string, body?: unknown, token = HQ_TOKEN) => {
		const response = await fetch(`${hq.baseUrl}${path}`, {
			method,
			headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
	};
	const invoice = { companyId: 1, currency: 'EUR', date: '2026-12-01T00:00:00', documentTemplateEntityId: 1, documentType: 'Invoice', performancePeriodStartDate: '2026-11-01', performancePeriodEndDate: '2026-11-30', validUntilDate: '2026-12-15' };

	beforeEach(async () => {
		hq = await startFakeHq({ rateLimit: { limit: 5, intervalMs: 60_000 } });
		hq.fake.seed({ companies: Array.from({ length: 3 }, (_, i) => ({ id: i + 1, name: `Company ${i + 1}` })) });
	});
	afterEach(async () => await hq.close());

	it('wants the bearer token', async () => {
		expect((await call('GET', '/v2/Companies', undefined, 'nope')).status).toBe(401);
	});

	it('refuses a document without its required fields, with wrong types or unknown properties, naming each field', async () => {
		const answer = await call('POST', '/v2/Documents', { companyId: '1', documentType: 'Bill', note: 'x' });
		expect(answer.status).toBe(400);
		expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
		expect(Object.keys(answer.body?.errors as object).sort()).toEqual(
			['companyId', 'currency', 'date', 'documentTemplateEntityId', 'documentType', 'note', 'performancePeriodEndDate', 'performancePeriodStartDate', 'validUntilDate'].sort(),
		);
		expect((await call('POST', '/v2/Documents', invoice)).status).toBe(200);
	});

	it('refuses a position without amount, price or tax, or with an unknown unit, and on a non-draft', async () => {
		const { body: document } = await call('POST', '/v2/Documents', invoice);
		const bad = await call('POST', '/v2/DocumentPositions/FreeTextPosition', { documentEntityId: document?.id, text: 'x', unitId1: 9 });
		expect(Object.keys(bad.body?.errors as object).sort()).toEqual(['amount1', 'price', 'tax', 'unitId1']);
		const good = await call('POST', '/v2/DocumentPositions/FreeTextPosition', { documentEntityId: document?.id, text: 'R&amp;D', amount1: 1, unitId1: 1, price: 1, tax: 19 });
		expect((await call('GET', `/v2/DocumentPositions/${String(good.body?.id)}`)).body).toMatchObject({ plainText: 'R&D', unitId1: 1, totalNetValue: 1 });
		hq.fake.setDocumentStatus(document?.id as number, 'Paid');
		const paid = await call('POST', '/v2/DocumentPositions/FreeTextPosition', { documentEntityId: document?.id, text: 'x', amount1: 1, price: 1, tax: 19 });
		expect(paid.body?.errors).toEqual({ documentEntityId: ['Positions can only be added to documents in a draft status.'] });
	});

	it('pages with top/skip or $top/$skip and says what is left in helloHQ-Count and helloHQ-NextLink', async () => {
		const first = await call('GET', '/v2/Companies?$top=2&$skip=0');
		expect((first.body as unknown as unknown[]).length).toBe(2);
		expect(first.headers.get('helloHQ-Count')).toBe('3');
		expect(first.headers.get('helloHQ-NextLink')).toMatch(/\/v2\/Companies\?%24top=2&%24skip=2$/);
		const last = await call('GET', '/v2/Companies?top=2&skip=2');
		expect((last.body as unknown as unknown[]).length).toBe(1);
		expect(last.headers.get('helloHQ-NextLink')).toBe('');
	});

	it('answers 429 with Retry-After over its limit, and not when the limit is switched off', async () => {
		for (let i = 0; i < 5; i++) expect((await call('GET', '/v2/Users')).status).toBe(200);
		const limited = await call('GET', '/v2/Users');
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		hq.fake.settings.rateLimitEnabled = false;
		expect((await call('GET', '/v2/Users')).status).toBe(200);
	});

	it('answers writes in the shape it is set to', async () => {
		hq.fake.settings.writeAnswer = 'location204';
		const answer = await call('POST', '/v2/Documents', invoice);
		expect(answer.status).toBe(204);
		expect(answer.headers.get('location')).toBe(`/v2/Documents/${String(hq.fake.documents[0].id)}`);
	});

	it('refuses a filter it cannot read', async () => {
		expect((await call('GET', "/v2/Companies?filter=contains(name,'a')")).status).toBe(400);
		expect((await call('GET', "/v2/Companies?filter=name eq 'Company 2'")).body).toEqual([{ id: 2, name: 'Company 2' }]);
	});
});
