/** The fake PSA keeps the contract of docs/onepsa-api.md; the node's tests rely on it. */
import { startFakeOnePsa, type RunningFakeOnePsa } from '../../../../../devkit/fakes/onepsa';

const auth = { 'x-integration-key': 'psa-integration-key', 'x-tenant-id': 'tenant-1', 'content-type': 'application/json' };

describe('fake The One PSA', () => {
	let psa: RunningFakeOnePsa;
	const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
		const response = await fetch(`${psa.baseUrl}${path}`, {
			method,
			headers: { ...auth, ...headers },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
	};

	beforeEach(async () => {
		psa = await startFakeOnePsa({ rateLimit: { limit: 3, intervalMs: 60_000 } });
		await fetch(`${psa.controlUrl}/seed`, {
			method: 'POST',
			body: JSON.stringify({ contracts: [{ id: 'ctr_1', number: 'C-1' }] }),
		});
	});
	afterEach(async () => await psa.close());

	it('checks the integration key and tenant, and the Bearer key once one is configured', async () => {
		expect((await call('GET', '/api/contracts', undefined, { 'x-integration-key': '' })).body).toMatchObject({ code: 'unauthorized' });
		expect((await call('GET', '/api/contracts', undefined, { 'x-tenant-id': 'other' })).status).toBe(401);
		await fetch(`${psa.controlUrl}/tenants/tenant-1`, { method: 'PUT', body: JSON.stringify({ apiKey: 'tos_k' }) });
		expect((await call('GET', '/api/contracts')).body).toMatchObject({ code: 'invalid_api_key' });
		expect((await call('GET', '/api/contracts', undefined, { authorization: 'Bearer tos_k' })).status).toBe(200);
	});

	it('limits each tenant per window with 429, Retry-After and X-RateLimit headers on every answer', async () => {
		const answers = [];
		for (let n = 0; n < 4; n++) answers.push(await call('GET', '/api/contracts'));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
		expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
		expect(answers.every((a) => a.headers.get('x-ratelimit-limit') === '3' && Number(a.headers.get('x-ratelimit-reset')) > Date.now() / 1000)).toBe(true);
		expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
		expect(answers[3].body).toMatchObject({ code: 'rate_limited' });
	});

	it('keeps externalId unique per tenant, answers batches with 207 and refuses more than 100 entries', async () => {
		psa.fake.setRateLimit(1000);
		const entry = (externalId: string) => ({ externalId, date: '2024-05-01', hours: 1.5 });
		const single = await call('POST', '/api/contracts/ctr_1/time-entries', entry('a'));
		expect(single.status).toBe(201);
		const duplicate = await call('POST', '/api/contracts/ctr_1/time-entries', entry('a'));
		expect(duplicate).toMatchObject({ status: 409, body: { code: 'duplicate_external_id', details: { id: single.body.id } } });

		const batch = await call('POST', '/api/contracts/ctr_1/time-entries/batch', { entries: [entry('a'), entry('b'), { ...entry('c'), hours: 0 }] });
		expect(batch.status).toBe(207);
		expect(batch.body).toEqual({
			created: [{ externalId: 'b', id: expect.any(String) }],
			duplicates: [{ externalId: 'a', id: single.body.id }],
			failed: [{ externalId: 'c', error: expect.stringMatching(/hours/) }],
		});
		const tooMany = await call('POST', '/api/contracts/ctr_1/time-entries/batch', { entries: Array.from({ length: 101 }, (_, n) => entry(`x${n}`)) });
		expect(tooMany).toMatchObject({ status: 400, body: { code: 'batch_too_large' } });
		expect((await call('GET', '/api/contracts?pageSize=201')).status).toBe(400);
	});

	it('answers a repeated Idempotency-Key on the same path with the first answer, marked as replayed', async () => {
		psa.fake.setRateLimit(1000);
		const key = { 'idempotency-key': 'k-1' };
		const first = await call('POST', '/api/tickets', { subject: 'Hi', priority: 'low' }, key);
		const again = await call('POST', '/api/tickets', '{ "priority": "low", "subject": "Hi" }', key);
		expect(again.body).toEqual(first.body);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(first.headers.get('idempotent-replayed')).toBeNull();
		const otherBody = await call('POST', '/api/tickets', { subject: 'Other', priority: 'low' }, key);
		expect(otherBody).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
		expect(psa.fake.state().tickets).toHaveLength(1);
	});

	it('offers state, request log and reset through the control API', async () => {
		await call('GET', '/api/contracts/ctr_1');
		const state = (await (await fetch(`${psa.controlUrl}/state`)).json()) as { contracts: unknown[] };
		expect(state.contracts).toEqual([expect.objectContaining({ id: 'ctr_1', supportsBatch: true })]);
		const requests = (await (await fetch(`${psa.controlUrl}/requests`)).json()) as Array<{ path: string }>;
		expect(requests.map((r) => r.path)).toEqual(['/api/contracts/ctr_1']);
		await fetch(`${psa.controlUrl}/state`, { method: 'DELETE' });
		expect(((await (await fetch(`${psa.controlUrl}/state`)).json()) as { contracts: unknown[] }).contracts).toEqual([]);
	});
});
