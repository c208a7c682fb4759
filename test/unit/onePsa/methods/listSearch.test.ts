import type { IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import { searchCompanies, searchContracts, searchTickets } from '../../../../nodes/OnePsa/methods/listSearch';
import { DEMO_DATA, startFakeOnePsa, type RunningFakeOnePsa } from '../../../../devkit/fakes/onepsa';
import { psaCredentials } from '../helpers';

/**
 * The editor calls list searches with a load-options context; this one sends requests the way
 * n8n's helper does (credential authenticate, then HTTP) so the pickers meet the fake PSA.
 */
function loadOptionsContext(baseUrl: string): ILoadOptionsFunctions {
	const credentials = psaCredentials(baseUrl);
	return {
		getCredentials: async () => credentials,
		getNode: () => ({ name: 'The One PSA', type: 'n8n-nodes-awork-psa.onePsa', typeVersion: 1, parameters: {} }),
		helpers: {
			// The transport signs with the credential's authenticate itself, then calls httpRequest.
			async httpRequest(signed: IHttpRequestOptions) {
				const url = new URL(signed.url);
				for (const [key, value] of Object.entries(signed.qs ?? {})) url.searchParams.set(key, String(value));
				const response = await fetch(url, { method: signed.method, headers: signed.headers as Record<string, string> });
				return { statusCode: response.status, headers: Object.fromEntries(response.headers as unknown as Iterable<[string, string]>), body: await response.json() };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('OnePsa list searches (contract, ticket and company pickers)', () => {
	let psa: RunningFakeOnePsa;
	beforeAll(async () => (psa = await startFakeOnePsa({ demo: true })));
	afterAll(async () => await psa.close());

	it('label contracts with number, name and company, filtered by the typed text', async () => {
		const ctx = loadOptionsContext(psa.baseUrl);
		const all = await searchContracts.call(ctx);
		expect(all.results).toHaveLength(DEMO_DATA.contracts!.length);
		const acme = await searchContracts.call(ctx, 'managed');
		expect(acme.results).toEqual([{ name: 'C-1001 · Acme managed services · Acme GmbH', value: 'ctr_acme_support' }]);
		expect(psa.fake.log[1].query).toMatchObject({ search: 'managed', page: '1', pageSize: '50' });
	});

	it('label tickets with number and subject, and companies by name', async () => {
		const ctx = loadOptionsContext(psa.baseUrl);
		expect((await searchTickets.call(ctx, 'vpn')).results).toEqual([{ name: 'T-0002 · VPN drops every hour', value: 'tkt_vpn' }]);
		expect((await searchCompanies.call(ctx, 'glob')).results).toEqual([{ name: 'Globex Ltd', value: 'cmp_globex' }]);
	});

	it('hand out the next page as pagination token while there are more', async () => {
		psa.fake.seed({ companies: Array.from({ length: 60 }, (_, n) => ({ name: `Client ${n}` })) });
		const ctx = loadOptionsContext(psa.baseUrl);
		const first = await searchCompanies.call(ctx, 'client');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await searchCompanies.call(ctx, 'client', first.paginationToken as string);
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
	});
});
