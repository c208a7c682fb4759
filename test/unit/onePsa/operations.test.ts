import { startFakeOnePsa, type RunningFakeOnePsa } from '../../../devkit/fakes/onepsa';
import { byId, runOnePsa } from './helpers';

describe('OnePsa node operations in n8n\'s engine against the fake PSA', () => {
	let psa: RunningFakeOnePsa;

	beforeEach(async () => {
		psa = await startFakeOnePsa();
		psa.fake.seed({
			companies: [
				{ id: 'cmp_acme', name: 'Acme GmbH' },
				{ id: 'cmp_globex', name: 'Globex Ltd' },
			],
			contracts: [
				{ id: 'ctr_1', number: 'C-1', name: 'Acme support', companyId: 'cmp_acme' },
				{ id: 'ctr_2', number: 'C-2', name: 'Acme projects', companyId: 'cmp_acme', status: 'expired' },
				{ id: 'ctr_3', number: 'C-3', name: 'Globex support', companyId: 'cmp_globex' },
			],
			tickets: [
				{ id: 'tkt_1', number: 'T-0001', subject: 'Printer on fire', companyId: 'cmp_acme', links: [{ system: 'awork', type: 'task', id: 'aw-1' }] },
				{ id: 'tkt_2', number: 'T-0002', subject: 'VPN down', companyId: 'cmp_globex' },
			],
		});
	});
	afterEach(async () => await psa.close());

	it('contract get reads one contract', async () => {
		const run = await runOnePsa(psa, { resource: 'contract', operation: 'get', contractId: byId('ctr_3') });
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.name)).toEqual(['Globex support']);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		expect(psa.fake.log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/contracts/ctr_3']);
	});
	it('contract get many filters by company, text and status, and pages through everything', async () => {
		const run = await runOnePsa(psa, {
			resource: 'contract',
			operation: 'getMany',
			returnAll: true,
			filters: { company: byId('cmp_acme'), search: 'support', status: 'active' },
		});
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.id)).toEqual(['ctr_1']);
		expect(psa.fake.log[0].query).toEqual({ companyId: 'cmp_acme', search: 'support', status: 'active', page: '1', pageSize: '200' });

		psa.fake.seed({ contracts: Array.from({ length: 450 }, (_, n) => ({ id: `bulk_${n}`, name: `Bulk ${n}`, companyId: 'cmp_globex' })) });
		psa.fake.log.length = 0;
		const all = await runOnePsa(psa, { resource: 'contract', operation: 'getMany', returnAll: true, filters: { company: byId('cmp_globex') } });
		expect(all.items).toHaveLength(451);
		expect(psa.fake.log.map((r) => r.query.page)).toEqual(['1', '2', '3']);

		psa.fake.log.length = 0;
		const limited = await runOnePsa(psa, { resource: 'contract', operation: 'getMany', returnAll: false, limit: 5 });
		expect(limited.items).toHaveLength(5);
		expect(psa.fake.log.map((r) => r.query.pageSize)).toEqual(['5']);
	});

	it('ticket get, and search by number or by title', async () => {
		const get = await runOnePsa(psa, { resource: 'ticket', operation: 'get', ticketId: byId('tkt_2') });
		expect(get.items[0].json.subject).toBe('VPN down');

		const byNumber = await runOnePsa(psa, { resource: 'ticket', operation: 'search', searchBy: 'number', number: 't-0001', returnAll: true });
		expect(byNumber.items.map((i) => i.json.id)).toEqual(['tkt_1']);

		const byTitle = await runOnePsa(psa, {
			resource: 'ticket',
			operation: 'search',
			searchBy: 'title',
			search: 'vpn',
			returnAll: true,
			filters: { company: byId('cmp_globex'), updatedAfter: '2000-01-01T00:00:00' },
		});
		expect(byTitle.items.map((i) => i.json.id)).toEqual(['tkt_2']);
		const query = psa.fake.log[psa.fake.log.length - 1].query;
		expect(query).toMatchObject({ search: 'vpn', companyId: 'cmp_globex' });
		expect(query.updatedAfter).toMatch(/^2000-01-01T/);
	});

	it('ticket create escalates with a link back to the awork task, once per content', async () => {
		const parameters = {
			resource: 'ticket',
			operation: 'create',
			subject: '={{ $json.name }}',
			priority: 'high',
			description: 'Customer reports data loss',
			aworkTaskId: '={{ $json.id }}',
			aworkTaskUrl: '=https://acme.awork.com/tasks/{{ $json.id }}',
			additionalFields: { company: byId('cmp_acme'), contract: byId('ctr_1') },
		};
		const input = [{ json: { id: 'aw-task-9', name: 'Data loss on export' } }];
		const run = await runOnePsa(psa, parameters, { input });
		expect(run.error).toBeUndefined();
		const created = run.items[0].json;
		expect(created).toMatchObject({
			subject: 'Data loss on export',
			priority: 'high',
			companyId: 'cmp_acme',
			contractId: 'ctr_1',
			links: [{ system: 'awork', type: 'task', id: 'aw-task-9', url: 'https://acme.awork.com/tasks/aw-task-9' }],
		});
		expect(psa.fake.log[0].headers['idempotency-key']).toMatch(/^n8n-ticket-create-/);

		// The same escalation again (a re-run) gets the first ticket back, not a copy.
		const again = await runOnePsa(psa, parameters, { input });
		expect(again.items[0].json.id).toBe(created.id);
		expect(psa.fake.state().tickets.filter((t) => t.subject === 'Data loss on export')).toHaveLength(1);
	});

	it('ticket update changes only the fields given, and refuses an empty update', async () => {
		const run = await runOnePsa(psa, {
			resource: 'ticket',
			operation: 'update',
			ticketId: byId('tkt_1'),
			updateFields: { status: 'in_progress', priority: 'critical' },
		});
		expect(run.error).toBeUndefined();
		expect(psa.fake.state().tickets[0]).toMatchObject({ status: 'in_progress', priority: 'critical', subject: 'Printer on fire' });
		expect(psa.fake.log[0].body).toEqual({ status: 'in_progress', priority: 'critical' });

		const empty = await runOnePsa(psa, { resource: 'ticket', operation: 'update', ticketId: byId('tkt_1'), updateFields: {} });
		expect(empty.error?.message).toBe('Nothing to update');
	});

	it('ticket add link and remove link keep other links and do not write when nothing changes', async () => {
		const add = await runOnePsa(psa, {
			resource: 'ticket',
			operation: 'addLink',
			ticketId: byId('tkt_1'),
			linkSystem: 'awork',
			linkType: 'project',
			linkId: 'aw-p-7',
			linkUrl: 'https://acme.awork.com/projects/aw-p-7',
		});
		expect(add.error).toBeUndefined();
		expect(psa.fake.state().tickets[0].links).toEqual([
			{ system: 'awork', type: 'task', id: 'aw-1' },
			{ system: 'awork', type: 'project', id: 'aw-p-7', url: 'https://acme.awork.com/projects/aw-p-7' },
		]);

		psa.fake.log.length = 0;
		await runOnePsa(psa, { resource: 'ticket', operation: 'addLink', ticketId: byId('tkt_1'), linkSystem: 'awork', linkType: 'task', linkId: 'aw-1' });
		expect(psa.fake.log.map((r) => r.method)).toEqual(['GET']);

		const remove = await runOnePsa(psa, { resource: 'ticket', operation: 'removeLink', ticketId: byId('tkt_1'), linkSystem: 'awork', linkType: 'task', linkId: 'aw-1' });
		expect(remove.error).toBeUndefined();
		expect(psa.fake.state().tickets[0].links.map((l) => l.id)).toEqual(['aw-p-7']);

		psa.fake.log.length = 0;
		await runOnePsa(psa, { resource: 'ticket', operation: 'removeLink', ticketId: byId('tkt_1'), linkSystem: 'awork', linkType: 'task', linkId: 'aw-1' });
		expect(psa.fake.log.map((r) => r.method)).toEqual(['GET']);
	});

	it('company search', async () => {
		const run = await runOnePsa(psa, { resource: 'company', operation: 'search', search: 'glob', returnAll: true });
		expect(run.items.map((i) => i.json.name)).toEqual(['Globex Ltd']);
		expect(psa.fake.log[0].query.search).toBe('glob');
	});

	it('time entry get many filters by contract, external ID and dates (reconciliation)', async () => {
		psa.fake.seed({
			timeEntries: [
				{ id: 'te_a', contractId: 'ctr_1', externalId: 'aw-1', date: '2024-05-01' },
				{ id: 'te_b', contractId: 'ctr_1', externalId: 'aw-2', date: '2024-05-10' },
				{ id: 'te_c', contractId: 'ctr_3', externalId: 'aw-3', date: '2024-05-10' },
			],
		});
		const run = await runOnePsa(psa, {
			resource: 'timeEntry',
			operation: 'getMany',
			returnAll: true,
			filters: { contract: byId('ctr_1'), from: '2024-05-05T00:00:00', to: '2024-05-31T00:00:00' },
		});
		expect(run.items.map((i) => i.json.id)).toEqual(['te_b']);
		expect(psa.fake.log[0].query).toMatchObject({ contractId: 'ctr_1', from: '2024-05-05', to: '2024-05-31' });

		const one = await runOnePsa(psa, { resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { externalId: 'aw-3' } });
		expect(one.items.map((i) => i.json.id)).toEqual(['te_c']);
	});

	it('every item is linked to its input item, and continue on fail keeps going', async () => {
		const run = await runOnePsa(
			psa,
			{ resource: 'contract', operation: 'get', contractId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ input: [{ json: { id: 'ctr_1' } }, { json: { id: 'nope' } }, { json: { id: 'ctr_3' } }], continueOnFail: true },
		);
		expect(run.items.map((i) => [i.pairedItem, i.json.error ?? i.json.id])).toEqual([
			[{ item: 0 }, 'ctr_1'],
			[{ item: 1 }, expect.stringContaining('found nothing')],
			[{ item: 2 }, 'ctr_3'],
		]);
	});
});
