/**
 * Task > Change Status with "Prefer Status Named" (used by workflows/task-ticket-status-sync.json
 * for the done status named in its Settings): the named status when the task's project has it,
 * otherwise the first status of the chosen type.
 */
import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

function seedProjectWithTask(extraStatuses: Array<{ name: string; type: string; order: number }> = []) {
	const [project] = bed.seed({ projects: [{ name: 'Support' }] }).projects;
	const projectId = String(project.id);
	if (extraStatuses.length) bed.seed({ taskStatuses: extraStatuses.map((status) => ({ ...status, projectId })) });
	const [task] = bed.seed({ tasks: [{ name: 'Printer offline', baseType: 'projecttask', projectId, entityId: projectId }] }).tasks;
	return { projectId, taskId: String(task.id) };
}

const statusOf = (projectId: string, name: string) =>
	[...bed.store.taskStatuses.values()].find((status) => status.projectId === projectId && status.name === name)!;

describe('awork node: task change status, preferred status name', () => {
	it('uses the status of that name (any case) even when another status of the type comes first', async () => {
		const { projectId, taskId } = seedProjectWithTask([{ name: 'Resolved in PSA', type: 'done', order: 99 }]);
		const result = await bed.run({
			resource: 'task',
			operation: 'changeStatus',
			taskId,
			statusBy: 'type',
			statusType: 'done',
			statusName: '  resolved IN psa ',
		});
		expect(result.error).toBeUndefined();
		const wanted = statusOf(projectId, 'Resolved in PSA');
		expect(bed.requestsTo('POST', /changestatuses$/).map((entry) => entry.body)).toEqual([[{ taskId, statusId: wanted.id }]]);
		expect(json(result)[0].taskStatusId).toBe(wanted.id);
	});

	it('falls back to the first status of the type when the project has no status of that name', async () => {
		const { projectId, taskId } = seedProjectWithTask();
		const result = await bed.run({
			resource: 'task',
			operation: 'changeStatus',
			taskId,
			statusBy: 'type',
			statusType: 'done',
			statusName: 'Resolved in PSA',
		});
		expect(result.error).toBeUndefined();
		expect(bed.store.tasks.get(taskId)!.taskStatusId).toBe(statusOf(projectId, 'Done').id);
	});

	it('an empty name keeps the plain type choice', async () => {
		const { projectId, taskId } = seedProjectWithTask([{ name: 'Archived', type: 'done', order: 99 }]);
		const result = await bed.run({ resource: 'task', operation: 'changeStatus', taskId, statusBy: 'type', statusType: 'done', statusName: '' });
		expect(result.error).toBeUndefined();
		expect(bed.store.tasks.get(taskId)!.taskStatusId).toBe(statusOf(projectId, 'Done').id);
	});
});
