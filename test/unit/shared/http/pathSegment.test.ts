/**
 * Attack: IDs from data that climb out of their path. Contract `..` turned
 * POST /api/contracts/{id}/time-entries/batch into POST /api/time-entries/batch. Every path
 * value is refused before sending when it is empty, `.`, `..` or holds control characters, with
 * an error naming the field.
 */
import { aworkPath } from '../../../../nodes/Awork/transport';
import { callPsa, endpointPath } from '../../../../nodes/OnePsa/transport';
import { pathSegment } from '../../../../nodes/shared/http';
import { HostileServer, json, runPsaProbe } from './hostile';

describe('path segments built from data', () => {
	it.each(['..', '.', ' .. ', '', '   ', 'ctr\n1', 'ctr\u0000', 'ctr\u007f', 'ctr\u0085'])('refuses %j with an error naming the field', (value) => {
		expect(() => pathSegment('contract ID', value)).toThrow(/^The contract ID ".*" cannot be used in a request path: /);
		expect(() => endpointPath('createTimeEntriesBatch', { contractId: value })).toThrow(/^The contract ID /);
		expect(() => aworkPath`/projects/${value}/setcustomfields`).toThrow(/^The project ID /);
	});

	it('still encodes ordinary values, slashes and dots inside a value included', () => {
		expect(pathSegment('contract ID', 'a/b')).toBe('a%2Fb');
		expect(pathSegment('contract ID', '...')).toBe('...');
		expect(pathSegment('contract ID', 'v1.2')).toBe('v1.2');
		expect(aworkPath`/projects/key/${'PSA-Q 1'}`).toBe('/projects/key/PSA-Q%201');
		expect(() => aworkPath`/projects/key/${'..'}`).toThrow(/^The project key "\.\."/);
		expect(() => aworkPath`/timeentries/${'.'}`).toThrow(/^The timeentry ID/);
	});

	it('The One PSA: contract ".." sends nothing, so no batch lands on /api/time-entries/batch', async () => {
		const server = await new HostileServer((_req, res) => json(res, 201, { created: [] })).start();
		try {
			const result = await runPsaProbe(server.origin, async function () {
				return await callPsa(this, {
					endpoint: 'createTimeEntriesBatch',
					pathParams: { contractId: '..' },
					body: { entries: [] },
					idempotencyKey: 'k',
				});
			});
			expect(result.error?.message).toBe('The contract ID ".." cannot be used in a request path: it would point the request at another path');
			expect(server.seen).toHaveLength(0);
		} finally {
			await server.stop();
		}
	});
});
