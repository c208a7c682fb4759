/**
 * "Order By (Expert)" on the Get Many operations: sent as awork's orderby (the fake sorts by it),
 * each operation's usual order when empty, and a malformed value fails naming the option and the
 * part that is wrong, before any request.
 */
import { AworkTestBed, byId, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const names = (result: Awaited<ReturnType<AworkTestBed['run']>>) => json(result).map((row) => row.name);

describe('awork node: Order By (Expert) on Get Many', () => {
	it('orders companies as asked, and by name when empty', async () => {
		bed.seed({ companies: [{ name: 'Beta', industry: 'B2' }, { name: 'alpha', industry: 'A1' }, { name: 'Gamma', industry: 'A1' }] });
		const byDefault = await bed.run({ resource: 'company', operation: 'getMany', returnAll: true });
		const asked = await bed.run({ resource: 'company', operation: 'getMany', returnAll: true, options: { orderBy: 'industry desc,name' } });
		expect(names(byDefault)).toEqual(['alpha', 'Beta', 'Gamma']);
		expect(names(asked)).toEqual(['Beta', 'alpha', 'Gamma']);
		expect(bed.requestsTo('GET', /\/companies$/).map((entry) => entry.query.orderby)).toEqual(['name', 'industry desc,name']);
	});

	it('orders projects by a nested field', async () => {
		const [started, closed] = ['progress', 'closed'].map((type) => [...bed.store.projectStatuses.values()].find((status) => status.type === type)!.id);
		bed.seed({ projects: [{ name: 'P1', projectStatusId: started }, { name: 'P2', projectStatusId: closed }, { name: 'P3', projectStatusId: started }] });
		const result = await bed.run({ resource: 'project', operation: 'getMany', returnAll: true, options: { orderBy: 'projectStatus/type desc,name desc' } });
		expect(result.error).toBeUndefined();
		expect(names(result)).toEqual(['P3', 'P1', 'P2']);
	});

	it('orders the tasks and task lists of a project', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Relaunch' }] }).projects;
		const projectId = String(project.id);
		bed.seed({ tasks: ['b', 'c', 'a'].map((name) => ({ name, baseType: 'projecttask', projectId })) });
		bed.seed({ taskLists: [{ name: 'Zeta', projectId, order: 0 }, { name: 'Eta', projectId, order: 1 }] });
		const tasks = await bed.run({ resource: 'task', operation: 'getMany', projectId: byId(projectId), returnAll: true, options: { orderBy: 'name desc' } });
		const listsByOrder = await bed.run({ resource: 'taskList', operation: 'getMany', projectId: byId(projectId), returnAll: true });
		const listsByName = await bed.run({ resource: 'taskList', operation: 'getMany', projectId: byId(projectId), returnAll: true, options: { orderBy: 'name' } });
		expect(names(tasks)).toEqual(['c', 'b', 'a']);
		expect(names(listsByOrder)).toEqual(['Zeta', 'Eta']);
		expect(names(listsByName)).toEqual(['Eta', 'Zeta']);
	});

	it('orders time entries as asked, and refuses it together with Read After (which reads in its own order)', async () => {
		const ids = bed
			.seed({
				timeEntries: [
					{ startDateUtc: '2026-03-01T08:00:00Z', duration: 600, note: 'first' },
					{ startDateUtc: '2026-03-02T08:00:00Z', duration: 1800, note: 'second' },
				],
			})
			.timeEntries.map((entry) => entry.id);
		const latestFirst = await bed.run({ resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { isBillable: 'any', isBilled: 'any' }, options: { orderBy: 'startDateUtc desc' } });
		expect(json(latestFirst).map((entry) => entry.id)).toEqual([ids[1], ids[0]]);
		const both = await bed.run({
			resource: 'timeEntry',
			operation: 'getMany',
			returnAll: true,
			filters: { isBillable: 'any', isBilled: 'any', readAfter: 'start' },
			options: { orderBy: 'duration' },
		});
		expect(both.error?.message).toMatch(/^Order By \(Expert\): cannot be combined with Read After/);
	});

	it('orders the document lists as asked, and by name when empty', async () => {
		const [space] = bed.seed({ documentSpaces: [{ name: 'Handbook' }] }).documentSpaces;
		bed.seed({ documents: ['Beta', 'Alpha', 'Gamma'].map((name) => ({ name, documentSpaceId: space.id })) });
		const names = (result: Awaited<ReturnType<typeof bed.run>>) => result.items.map((item) => item.json.name);
		expect(names(await bed.run({ resource: 'document', operation: 'getMany', returnAll: true }))).toEqual(['Alpha', 'Beta', 'Gamma']);
		const parameters = { resource: 'document', operation: 'getManyOfDocumentSpace', documentSpaceId: byId(String(space.id)), returnAll: true };
		expect(names(await bed.run({ ...parameters, options: { orderBy: 'name desc' } }))).toEqual(['Gamma', 'Beta', 'Alpha']);
		expect(bed.requestsTo('GET', /\/documents$/).map((entry) => entry.query.orderby)).toEqual(['name', 'name desc']);
		const malformed = await bed.run({ ...parameters, options: { orderBy: 'name;drop' } });
		expect(malformed.error?.message).toBe('Order By (Expert): "name;drop" is not a field name optionally followed by asc or desc');
	});

	it('fails on a malformed value naming the option and the part, without a request', async () => {
		const cases: Array<[string | string[], string]> = [
			['name, createdOn', 'Order By (Expert): " createdOn" is not a field name optionally followed by asc or desc'],
			['name descending', 'Order By (Expert): "name descending" is not a field name optionally followed by asc or desc'],
			["name;drop", 'Order By (Expert): "name;drop" is not a field name optionally followed by asc or desc'],
			['name,,id', 'Order By (Expert): "" is not a field name optionally followed by asc or desc'],
			['a,'.repeat(10) + 'b', 'Order By (Expert): 11 fields is more than 10'],
			[['name'], 'Order By (Expert): expected text such as name desc, got a list'],
		];
		for (const [orderBy, message] of cases) {
			const result = await bed.run({ resource: 'company', operation: 'getMany', returnAll: true, options: { orderBy } });
			expect(result.error?.message).toBe(message);
		}
		expect(bed.requests).toHaveLength(0);
	});

	it('passes on awork’s refusal of an unknown field', async () => {
		bed.seed({ companies: [{ name: 'Acme' }] });
		const result = await bed.run({ resource: 'company', operation: 'getMany', returnAll: true, options: { orderBy: 'noSuchField' } });
		expect(result.error?.message).toMatch(/invalid-filter-or-order/);
	});
});
