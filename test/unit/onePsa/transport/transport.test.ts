import { startFakeOnePsa, type RunningFakeOnePsa } from '../../../../devkit/fakes/onepsa';
import { readRateLimitWait, RETRY_AFTER } from '../../../../nodes/shared/http';
import { endpointPath, filterQuery } from '../../../../nodes/OnePsa/transport/endpoints';
import { idempotencyKeyFor } from '../../../../nodes/OnePsa/transport/idempotency';
import { byId, runOnePsa } from '../helpers';

const getContract = { resource: 'contract', operation: 'get', contractId: byId('ctr_1') };

describe('OnePsa transport', () => {
	let psa: RunningFakeOnePsa;

	beforeEach(async () => {
		psa = await startFakeOnePsa({ burstRetryAfterSeconds: 1 });
		psa.fake.seed({ contracts: [{ id: 'ctr_1', name: 'Support' }] });
	});
	afterEach(async () => await psa.close());

	it('waits out a 429 for its Retry-After and then succeeds', async () => {
		psa.fake.server.faults.burst429 = 2;
		const run = await runOnePsa(psa, getContract);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.id).toBe('ctr_1');
		const log = psa.fake.log;
		expect(log.map((r) => r.status)).toEqual([429, 429, 200]);
		// Each retry came no earlier than the Retry-After (1 s) the PSA asked for.
		expect(log[1].at - log[0].at).toBeGreaterThanOrEqual(1000);
		expect(log[2].at - log[1].at).toBeGreaterThanOrEqual(1000);
	});

	it('gives up after a bounded number of 429s with an error that explains the limit', async () => {
		await fetch(`${psa.controlUrl}/settings`, { method: 'PUT', body: JSON.stringify({ burstRetryAfterSeconds: 0 }) });
		psa.fake.server.faults.burst429 = 50;
		const run = await runOnePsa(psa, getContract);
		expect(run.error?.message).toMatch(/rate limit \(100 requests per minute per tenant\)/);
		expect(psa.fake.log).toHaveLength(6);
	});

	it('retries a read after 503s, and a write after cut connections because it carries an Idempotency-Key', async () => {
		psa.fake.server.faults.errorRate = 1;
		psa.fake.server.faults.errorStatus = 503;
		const failing = await runOnePsa(psa, getContract);
		expect(failing.error?.message).toMatch(/server error \(HTTP 503\)/);
		expect(psa.fake.log).toHaveLength(4);

		psa.fake.server.faults.errorRate = 0;
		psa.fake.log.length = 0;
		psa.fake.server.faults.resetAfterCommitRate = 1;
		psa.fake.server.setSeed(7);
		// Every ticket create is answered by a cut connection after it was stored: four tries,
		// one ticket, because the PSA recognises the repeated Idempotency-Key.
		const write = await runOnePsa(psa, { resource: 'ticket', operation: 'create', subject: 'Down', priority: 'low', description: '' });
		expect(write.error?.message).toBe('Could not reach The One PSA for POST /api/tickets');
		expect(psa.fake.log).toHaveLength(4);
		expect(new Set(psa.fake.log.map((r) => r.headers['idempotency-key'])).size).toBe(1);
		expect(psa.fake.state().tickets).toHaveLength(1);
	}, 60_000);

	it('maps the PSA error body to an error that says what to fix', async () => {
		const wrongKey = await runOnePsa(psa, getContract, { credentials: { integrationKey: 'nope' } });
		expect(wrongKey.error?.message).toBe('The One PSA did not accept the credentials: Integration key is not valid for this tenant');
		expect(wrongKey.error?.description).toMatch(/Integration Key/);
		expect(wrongKey.error?.httpCode).toBe('401');

		psa.fake.setTenant({ tenantId: 'tenant-1', permissions: [] });
		const forbidden = await runOnePsa(psa, getContract);
		expect(forbidden.error?.message).toBe('The One PSA refused GET /api/contracts/ctr_1: the key lacks permission "contracts:read" for product "psa"');
		expect(forbidden.error?.httpCode).toBe('403');

		psa.fake.setTenant({ tenantId: 'tenant-1', permissions: undefined });
		const invalid = await runOnePsa(psa, { resource: 'ticket', operation: 'update', ticketId: byId('tkt_x'), updateFields: { subject: 'x' } });
		expect(invalid.error?.message).toBe('The One PSA found nothing at PATCH /api/tickets/tkt_x: Ticket tkt_x not found');
	});

	it('sends the Bearer API key only when one is set', async () => {
		psa.fake.setTenant({ tenantId: 'tenant-1', apiKey: 'tos_secret' });
		const without = await runOnePsa(psa, getContract);
		expect(without.error?.httpCode).toBe('401');
		const withKey = await runOnePsa(psa, getContract, { credentials: { apiKey: 'tos_secret' } });
		expect(withKey.error).toBeUndefined();
	});

	it('names the API URL when the PSA cannot be reached', async () => {
		const baseUrl = psa.baseUrl;
		await psa.close();
		const run = await runOnePsa({ ...psa, baseUrl }, getContract);
		expect(run.error?.message).toBe('Could not reach The One PSA for GET /api/contracts/ctr_1');
		expect(run.error?.description).toContain(baseUrl);
		psa = await startFakeOnePsa();
	}, 60_000);
});

describe('OnePsa transport helpers', () => {
	it('reads Retry-After in seconds or as a date, and refuses what is not a wait', () => {
		const read = (value: string | undefined, now?: number) => readRateLimitWait({ 'retry-after': value }, RETRY_AFTER, now);
		expect(read('3')).toEqual({ kind: 'wait', ms: 3000 });
		expect(read(undefined)).toEqual({ kind: 'absent' });
		const now = Date.parse('2024-01-01T00:00:00Z');
		expect(read('Mon, 01 Jan 2024 00:00:05 GMT', now)).toEqual({ kind: 'wait', ms: 5000 });
		expect(read('soon')).toMatchObject({ kind: 'refused', value: 'soon' });
	});

	it('fills and encodes paths, and translates filter names', () => {
		expect(endpointPath('createTimeEntriesBatch', { contractId: 'a/b' })).toBe('/api/contracts/a%2Fb/time-entries/batch');
		expect(() => endpointPath('getTicket', {})).toThrow(/ticket ID/);
		expect(filterQuery('listTickets', { search: 'x', number: '', companyId: undefined })).toEqual({ search: 'x' });
		expect(() => filterQuery('listCompanies', { status: 'x' })).toThrow(/status/);
	});

	it('derives the same Idempotency-Key from the same content, whatever the key order', () => {
		const a = idempotencyKeyFor('time-entry', { contractId: 'c', entry: { hours: 1, date: '2024-01-01' } });
		const b = idempotencyKeyFor('time-entry', { entry: { date: '2024-01-01', hours: 1 }, contractId: 'c' });
		const c = idempotencyKeyFor('time-entry', { contractId: 'c', entry: { hours: 2, date: '2024-01-01' } });
		expect(a).toBe(b);
		expect(a).not.toBe(c);
	});
});
