/**
 * Task > Add Tag, Set Assignees, Remove Assignees, Move to Another Task List and Delete against the
 * fake awork: the requests (awork's batch endpoint and setassignees), what a repeated run does, and
 * the errors that name the task.
 */
import { byId, json, WEB_URL } from '../harness';
import { loseNextAnswer, quickRetryBed } from '../retries';

const bed = quickRetryBed();

const MISSING = '00000000-0000-4000-8000-000000000003';

function seedTask(extra: Record<string, unknown> = {}) {
	const [project] = bed.seed({ projects: [{ name: 'Support' }] }).projects;
	const projectId = String(project.id);
	const lists = bed.seed({ taskLists: [{ name: 'Inbox', projectId, order: 0 }, { name: 'Doing', projectId, order: 1 }] }).taskLists.map((list) => String(list.id));
	const users = bed.seed({ users: [{ firstName: 'Ada', lastName: 'A' }, { firstName: 'Ben', lastName: 'B' }, { firstName: 'Cy', lastName: 'C' }] }).users.map((user) => String(user.id));
	const [task] = bed.seed({ tasks: [{ name: 'Printer offline', baseType: 'projecttask', projectId, lists: [lists[0]], ...extra }] }).tasks;
	return { projectId, lists, users, taskId: String(task.id) };
}

const stored = (taskId: string) => bed.store.tasks.get(taskId)!;
const assigneeIds = (taskId: string) => (stored(taskId).assignees as Array<{ id: string }>).map((a) => a.id);
const users = (...ids: string[]) => ({ user: ids.map((id) => ({ userId: byId(id) })) });

