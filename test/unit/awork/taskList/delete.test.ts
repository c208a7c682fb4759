/** Task List > Delete against the fake awork: the tasks stay (or go), time entries always stay, and a missing list. */
import { AworkTestBed, byId, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

function seedList() {
	const [project] = bed.seed({ projects: [{ name: 'Relaunch' }] }).projects;
	const projectId = String(project.id);
	const [list, other] = bed.seed({ taskLists: [{ name: 'Sprint 1', projectId }, { name: 'Backlog', projectId }] }).taskLists.map((l) => String(l.id));
	const [task] = bed.seed({ tasks: [{ name: 'Design', baseType: 'projecttask', projectId, lists: [list, other] }] }).tasks;
	const [entry] = bed.seed({ timeEntries: [{ projectId, taskId: String(task.id), startDateUtc: '2026-03-02T08:00:00Z', duration: 600 }] }).timeEntries;
	return { projectId, list, other, taskId: String(task.id), entryId: String(entry.id) };
}

describe('awork node: Task List > Delete', () => {
	it('deletes the list; its tasks stay in the project and their other lists', async () => {
		const { projectId, list, other, taskId } = seedList();
		const result = await bed.run({ resource: 'taskList', operation: 'delete', projectId: byId(projectId), taskListId: byId(list) });
		expect(json(result)).toEqual([{ deleted: true, id: list }]);
		expect(bed.requestsTo('POST', /\/delete$/).map((entry) => [entry.path, entry.body])).toEqual([
			[`/api/v1/projects/${projectId}/tasklists/${list}/delete`, { deleteTasks: false, deleteTimes: false }],
		]);
		expect(bed.store.taskLists.has(list)).toBe(false);
		expect((bed.store.tasks.get(taskId)!.lists as Array<{ id: string }>).map((l) => l.id)).toEqual([other]);
	});

	it('with Delete Tasks, deletes its tasks; their time entries stay, without task', async () => {
		const { projectId, list, taskId, entryId } = seedList();
		const result = await bed.run({ resource: 'taskList', operation: 'delete', projectId: byId(projectId), taskListId: byId(list), deleteTasks: true });
		expect(result.error).toBeUndefined();
		expect(bed.store.tasks.has(taskId)).toBe(false);
		expect(bed.store.timeEntries.get(entryId)).toMatchObject({ taskId: null });
	});

	it('a list of another project, or one already deleted, fails naming the list; Ignore If Already Deleted outputs deleted: false', async () => {
		const { projectId, list } = seedList();
		const [foreignProject] = bed.seed({ projects: [{ name: 'Other' }] }).projects;
		const wrongProject = await bed.run({ resource: 'taskList', operation: 'delete', projectId: byId(String(foreignProject.id)), taskListId: byId(list) });
		expect(wrongProject.error?.message).toBe(`Task list ${list} was not found in awork, so it was not deleted`);
		expect(bed.store.taskLists.has(list)).toBe(true);
		await bed.run({ resource: 'taskList', operation: 'delete', projectId: byId(projectId), taskListId: byId(list) });
		const ignored = await bed.run({ resource: 'taskList', operation: 'delete', projectId: byId(projectId), taskListId: byId(list), ignoreMissing: true });
		expect(json(ignored)).toEqual([{ deleted: false, id: list, alreadyDeleted: true }]);
	});
});
