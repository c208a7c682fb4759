import { startFakeLexoffice, type RunningFakeLexoffice } from '../../../../devkit/fakes/lexoffice';
import { issuesText, readLexofficeError } from '../../../../nodes/Lexoffice/transport/errors';
import { byId, runLexoffice } from '../helpers';

const getMany = { resource: 'invoice', operation: 'getMany', status: 'any', returnAll: true };

describe('Lexoffice transport', () => {
	let lex: RunningFakeLexoffice;

	beforeEach(async () => (lex = await startFakeLexoffice()));
	afterEach(async () => await lex.close());

	it('sends the key as a Bearer token with Accept JSON to /v1 of the Base URL (trailing /v1 or / tolerated)', async () => {
		const run = await runLexoffice(lex, getMany, { credentials: { baseUrl: `${lex.baseUrl}/v1/` } });
		expect(run.error).toBeUndefined();
		expect(lex.fake.log[0]).toMatchObject({ path: '/v1/voucherlist', headers: { authorization: 'Bearer lexoffice-test-key', accept: 'application/json' } });
	});

	it('says the key was refused on 401', async () => {
		const run = await runLexoffice(lex, getMany, { credentials: { apiKey: 'wrong' } });
		expect(run.error?.message).toBe('Lexoffice did not accept the API key: Unauthorized');
		expect(run.error?.description).toMatch(/Add-ons > Public API/);
	});

	it('waits out 429s for their Retry-After, then succeeds', async () => {
		lex.fake.retryAfter = '1';
		lex.fake.server.faults.burst429 = 2;
		const run = await runLexoffice(lex, getMany);
		expect(run.error).toBeUndefined();
		expect(lex.fake.log.map((entry) => entry.status)).toEqual([429, 429, 200]);
		expect(lex.fake.log[1].at - lex.fake.log[0].at).toBeGreaterThanOrEqual(1000);
	});

	it('backs off on a 429 without Retry-After (Lexware documents none) and tries again', async () => {
		lex.fake.server.faults.burst429 = 1;
		const run = await runLexoffice(lex, getMany);
		expect(run.error).toBeUndefined();
		expect(lex.fake.log.map((entry) => entry.status)).toEqual([429, 200]);
	});

	it('gives up after a bounded number of 429s, saying what the limit is', async () => {
		lex.fake.retryAfter = '0';
		lex.fake.server.faults.burst429 = 50;
		const run = await runLexoffice(lex, getMany);
		expect(run.error?.message).toBe('Lexoffice rate limit (2 requests per second) was still exceeded after several retries');
		expect(lex.fake.log).toHaveLength(6);
	});

	it('refuses a huge Retry-After instead of sleeping, naming the header', async () => {
		lex.fake.retryAfter = '86400';
		lex.fake.server.faults.burst429 = 1;
		const run = await runLexoffice(lex, getMany);
		expect(run.error?.message).toMatch(/^Lexoffice answered GET \/v1\/voucherlist with 429 and Retry-After: "86400", which this node does not wait for/);
		expect(lex.fake.log).toHaveLength(1);
	});

	it('does not follow a redirect (the key would travel with it)', async () => {
		lex.fake.redirectTo = 'http://127.0.0.1:1/elsewhere';
		const run = await runLexoffice(lex, getMany);
		expect(run.error?.message).toMatch(/redirect/i);
		expect(lex.fake.log).toHaveLength(1);
	});

	it('stops reading a list whose pages never end', async () => {
		const contactId = lex.fake.addContact({ companyName: 'ACME GmbH' }).id;
		lex.fake.store.invoices.push(...[1, 2, 3].map((n) => ({ id: `inv-${n}`, address: { contactId }, voucherStatus: 'draft', createdDate: '2026-06-01T00:00:00.000Z', totalPrice: {} }) as never));
		lex.fake.ignorePaging = true;
		const run = await runLexoffice(lex, { ...getMany, returnAll: false, limit: 2000 });
		expect(run.error?.message).toBe('Lexoffice answered page 1 of GET /v1/voucherlist with the same records as page 0; it seems to ignore paging, so reading stopped');
		expect(lex.fake.log).toHaveLength(2);
	});

	it('keeps under 2 requests per second: ten reads in a row meet no 429', async () => {
		const contactId = lex.fake.addContact({ companyName: 'ACME GmbH' }).id;
		const run = await runLexoffice(lex, { resource: 'contact', operation: 'get', contactId: byId(contactId) }, { input: Array.from({ length: 10 }, () => ({ json: {} })) });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(10);
		expect(lex.fake.log.map((entry) => entry.status)).toEqual(Array(10).fill(200));
	}, 30_000);

	it('reads both error formats into problems that name the field', () => {
		const regular = readLexofficeError({
			status: 406,
			error: 'Not Acceptable',
			message: 'Validation failed for request.',
			details: [{ violation: 'NOTNULL', field: 'lineItems[0].unitPrice.taxRatePercentage', message: 'darf nicht leer sein' }],
		});
		expect(issuesText(regular.issues)).toBe('"lineItems[0].unitPrice.taxRatePercentage": darf nicht leer sein / NOTNULL');
		const legacy = readLexofficeError({ IssueList: [{ i18nKey: 'missing_entity', source: 'company.name', type: 'validation_failure', additionalData: null, args: null }] });
		expect(issuesText(legacy.issues)).toBe('"company.name": missing_entity / validation_failure');
		expect(readLexofficeError({ message: 'Endpoint request timed out' })).toEqual({ message: 'Endpoint request timed out', issues: [] });
		expect(readLexofficeError('<html>')).toEqual({ message: '<html>', issues: [] });
	});

	it('maps a 406 of the invoice endpoint to the fields Lexware names', async () => {
		const run = await runLexoffice(lex, {
			resource: 'invoice',
			operation: 'createDraft',
			contactId: byId('11111111-2222-3333-4444-555555555555'),
			voucherDate: '2026-06-01',
			taxType: 'net',
			taxRatePercentage: 19,
		}, { input: [{ json: { text: 'Work', quantity: 1, unitPrice: 10, timeEntryIds: ['te-1'] } }] });
		expect(run.error?.message).toBe('Lexoffice rejected POST /v1/invoices (HTTP 406): "address.contactId": contact does not exist / NOT_FOUND');
		expect(run.error?.httpCode).toBe('406');
	});
});
