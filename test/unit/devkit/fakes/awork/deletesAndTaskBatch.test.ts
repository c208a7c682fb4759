/**
 * The fake awork's delete endpoints and task batch as the OpenAPI describes them, including the
 * variants the awork node does not send (company delete-all, assignusers, other batch operations).
 */
import { useFakeAwork } from './helpers';

describe('fake awork: deletes and task batch', () => {
	const h = useFakeAwork();

	async function seedWork() {
		const seeded = (
			await h.control.post('/seed', {
				companies: [{ name: 'Acme' }, { name: 'Globex' }],
				users: [{ firstName: 'Ada' }, { firstName: 'Ben' }],
			})
		).data;
		const [acme, globex] = seeded.companies.map((c: { id: string }) => c.id);
		const projects = (await h.control.post('/seed', { projects: [{ name: 'P1', companyId: acme }, { name: 'P2', companyId: acme }] })).data.projects;
		const [task] = (await h.control.post('/seed', { tasks: [{ name: 'T', baseType: 'projecttask', projectId: projects[0].id }] })).data.tasks;
		await h.control.post('/seed', {
			timeEntries: [
				{ projectId: projects[0].id, taskId: task.id, startDateUtc: '2026-03-02T08:00:00Z', duration: 600 },
				{ projectId: projects[1].id, startDateUtc: '2026-03-02T09:00:00Z', duration: 600 },
			],
		});
		return { acme, globex, projects: projects.map((p: { id: string }) => p.id), taskId: task.id as string, users: seeded.users.map((u: { id: string }) => u.id) };
	}

	const store = () => h.awork.fake.store;

	it('company delete: delete-all-without-timeentries deletes the projects and keeps their entries; delete-all deletes the entries too', async () => {
		const { acme, globex, projects } = await seedWork();
		const moveToNothing = await h.api.post(`/companies/${acme}/delete`, { deleteOperation: 'move' });
		expect(moveToNothing.status).toBe(400);
		expect(moveToNothing.data.validationErrors[0].property).toBe('MoveToCompany');
		const unknownOperation = await h.api.post(`/companies/${acme}/delete`, { deleteOperation: 'shred' });
		expect(unknownOperation.status).toBe(400);
		expect((await h.api.post(`/companies/${acme}/delete`, { deleteOperation: 'delete-all-without-timeentries' })).status).toBe(204);
		expect(projects.some((id: string) => store().projects.has(id))).toBe(false);
		expect([...store().timeEntries.values()].map((entry) => entry.projectId)).toEqual([null, null]);
		await h.control.post('/seed', { projects: [{ name: 'P3', companyId: globex }] });
		const [p3] = [...store().projects.values()].filter((p) => p.companyId === globex);
		await h.control.post('/seed', { timeEntries: [{ projectId: p3.id, startDateUtc: '2026-03-03T08:00:00Z', duration: 60 }] });
		expect((await h.api.post(`/companies/${globex}/delete`, { deleteOperation: 'delete-all' })).status).toBe(204);
		expect(store().timeEntries.size).toBe(2);
		expect((await h.api.post(`/companies/${globex}/delete`)).status).toBe(404);
	});

	it('project delete without a body keeps the entries; a task list of another project is 404', async () => {
		const { projects, taskId } = await seedWork();
		const [list] = (await h.control.post('/seed', { taskLists: [{ name: 'L', projectId: projects[1] }] })).data.taskLists;
		expect((await h.api.post(`/projects/${projects[0]}/tasklists/${list.id}/delete`)).status).toBe(404);
		expect((await h.api.post(`/projects/${projects[0]}/delete`)).status).toBe(204);
		expect(store().tasks.has(taskId)).toBe(false);
		expect(store().timeEntries.size).toBe(2);
		expect((await h.api.post(`/projects/${projects[0]}/delete`)).status).toBe(404);
	});

	it('task batch: assignusers adds or replaces, unknown task IDs come back under notFound, other operations are 400', async () => {
		const { taskId, users } = await seedWork();
		const missing = '00000000-0000-4000-8000-000000000009';
		const add = await h.api.post('/tasks/batch/assignusers', { taskIds: [taskId, missing], userIds: [users[0]] });
		expect(add.status).toBe(207);
		expect(add.data).toEqual({ ok: { ids: [taskId] }, notFound: { ids: [missing] }, unauthorized: { ids: [] }, badRequest: { ids: [] } });
		await h.api.post('/tasks/batch/assignusers', { taskIds: [taskId], userIds: [users[1]] });
		expect(store().tasks.get(taskId)!.assignees.map((a: { id: string }) => a.id)).toEqual([users[0], users[1]]);
		await h.api.post('/tasks/batch/assignusers', { taskIds: [taskId], userIds: [users[1]], removeOldAssignments: true });
		expect(store().tasks.get(taskId)!.assignees.map((a: { id: string }) => a.id)).toEqual([users[1]]);
		const other = await h.api.post('/tasks/batch/setprio', { taskIds: [taskId], isPrio: true });
		expect(other.status).toBe(400);
		expect(other.data.code).toBe('invalid-batch-operation');
		expect((await h.api.post('/tasks/batch/delete', { taskIds: [] })).status).toBe(400);
		const setassignees = await h.api.post(`/tasks/${taskId}/setassignees`, { userIds: [users[0]] });
		expect(setassignees.status).toBe(400);
		expect(setassignees.data.code).toBe('invalid-model');
	});
});
