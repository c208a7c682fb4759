import { httpLimits } from '../../../nodes/shared/http';
import { ACME, createDraft, items, position, runSevDesk, startSevDesk } from './helpers';
import { startFakeSevDesk, type RunningFakeSevDesk } from '../../../devkit/fakes/sevdesk';
import { endpointPath, filterQuery, SEVDESK_ENDPOINTS } from '../../../nodes/SevDesk/transport/endpoints';

const getContact = { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: String(ACME) } };

describe('sevDesk transport', () => {
	let sevDesk: RunningFakeSevDesk;

	beforeEach(async () => {
		sevDesk = await startSevDesk();
	});
	afterEach(async () => await sevDesk.close());

	it('waits out a 429 for its Retry-After, then succeeds', async () => {
		sevDesk.fake.server.faults.burst429 = 2;
		const run = await runSevDesk(sevDesk, getContact);
		expect(run.error).toBeUndefined();
		const log = sevDesk.fake.log;
		expect(log.map((entry) => entry.status)).toEqual([429, 429, 200]);
		expect(log[1].at - log[0].at).toBeGreaterThanOrEqual(1000);
		expect(log[2].at - log[1].at).toBeGreaterThanOrEqual(1000);
	});

	it('does not wait for a huge Retry-After: the error names the header and its value', async () => {
		sevDesk.fake.retryAfterOverride = '86400';
		sevDesk.fake.server.faults.burst429 = 1;
		const run = await runSevDesk(sevDesk, getContact);
		expect(run.error?.message).toBe('sevDesk answered GET /Contact/501 with 429 and Retry-After: "86400", which this node does not wait for: that is longer than the 60 s this node waits for a rate limit');
		expect(sevDesk.fake.log).toHaveLength(1);
	});

	it('gives up after a bounded number of 429s', async () => {
		sevDesk.fake.burstRetryAfterSeconds = 0;
		sevDesk.fake.server.faults.burst429 = 50;
		const run = await runSevDesk(sevDesk, getContact);
		expect(run.error?.message).toBe('sevDesk still answered "too many requests" to GET /Contact/501 after several waits');
		expect(sevDesk.fake.log).toHaveLength(6);
	}, 60_000);

	it('does not follow a redirect, so the token goes nowhere else', async () => {
		sevDesk.fake.redirectTo = 'http://elsewhere.example/api/v1/Contact/501';
		const run = await runSevDesk(sevDesk, getContact);
		expect(run.error?.message).toBe('sevDesk answered GET /Contact/501 with a redirect (HTTP 302) to http://elsewhere.example; it was not followed, so no credentials were sent there');
		expect(sevDesk.fake.log).toHaveLength(1);
	});

	it('says when the token is wrong, and accepts one pasted with "Bearer " by sending it without', async () => {
		const wrong = await runSevDesk(sevDesk, getContact, { credentials: { apiToken: 'nope' } });
		expect(wrong.error?.message).toBe('sevDesk did not accept the API token: Authentication required');
		expect(wrong.error?.description).toMatch(/without "Bearer"/);
		const pasted = await runSevDesk(sevDesk, getContact, { credentials: { apiToken: 'Bearer 0123456789abcdef0123456789abcdef' } });
		expect(pasted.error).toBeUndefined();
		expect(sevDesk.fake.log.at(-1)?.headers.authorization).toBe('0123456789abcdef0123456789abcdef');
	});

	it('passes on sevDesk\'s message, which names the field', async () => {
		const run = await runSevDesk(sevDesk, createDraft({ contactId: { __rl: true, mode: 'id', value: '999' } }), { input: items([position(1)]) });
		expect(run.error?.message).toBe('sevDesk refused POST /Invoice/Factory/saveInvoice (HTTP 400): invoice.contact: no contact with ID 999');
	});

	it('never repeats a save after a 5xx: sevDesk has no idempotency key', async () => {
		sevDesk.fake.failSavesWith = 500;
		const run = await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
		expect(run.error?.message).toBe('sevDesk had a server error (HTTP 500) on POST /Invoice/Factory/saveInvoice: Internal server error');
		expect(sevDesk.fake.apiCalls('POST')).toHaveLength(1);
	});

	it('a save whose answer is lost is found by the next run, not made twice', async () => {
		const deadline = httpLimits.requestDeadlineMs;
		httpLimits.requestDeadlineMs = 300;
		try {
			sevDesk.fake.saveAnswerDelayMs = 1000;
			const lost = await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
			expect(lost.error?.message).toBe('sevDesk did not finish answering POST /Invoice/Factory/saveInvoice within 0.3 s (the deadline for one request)');
			expect(lost.error?.description).toMatch(/finds the invoice by its reference/);
			sevDesk.fake.saveAnswerDelayMs = 0;
			const replay = await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
			expect(replay.items[0].json).toMatchObject({ created: false, positionsWritten: 0 });
			expect(sevDesk.fake.state().invoices).toHaveLength(1);
		} finally {
			httpLimits.requestDeadlineMs = deadline;
		}
	});

	it('paces under sevDesk\'s limit: 12 requests in a row against a fake that allows 5 a second, no 429', async () => {
		const limited = await startFakeSevDesk({ rateLimit: { limit: 5, intervalMs: 1000 } });
		try {
			limited.fake.seed({ contacts: Array.from({ length: 12 }, (_, n) => ({ id: 800 + n, name: `Client ${n}` })) });
			for (let n = 0; n < 12; n++) expect((await runSevDesk(limited, getContactOf(800 + n))).error).toBeUndefined();
			// Without the pacer the fake would have answered 429s, and the retries would show in the log.
			expect(limited.fake.log.map((entry) => entry.status)).toEqual(Array(12).fill(200));
		} finally {
			await limited.close();
		}
	});

	it('keeps every path and filter name in one table', () => {
		expect(endpointPath('getInvoice', { invoiceId: '12' })).toBe('/Invoice/12');
		expect(filterQuery('listInvoices', { contactId: '5', contactObjectName: 'Contact', customerInternalNote: 'awork-x' })).toEqual({
			'contact[id]': '5',
			'contact[objectName]': 'Contact',
			customerIntenalNote: 'awork-x',
		});
		expect(Object.values(SEVDESK_ENDPOINTS).filter((endpoint) => endpoint.source !== 'docs').map((endpoint) => endpoint.path)).toEqual(['/Unity', '/SevUser']);
	});
});

function getContactOf(id: number) {
	return { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: String(id) } };
}