describe('awork node: Task > Add Tag', () => {
	it('adds the tag once, however often it runs, and outputs the task with its tags and url', async () => {
		const { taskId } = seedTask();
		const params = { resource: 'task', operation: 'addTag', taskId: byId(taskId), tagName: ' PSA Ticket ', tagColor: 'blue' };
		const first = await bed.run(params);
		const again = await bed.run(params);
		expect(first.error).toBeUndefined();
		expect(again.error).toBeUndefined();
		expect(bed.requestsTo('POST', /\/tasks\/batch\/addtags$/).map((entry) => entry.body)).toEqual([
			{ taskIds: [taskId], tags: [{ name: 'PSA Ticket', color: 'blue' }] },
			{ taskIds: [taskId], tags: [{ name: 'PSA Ticket', color: 'blue' }] },
		]);
		expect((stored(taskId).tags as Array<{ name: string }>).map((tag) => tag.name)).toEqual(['PSA Ticket']);
		expect(json(again)[0]).toMatchObject({ id: taskId, url: `${WEB_URL}/tasks/${taskId}`, tags: [expect.objectContaining({ name: 'PSA Ticket', color: 'blue' })] });
	});

	it('names the task awork does not know, and the tag name that is missing or too long', async () => {
		seedTask();
		const missing = await bed.run({ resource: 'task', operation: 'addTag', taskId: byId(MISSING), tagName: 'X' });
		expect(missing.error?.message).toBe(`Task ${MISSING} was not found in awork`);
		const empty = await bed.run({ resource: 'task', operation: 'addTag', taskId: byId(MISSING), tagName: '  ' });
		expect(empty.error?.message).toBe('Tag Name: awork needs a value here');
		const long = await bed.run({ resource: 'task', operation: 'addTag', taskId: byId(MISSING), tagName: 'x'.repeat(256) });
		expect(long.error?.message).toBe('Tag Name: 256 characters is more than awork takes (255)');
		expect(bed.requestsTo('POST', /\/tasks\/batch\//)).toHaveLength(1);
	});

	it('names the task when awork refuses the change for it (unauthorized)', async () => {
		const { taskId } = seedTask();
		bed.store.forbiddenIds.add(taskId);
		const result = await bed.run({ resource: 'task', operation: 'addTag', taskId: byId(taskId), tagName: 'X' });
		expect(result.error?.message).toBe(`awork did not change task ${taskId} (unauthorized)`);
		expect(stored(taskId).tags).toEqual([]);
	});
});

describe('awork node: Task > Set Assignees and Remove Assignees', () => {
	it('Set Assignees makes the chosen users the only assignees, the same on every run', async () => {
		const { taskId, users: [ada, ben, cy] } = seedTask();
		await bed.run({ resource: 'task', operation: 'setAssignees', taskId: byId(taskId), users: users(ada, ben) });
		const result = await bed.run({ resource: 'task', operation: 'setAssignees', taskId: byId(taskId), users: users(ben, cy, ben) });
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('POST', /\/setassignees$/).map((entry) => entry.body)).toEqual([[ada, ben], [ben, cy]]);
		expect(assigneeIds(taskId)).toEqual([ben, cy]);
		expect((json(result)[0].assignees as Array<{ id: string }>).map((a) => a.id)).toEqual([ben, cy]);
	});

	it('Set Assignees asks for at least one user and reports an unknown task or user', async () => {
		const { taskId, users: [ada] } = seedTask();
		const none = await bed.run({ resource: 'task', operation: 'setAssignees', taskId: byId(taskId), users: {} });
		expect(none.error?.message).toBe('Users: choose at least one user');
		const missing = await bed.run({ resource: 'task', operation: 'setAssignees', taskId: byId(MISSING), users: users(ada) });
		expect(missing.error?.message).toMatch(/could not find \/tasks\/.*\/setassignees \(404\)/);
		const unknownUser = await bed.run({ resource: 'task', operation: 'setAssignees', taskId: byId(taskId), users: users(MISSING) });
		expect(unknownUser.error?.message).toMatch(/UserIds/);
		const badId = await bed.run({ resource: 'task', operation: 'setAssignees', taskId: byId(taskId), users: { user: [{ userId: 'nope' }] } });
		expect(badId.error?.message).toBe('Users (1): "nope" is not an awork ID');
		expect(assigneeIds(taskId)).toEqual([]);
	});

	it('Remove Assignees takes the chosen users off and ignores users not assigned; Remove All clears the task', async () => {
		const { taskId, users: [ada, ben, cy] } = seedTask();
		await bed.run({ resource: 'task', operation: 'setAssignees', taskId: byId(taskId), users: users(ada, ben, cy) });
		const removed = await bed.run({ resource: 'task', operation: 'removeAssignees', taskId: byId(taskId), users: users(ben) });
		const again = await bed.run({ resource: 'task', operation: 'removeAssignees', taskId: byId(taskId), users: users(ben) });
		expect(removed.error).toBeUndefined();
		expect(again.error).toBeUndefined();
		expect(assigneeIds(taskId)).toEqual([ada, cy]);
		expect(bed.requestsTo('POST', /\/tasks\/batch\/unassignusers$/)[0].body).toEqual({ taskIds: [taskId], userIds: [ben] });
		const all = await bed.run({ resource: 'task', operation: 'removeAssignees', taskId: byId(taskId), removeAll: true });
		expect(bed.requestsTo('POST', /\/tasks\/batch\/unassignusers$/)[2].body).toEqual({ taskIds: [taskId] });
		expect(json(all)[0].assignees).toEqual([]);
	});

	it('Remove Assignees asks for users unless Remove All is on, and names a task awork does not know', async () => {
		const { users: [ada] } = seedTask();
		const none = await bed.run({ resource: 'task', operation: 'removeAssignees', taskId: byId(MISSING), users: {} });
		expect(none.error?.message).toBe('Users: choose at least one user');
		const missing = await bed.run({ resource: 'task', operation: 'removeAssignees', taskId: byId(MISSING), users: users(ada) });
		expect(missing.error?.message).toBe(`Task ${MISSING} was not found in awork`);
	});
});

describe('awork node: Task > Move to Another Task List', () => {
	it('moves the task out of its lists into the chosen one; a repeated run leaves it there', async () => {
		const { taskId, lists } = seedTask();
		const params = { resource: 'task', operation: 'moveToList', taskId: byId(taskId), taskListId: byId(lists[1]) };
		const first = await bed.run(params);
		const again = await bed.run(params);
		expect(first.error).toBeUndefined();
		expect(again.error).toBeUndefined();
		expect(bed.requestsTo('POST', /\/tasks\/batch\/movetotasklist$/)[0].body).toEqual({ taskIds: [taskId], newTaskListId: lists[1], removeFromCurrentList: true });
		expect((stored(taskId).lists as Array<{ id: string }>).map((list) => list.id)).toEqual([lists[1]]);
		expect((json(again)[0].lists as Array<{ id: string }>).map((list) => list.id)).toEqual([lists[1]]);
	});

	it('with Keep in Other Lists, adds the list and keeps the old one', async () => {
		const { taskId, lists } = seedTask();
		await bed.run({ resource: 'task', operation: 'moveToList', taskId: byId(taskId), taskListId: byId(lists[1]), keepInOtherLists: true });
		expect((stored(taskId).lists as Array<{ id: string }>).map((list) => list.id)).toEqual([lists[0], lists[1]]);
	});

	it('names the task when the list belongs to another project', async () => {
		const { taskId } = seedTask();
		const [other] = bed.seed({ projects: [{ name: 'Other' }] }).projects;
		const [foreign] = bed.seed({ taskLists: [{ name: 'Elsewhere', projectId: String(other.id) }] }).taskLists;
		const result = await bed.run({ resource: 'task', operation: 'moveToList', taskId: byId(taskId), taskListId: byId(String(foreign.id)) });
		expect(result.error?.message).toBe(`awork did not change task ${taskId} (badRequest)`);
		expect(result.error?.description).toMatch(/task list of another project/);
	});
});

describe('awork node: Task > Delete', () => {
	function withEntries(taskId: string, projectId: string, billed: boolean) {
		return bed.seed({
			timeEntries: [
				{ taskId, projectId, startDateUtc: '2026-03-02T08:00:00Z', duration: 600, isBillable: true, isBilled: billed },
				{ taskId, projectId, startDateUtc: '2026-03-02T09:00:00Z', duration: 600, isBillable: true, isBilled: false },
			],
		}).timeEntries.map((entry) => String(entry.id));
	}

	it('deletes the task and keeps its time entries, without task and project', async () => {
		const { taskId, projectId } = seedTask();
		const [entry] = withEntries(taskId, projectId, true);
		const result = await bed.run({ resource: 'task', operation: 'delete', taskId: byId(taskId) });
		expect(json(result)).toEqual([{ deleted: true, id: taskId }]);
		expect(bed.requestsTo('POST', /\/tasks\/batch\/delete$/)[0].body).toEqual({ taskIds: [taskId], deleteTimeTrackings: false });
		expect(bed.store.tasks.has(taskId)).toBe(false);
		expect(bed.store.timeEntries.get(entry)).toMatchObject({ taskId: null, projectId: null, isBilled: true });
	});

	it('with Delete Time Entries, deletes them too, but refuses when one is billed, naming it', async () => {
		const { taskId, projectId } = seedTask();
		const [billed, open] = withEntries(taskId, projectId, true);
		const refused = await bed.run({ resource: 'task', operation: 'delete', taskId: byId(taskId), deleteTimeEntries: true });
		expect(refused.error?.message).toBe(`Task ${taskId} has billed time entries (e.g. ${billed}), so it was not deleted with its time entries`);
		expect(bed.store.tasks.has(taskId)).toBe(true);
		expect(bed.requestsTo('POST', /\/tasks\/batch\/delete$/)).toHaveLength(0);
		bed.store.timeEntries.get(billed)!.isBilled = false;
		bed.store.changed();
		const result = await bed.run({ resource: 'task', operation: 'delete', taskId: byId(taskId), deleteTimeEntries: true });
		expect(json(result)).toEqual([{ deleted: true, id: taskId }]);
		expect(bed.store.timeEntries.has(billed) || bed.store.timeEntries.has(open)).toBe(false);
	});

	it('with Delete Time Entries, a billed entry on a subtask also stops it (awork deletes subtasks with the task)', async () => {
		const { taskId, projectId } = seedTask();
		const [subtask] = bed.seed({ tasks: [{ name: 'Sub', baseType: 'projecttask', projectId, parentId: taskId }] }).tasks;
		const [nested] = bed.seed({ tasks: [{ name: 'Sub-sub', baseType: 'projecttask', projectId, parentId: String(subtask.id) }] }).tasks;
		const [billed] = withEntries(String(nested.id), projectId, true);
		const refused = await bed.run({ resource: 'task', operation: 'delete', taskId: byId(taskId), deleteTimeEntries: true });
		expect(refused.error?.message).toBe(`Subtask ${String(nested.id)} of task ${taskId} has billed time entries (e.g. ${billed}), so it was not deleted with its time entries`);
		expect(bed.store.tasks.has(taskId)).toBe(true);
		expect(bed.store.timeEntries.has(billed)).toBe(true);
		// Without deleting time entries awork keeps them, so nothing stops the delete.
		const kept = await bed.run({ resource: 'task', operation: 'delete', taskId: byId(taskId) });
		expect(json(kept)).toEqual([{ deleted: true, id: taskId }]);
		expect([taskId, String(subtask.id), String(nested.id)].some((id) => bed.store.tasks.has(id))).toBe(false);
		expect(bed.store.timeEntries.get(billed)).toMatchObject({ taskId: null, isBilled: true });
	});

	it('a repeated run fails naming the task, or outputs deleted: false with Ignore If Already Deleted', async () => {
		const { taskId } = seedTask();
		await bed.run({ resource: 'task', operation: 'delete', taskId: byId(taskId) });
		const again = await bed.run({ resource: 'task', operation: 'delete', taskId: byId(taskId) });
		expect(again.error?.message).toBe(`Task ${taskId} was not found in awork, so it was not deleted`);
		const ignored = await bed.run({ resource: 'task', operation: 'delete', taskId: byId(taskId), ignoreMissing: true });
		expect(json(ignored)).toEqual([{ deleted: false, id: taskId, alreadyDeleted: true }]);
	});

	it('a delete whose answer was lost is sent again, and finding the task gone then counts as deleted', async () => {
		const { taskId } = seedTask();
		const restore = loseNextAnswer(bed, 'POST', '/api/v1/tasks/batch/:operation');
		const result = await bed.run({ resource: 'task', operation: 'delete', taskId: byId(taskId) });
		restore();
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([{ deleted: true, id: taskId }]);
		const sent = bed.requestsTo('POST', /\/tasks\/batch\/delete$/);
		expect(sent.map((entry) => entry.fault)).toEqual(['resetAfterCommit', undefined]);
		expect(sent.map((entry) => entry.status)).toEqual([207, 207]);
		expect(bed.store.tasks.has(taskId)).toBe(false);
	});
});
