import type { IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import { searchContacts, searchDraftInvoices, searchInvoiceTemplates } from '../../../nodes/Hq/methods/listSearch';
import { HQ_TOKEN, startFakeHq, type RunningFakeHq } from '../../../devkit/fakes/hq';
import { ACME, createDraft, GLOBEX, items, position, runHq } from './helpers';

/** The load-options context the editor gives list searches, sending requests to the fake. */
function loadOptionsContext(baseUrl: string): ILoadOptionsFunctions {
	return {
		getCredentials: async () => ({ apiToken: HQ_TOKEN, baseUrl, webUrl: '' }),
		getNode: () => ({ name: 'HQ', type: 'n8n-nodes-awork-psa.hq', typeVersion: 1, parameters: {} }),
		helpers: {
			async httpRequest(signed: IHttpRequestOptions) {
				const url = new URL(signed.url);
				for (const [key, value] of Object.entries(signed.qs ?? {})) url.searchParams.set(key, String(value));
				const response = await fetch(url, { method: signed.method, headers: signed.headers as Record<string, string> });
				const headers: Record<string, string> = {};
				response.headers.forEach((value, key) => (headers[key] = value));
				return { statusCode: response.status, headers, body: await response.json() };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('HQ list searches (contact, invoice and template pickers)', () => {
	let hq: RunningFakeHq;
	beforeAll(async () => {
		hq = await startFakeHq();
		hq.fake.seed({ companies: [ACME, GLOBEX, ...Array.from({ length: 150 }, (_, i) => ({ id: 1000 + i, name: `Client ${i}` }))] });
		await runHq(hq, createDraft(), { input: items([position(1)]) });
		await runHq(hq, createDraft(), { input: items([position(2)]) });
		hq.fake.setDocumentStatus(hq.fake.documents[1].id as number, 'Sent');
	});
	afterAll(async () => await hq.close());

	it('pages contacts by skip, and filters them by the typed text', async () => {
		const ctx = loadOptionsContext(hq.baseUrl);
		const first = await searchContacts.call(ctx);
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'Acme GmbH · 10001', value: '501' });
		expect(first.paginationToken).toBe('100');
		const second = await searchContacts.call(ctx, undefined, first.paginationToken);
		expect(second.results).toHaveLength(52);
		expect(second.paginationToken).toBeUndefined();
		expect((await searchContacts.call(ctx, 'glob')).results).toEqual([{ name: 'Globex Ltd · 10002', value: '502' }]);
	});

	it('lists invoice templates and only draft invoices', async () => {
		const ctx = loadOptionsContext(hq.baseUrl);
		expect((await searchInvoiceTemplates.call(ctx)).results).toEqual([{ name: 'Rechnung · de', value: '1' }]);
		const drafts = await searchDraftInvoices.call(ctx);
		expect(drafts.results).toEqual([{ name: `Draft ${String(hq.fake.documents[0].id)} · 2026-12-01`, value: String(hq.fake.documents[0].id) }]);
	});
});
