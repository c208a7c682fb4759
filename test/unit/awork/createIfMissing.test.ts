/**
 * Task List / Task > Create If Missing: reused by name, created once, and a create whose answer
 * was lost is found again instead of made twice (what lets the approval workflow resume).
 */
import { aworkTransportSettings } from '../../../nodes/Awork/transport';
import { AworkTestBed, byId, json } from './harness';

const bed = new AworkTestBed();
const original = { ...aworkTransportSettings };
beforeAll(async () => {
	await bed.start();
	aworkTransportSettings.retry = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
});
afterAll(async () => {
	Object.assign(aworkTransportSettings, original);
	await bed.stop();
});
beforeEach(() => bed.reset());

function project(): string {
	return String(bed.seed({ projects: [{ name: "O'Brien relaunch" }] }).projects[0].id);
}

describe('awork node: Task List > Create If Missing', () => {
	it('creates the list once and finds it by its exact name afterwards', async () => {
		const projectId = project();
		const params = { resource: 'taskList', operation: 'createIfMissing', projectId: byId(projectId), name: "Quote Q-1 'final'" };
		const first = await bed.run(params);
		const second = await bed.run(params);
		expect(first.error).toBeUndefined();
		expect(json(first)[0]).toMatchObject({ created: true, name: "Quote Q-1 'final'", projectId });
		expect(json(second)[0]).toMatchObject({ created: false, id: json(first)[0].id });
		expect(bed.requestsTo('POST', /\/tasklists$/)).toHaveLength(1);
		expect([...bed.store.taskLists.values()].filter((list) => list.projectId === projectId)).toHaveLength(1);
	});

	it('finds the list a lost answer created instead of creating a second one', async () => {
		const projectId = project();
		// The create lands, its answer is lost (the connection breaks after the write).
		const restore = bed.wrapRoute('POST', '/api/v1/projects/:projectId/tasklists', (handler) => async (req) => {
			const answer = await handler(req);
			bed.fake.server.faults.resetAfterCommitRate = 1;
			setTimeout(() => (bed.fake.server.faults.resetAfterCommitRate = 0), 0);
			return answer;
		});
		const result = await bed.run({ resource: 'taskList', operation: 'createIfMissing', projectId: byId(projectId), name: 'Delivery' });
		restore();
		expect(result.error).toBeUndefined();
		expect(json(result)[0]).toMatchObject({ created: true, name: 'Delivery' });
		expect(bed.requestsTo('POST', /\/tasklists$/).map((entry) => entry.fault)).toEqual(['resetAfterCommit']);
		expect([...bed.store.taskLists.values()].filter((list) => list.projectId === projectId)).toHaveLength(1);
	});
});

describe('awork node: Task > Create If Missing', () => {
	it('creates a task once per name and list; the same name in another list is another task', async () => {
		const projectId = project();
		const lists = await bed.run({ resource: 'taskList', operation: 'create', projectId: byId(projectId), name: 'A' });
		const other = await bed.run({ resource: 'taskList', operation: 'create', projectId: byId(projectId), name: 'B' });
		const task = (listId: string) => ({
			resource: 'task',
			operation: 'createIfMissing',
			projectId: byId(projectId),
			name: "Build 'the' pages",
			additionalFields: { taskListId: byId(listId), plannedDurationMinutes: 90 },
		});
		const listA = String(json(lists)[0].id);
		const listB = String(json(other)[0].id);
		const first = await bed.run(task(listA));
		const again = await bed.run(task(listA));
		const elsewhere = await bed.run(task(listB));
		expect(json(first)[0]).toMatchObject({ created: true, plannedDuration: 5400 });
		expect(json(again)[0]).toMatchObject({ created: false, id: json(first)[0].id });
		expect(json(elsewhere)[0]).toMatchObject({ created: true });
		expect(json(elsewhere)[0].id).not.toBe(json(first)[0].id);
		expect(bed.requestsTo('POST', /\/tasks$/)).toHaveLength(2);
	});

	it('fails with the create error when a refused create left nothing behind', async () => {
		const projectId = project();
		const result = await bed.run(
			{ resource: 'task', operation: 'createIfMissing', projectId: byId(projectId), name: 'X', additionalFields: { plannedDurationMinutes: -5 } },
			{ continueOnFail: true },
		);
		expect(String(json(result)[0].error)).toMatch(/Planned Duration/);
		expect(bed.requestsTo('POST', /\/tasks$/)).toHaveLength(0);
	});
});
