/**
 * Task List / Task > Create If Missing: reused by name, created once, and a create whose answer
 * was lost is found again instead of made twice (what lets the approval workflow resume).
 */
import { byId, json } from '../harness';
import { loseNextAnswer, quickRetryBed } from '../retries';

const bed = quickRetryBed();

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
		const restore = loseNextAnswer(bed, 'POST', '/api/v1/projects/:projectId/tasklists');
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

	it('with a Match Key, two lines of one title become two tasks, each found again by its key', async () => {
		const projectId = project();
		const list = String(json(await bed.run({ resource: 'taskList', operation: 'create', projectId: byId(projectId), name: 'Quote Q-1' }))[0].id);
		const line = (key: string, minutes: number) => ({
			resource: 'task',
			operation: 'createIfMissing',
			projectId: byId(projectId),
			name: 'Design',
			matchKey: key,
			additionalFields: { taskListId: byId(list), plannedDurationMinutes: minutes, description: 'From the quote' },
		});
		const first = json(await bed.run(line('psa-line-L1', 60)))[0];
		const second = json(await bed.run(line('psa-line-L2', 180)))[0];
		expect(first).toMatchObject({ created: true, plannedDuration: 3600, description: 'From the quote\n\n[match key: psa-line-L1]' });
		expect(second).toMatchObject({ created: true, plannedDuration: 10800, description: 'From the quote\n\n[match key: psa-line-L2]' });
		expect(second.id).not.toBe(first.id);
		// A redelivery finds each line's own task and creates nothing.
		const again = [json(await bed.run(line('psa-line-L2', 180)))[0], json(await bed.run(line('psa-line-L1', 60)))[0]];
		expect(again.map((task) => [task.id, task.created])).toEqual([
			[second.id, false],
			[first.id, false],
		]);
		expect(bed.requestsTo('POST', /\/tasks$/)).toHaveLength(2);
	});

	it('with a Match Key, does not take a task of that name that lacks the key', async () => {
		const projectId = project();
		const plain = json(await bed.run({ resource: 'task', operation: 'createIfMissing', projectId: byId(projectId), name: 'Design' }))[0];
		const keyed = json(await bed.run({ resource: 'task', operation: 'createIfMissing', projectId: byId(projectId), name: 'Design', matchKey: 'k-1' }))[0];
		expect(keyed).toMatchObject({ created: true, description: '[match key: k-1]' });
		expect(keyed.id).not.toBe(plain.id);
	});

	it('finds the keyed task a lost answer created instead of creating a second one', async () => {
		const projectId = project();
		const restore = loseNextAnswer(bed, 'POST', '/api/v1/tasks');
		const result = await bed.run({ resource: 'task', operation: 'createIfMissing', projectId: byId(projectId), name: 'Design', matchKey: 'k-2' });
		restore();
		expect(result.error).toBeUndefined();
		expect(json(result)[0]).toMatchObject({ created: true, description: '[match key: k-2]' });
		expect([...bed.store.tasks.values()].filter((task) => task.name === 'Design')).toHaveLength(1);
	});

	it('refuses a Match Key with characters that could not be found again, naming the field', async () => {
		const projectId = project();
		const result = await bed.run({ resource: 'task', operation: 'createIfMissing', projectId: byId(projectId), name: 'X', matchKey: 'line [7]' });
		expect(result.error?.message).toBe('Match Key: "line [7]" is not a valid match key');
		expect(bed.requestsTo('POST', /\/tasks$/)).toHaveLength(0);
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
