/**
 * Export to Contract's Entry Fields > Ticket is a ticket picker: its value from the list or by ID,
 * per item through an expression, and a plain ticket ID saved before it was a picker, all reach
 * the PSA as the entry's ticketId.
 */
import type { IDataObject } from 'n8n-workflow';
import { startFakeOnePsa, type RunningFakeOnePsa } from '../../../../devkit/fakes/onepsa';
import { aworkTimeEntry, runOnePsa } from '../helpers';

describe('Time entry: Export to Contract, Entry Fields > Ticket', () => {
	let psa: RunningFakeOnePsa;

	beforeEach(async () => {
		psa = await startFakeOnePsa();
		psa.fake.seed({ companies: [{ id: 'cmp_acme', name: 'Acme' }], contracts: [{ id: 'ctr_1', number: 'C-1', companyId: 'cmp_acme' }] });
	});
	afterEach(async () => await psa.close());

	it.each([
		['from the list', { __rl: true, mode: 'list', value: 'tkt_7' }],
		['by ID, per item', { __rl: true, mode: 'id', value: '={{ $json.ticket }}' }],
		['as a plain ID saved before', 'tkt_7'],
		['as a plain expression saved before', '={{ $json.ticket }}'],
	])('%s', async (_way, ticketId) => {
		const run = await runOnePsa(
			psa,
			{ resource: 'timeEntry', operation: 'exportToContract', contractId: { __rl: true, mode: 'id', value: 'ctr_1' }, entryFields: { ticketId } },
			{ input: [{ json: { ...aworkTimeEntry(1), ticket: 'tkt_7' } }] },
		);
		expect(run.error).toBeUndefined();
		expect((psa.fake.log[0].body as { entries: IDataObject[] }).entries.map((entry) => entry.ticketId)).toEqual(['tkt_7']);
	});

	it('an empty picker sends no ticket', async () => {
		const run = await runOnePsa(
			psa,
			{ resource: 'timeEntry', operation: 'exportToContract', contractId: { __rl: true, mode: 'id', value: 'ctr_1' }, entryFields: { ticketId: { __rl: true, mode: 'list', value: '' } } },
			{ input: [{ json: aworkTimeEntry(1) }] },
		);
		expect(run.error).toBeUndefined();
		expect((psa.fake.log[0].body as { entries: IDataObject[] }).entries[0]).not.toHaveProperty('ticketId');
	});
});
