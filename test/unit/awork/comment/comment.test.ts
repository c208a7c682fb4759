/** Comments against the fake awork: the comments of a project and of a task, oldest first, paged. */
import { AworkTestBed, byId, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();

function seedProjectWithTask() {
	const [project] = bed.seed({ projects: [{ name: 'Relaunch' }] }).projects;
	const [task] = bed.seed({ tasks: [{ name: 'Homepage', projectId: project.id, baseType: 'projecttask' }] }).tasks;
	bed.clearLog();
	return { projectId: String(project.id), taskId: String(task.id) };
}

describe('awork node: comments of a project', () => {
	it('lists the comments on the project only, oldest first, named after the project', async () => {
		const { projectId, taskId } = seedProjectWithTask();
		bed.seed({
			comments: [
				{ entityType: 'projects', entityId: projectId, message: 'Second', createdOn: at(2) },
				{ entityType: 'projects', entityId: projectId, message: 'First', createdOn: at(1) },
				{ entityType: 'tasks', entityId: taskId, message: 'On the task', createdOn: at(0) },
			],
		});
		bed.clearLog();
		const result = await bed.run({ resource: 'comment', operation: 'getManyOfProject', projectId: byId(projectId), returnAll: true });
		expect(result.error).toBeUndefined();
		expect(json(result).map((comment) => comment.message)).toEqual(['First', 'Second']);
		expect(json(result)[0]).toMatchObject({ entityType: 'projects', entity: { id: projectId, name: 'Relaunch' }, project: { id: projectId }, task: null });
		expect(bed.requests[0]).toMatchObject({ path: `/api/v1/projects/${projectId}/comments`, query: { orderby: 'createdOn' } });
	});

	it('checks the project ID first; a project without comments gives no item', async () => {
		const bad = await bed.run({ resource: 'comment', operation: 'getManyOfProject', projectId: '={{ "relaunch" }}', returnAll: true });
		expect(bad.error?.message).toBe('Project: "relaunch" is not an awork ID');
		expect(bed.requests).toHaveLength(0);
		// awork documents no 404 for this list (200, 400, 401).
		const none = await bed.run({ resource: 'comment', operation: 'getManyOfProject', projectId: byId(UNKNOWN), returnAll: true });
		expect(none.error).toBeUndefined();
		expect(none.items).toHaveLength(0);
	});
});

describe('awork node: comments of a task', () => {
	it('pages through more than 1,000 comments, and a limit asks for that many', async () => {
		const { taskId } = seedProjectWithTask();
		bed.seed({ comments: Array.from({ length: 1003 }, (_, n) => ({ entityId: taskId, message: `Note ${n}`, createdOn: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString() })) });
		bed.clearLog();
		const all = await bed.run({ resource: 'comment', operation: 'getManyOfTask', taskId: byId(taskId), returnAll: true });
		expect(all.items).toHaveLength(1003);
		expect(json(all)[1002]).toMatchObject({ message: 'Note 1002', task: { id: taskId, name: 'Homepage' } });
		expect(bed.requests.map((entry) => [entry.path, entry.query.page])).toEqual([
			[`/api/v1/tasks/${taskId}/comments`, '1'],
			[`/api/v1/tasks/${taskId}/comments`, '2'],
		]);
		bed.clearLog();
		const limited = await bed.run({ resource: 'comment', operation: 'getManyOfTask', taskId: byId(taskId), limit: 2 });
		expect(json(limited).map((comment) => comment.message)).toEqual(['Note 0', 'Note 1']);
		expect(bed.requests.map((entry) => entry.query.pageSize)).toEqual(['2']);
	});

	it('checks the task ID first', async () => {
		const bad = await bed.run({ resource: 'comment', operation: 'getManyOfTask', taskId: '={{ "T-1" }}', returnAll: true });
		expect(bad.error?.message).toBe('Task: "T-1" is not an awork ID');
		expect(bed.requests).toHaveLength(0);
	});
});
