import { useFakeAwork } from './helpers';

describe('fake awork resources', () => {
	const h = useFakeAwork();
	const firstId = async (path: string) => (await h.api.get(path, { params: { pageSize: 1000 } })).data[0].id as string;

	it('creates a project from a template with its statuses, lists, tasks and custom field links', async () => {
		const seeded = (
			await h.control.post('/seed', {
				customFieldDefinitions: [{ name: 'PSA position', type: 'text', entity: 'task' }],
				projectTemplates: [
					{
						name: 'Delivery',
						isBillableByDefault: 'on',
						timeBudget: 36000,
						taskStatuses: [
							{ name: 'Open', type: 'todo' },
							{ name: 'Finished', type: 'done' },
						],
						taskLists: [
							{ name: 'Concept', tasks: [{ name: 'Kick-off', plannedDuration: 3600 }, { name: 'Sitemap' }] },
							{ name: 'Design', tasks: [] },
						],
					},
				],
			})
		).data;
		const definitionId = seeded.customFieldDefinitions[0].id;
		h.awork.fake.store.templateContents.get(seeded.projectTemplates[0].id)!.customFieldDefinitionIds.push(definitionId);
		const company = (await h.api.post('/companies', { name: 'ACME GmbH' })).data;
		const res = await h.api.post('/projects', {
			name: 'Website - ACME',
			companyId: company.id,
			projectTemplateId: seeded.projectTemplates[0].id,
		});
		expect(res.status).toBe(200);
		const project = res.data;
		expect(project).toMatchObject({
			isBillableByDefault: true,
			timeBudget: 36000,
			createdByProjectTemplateId: seeded.projectTemplates[0].id,
			company: { id: company.id, name: 'ACME GmbH' },
			tasksCount: 2,
			tasksDoneCount: 0,
			plannedDuration: 3600,
			projectKey: expect.stringMatching(/^[A-Z0-9_-]+$/),
		});
		const statuses = (await h.api.get(`/projects/${project.id}/taskstatuses`)).data;
		expect(statuses.map((s: { name: string; type: string }) => `${s.name}:${s.type}`)).toEqual(['Open:todo', 'Finished:done']);
		const lists = (await h.api.get(`/projects/${project.id}/tasklists`)).data;
		expect(lists.map((l: { name: string }) => l.name)).toEqual(['Concept', 'Design']);
		const tasks = (await h.api.get(`/projects/${project.id}/projecttasks`, { params: { orderby: 'name' } })).data;
		expect(tasks.map((t: { name: string }) => t.name)).toEqual(['Kick-off', 'Sitemap']);
		expect(tasks[0]).toMatchObject({
			baseType: 'projecttask',
			projectId: project.id,
			taskStatus: { name: 'Open' },
			lists: [{ id: lists[0].id, name: 'Concept' }],
		});
		const linked = (await h.api.get(`/projects/${project.id}/customfielddefinitions`)).data;
		expect(linked.map((d: { id: string }) => d.id)).toEqual([definitionId]);
		expect((await h.api.get(`/projecttemplates/${seeded.projectTemplates[0].id}`)).data.name).toBe('Delivery');
		expect(company.projectsCount).toBe(0);
		expect((await h.api.get(`/companies/${company.id}`)).data.projectsCount).toBe(1);
	});

	it('sets project and task custom fields by type, and rejects wrong value properties or unlinked fields', async () => {
		const projectField = (await h.api.post('/customfielddefinitions', { name: 'External link', type: 'link', entity: 'project', order: 1 }))
			.data;
		const taskField = (await h.api.post('/customfielddefinitions', { name: 'Hours sold', type: 'number', entity: 'task' })).data;
		const select = (
			await h.api.post('/customfielddefinitions', {
				name: 'Tier',
				type: 'select',
				entity: 'task',
				selectionOptions: [{ value: 'Gold', order: 1 }],
			})
		).data;
		expect(
			(await h.api.post('/customfielddefinitions', { name: 'No order', type: 'text', entity: 'project' })).data.validationErrors[0]
				.property,
		).toBe('Order');
		const project = (await h.api.post('/projects', { name: 'CF' })).data;
		expect(
			(
				await h.api.post(`/projects/${project.id}/setcustomfields`, [
					{ customFieldDefinitionId: projectField.id, textValue: 'https://psa/1' },
				])
			).status,
		).toBe(204);
		expect((await h.api.get(`/projects/${project.id}`)).data.customFields).toEqual([
			expect.objectContaining({ customFieldDefinitionId: projectField.id, textValue: 'https://psa/1', numberValue: null }),
		]);
		const wrongProperty = await h.api.post(`/projects/${project.id}/setcustomfields`, [
			{ customFieldDefinitionId: projectField.id, numberValue: 3 },
		]);
		expect(wrongProperty.status).toBe(400);
		expect(wrongProperty.data.code).toBe('validation-failed');

		const task = (await h.api.post('/tasks', { baseType: 'projecttask', entityId: project.id, name: 'T' })).data;
		const unlinked = await h.api.post(`/tasks/${task.id}/setcustomfields`, [{ customFieldDefinitionId: taskField.id, numberValue: 12 }]);
		expect(unlinked.status).toBe(400);
		expect(
			(await h.api.post(`/projects/${project.id}/linkcustomfielddefinition`, { customFieldDefinitionId: taskField.id, order: 1 })).status,
		).toBe(204);
		expect(
			(await h.api.post(`/projects/${project.id}/linkcustomfielddefinition`, { customFieldDefinitionId: select.id, order: 2 })).status,
		).toBe(204);
		expect(
			(await h.api.post(`/projects/${project.id}/linkcustomfielddefinition`, { customFieldDefinitionId: taskField.id, order: 1 })).data
				.code,
		).toBe('already-exist-error');
		const set = await h.api.post(`/tasks/${task.id}/setcustomfields`, [
			{ customFieldDefinitionId: taskField.id, numberValue: 12.5 },
			{ customFieldDefinitionId: select.id, selectionOptionIdValue: select.selectionOptions[0].id },
		]);
		expect(set.status).toBe(204);
		const fields = (await h.api.get(`/tasks/${task.id}`)).data.customFields;
		expect(fields).toEqual([
			expect.objectContaining({ customFieldDefinitionId: taskField.id, numberValue: 12.5 }),
			expect.objectContaining({ selectionOption: expect.objectContaining({ value: 'Gold' }) }),
		]);
		const all = (await h.api.get('/customfielddefinitions', { params: { includeLinkedProjectIds: true } })).data;
		expect(all.find((d: { id: string }) => d.id === taskField.id).linkedProjectIds).toEqual([project.id]);
	});

	it('validates tasks, numbers them per project, changes statuses with 204/207 and keeps comments and tags', async () => {
		const project = (await h.api.post('/projects', { name: 'Tasks', projectKey: 'TSK' })).data;
		const other = (await h.api.post('/projects', { name: 'Other' })).data;
		const list = (await h.api.post(`/projects/${project.id}/tasklists`, { name: 'Backlog' })).data;
		const foreignList = (await h.api.post(`/projects/${other.id}/tasklists`, { name: 'Elsewhere' })).data;
		const missing = await h.api.post('/tasks', { baseType: 'projecttask', name: 'No project' });
		expect(missing.data.validationErrors[0].property).toBe('EntityId');
		const wrongList = await h.api.post('/tasks', {
			baseType: 'projecttask',
			entityId: project.id,
			name: 'X',
			lists: [{ id: foreignList.id, order: 1 }],
		});
		expect(wrongList.status).toBe(400);
		const t1 = (
			await h.api.post('/tasks', {
				baseType: 'projecttask',
				entityId: project.id,
				name: 'Design',
				description: 'Draft',
				plannedDuration: 7200,
				dueOn: '2024-06-01T16:00:00Z',
				lists: [{ id: list.id, order: 1 }],
			})
		).data;
		const t2 = (await h.api.post('/tasks', { baseType: 'projecttask', entityId: project.id, name: 'Build' })).data;
		expect([t1.taskIdentifier, t2.taskIdentifier]).toEqual(['TSK-1', 'TSK-2']);
		expect(t1).toMatchObject({ entityId: project.id, projectId: project.id, plannedDuration: 7200, typeOfWork: { name: 'Design' } });

		const updated = await h.api.put(`/tasks/${t1.id}`, { name: 'Design v2', plannedDuration: 3600 });
		expect(updated.data).toMatchObject({ name: 'Design v2', plannedDuration: 3600, description: null, dueOn: null });

		const statuses = (await h.api.get(`/projects/${project.id}/taskstatuses`)).data;
		const done = statuses.find((s: { type: string }) => s.type === 'done');
		const foreignStatus = (await h.api.get(`/projects/${other.id}/taskstatuses`)).data[0];
		expect((await h.api.post('/tasks/changestatuses', [{ taskId: t1.id, statusId: done.id }])).status).toBe(204);
		const mixed = await h.api.post('/tasks/changestatuses', [
			{ taskId: t2.id, statusId: foreignStatus.id },
			{ taskId: '0b8f1f3e-0000-4000-8000-000000000000', statusId: done.id },
		]);
		expect(mixed.status).toBe(207);
		expect(mixed.data).toMatchObject({
			ok: { ids: [] },
			badRequest: { ids: [t2.id] },
			notFound: { ids: ['0b8f1f3e-0000-4000-8000-000000000000'] },
		});
		const closed = (await h.api.get(`/tasks/${t1.id}`)).data;
		expect(closed.closedOn).toEqual(expect.any(String));
		expect((await h.api.get(`/projects/${project.id}`)).data).toMatchObject({ tasksCount: 2, tasksDoneCount: 1 });

		expect((await h.api.post(`/tasks/${t1.id}/comments`, { message: '<p>Ready for review</p>' })).data).toMatchObject({
			entityId: t1.id,
			plainFormattedMessage: 'Ready for review',
			task: { id: t1.id, name: 'Design v2' },
		});
		expect((await h.api.get(`/tasks/${t1.id}/comments`)).data).toHaveLength(1);
		expect((await h.api.post(`/tasks/${t1.id}/comments`, {})).status).toBe(400);
		expect((await h.api.post(`/tasks/${t1.id}/addtags`, [{ name: 'psa' }])).status).toBe(200);
		expect((await h.api.post(`/tasks/${t1.id}/addtags`, [{ name: 'PSA' }])).status).toBe(400);
		expect((await h.api.get(`/tasks/${t1.id}`)).data.tags).toEqual([expect.objectContaining({ name: 'psa' })]);
	});

	it('creates time entries from UTC or local fields and derives the other fields', async () => {
		const project = (await h.api.post('/projects', { name: 'Hours', isBillableByDefault: true })).data;
		const userId = (await h.api.get('/me')).data.id;
		const typeOfWorkId = await firstId('/typeofwork');
		const base = { timezone: 'Europe/Berlin', userId, typeOfWorkId, projectId: project.id };
		const utc = (await h.api.post('/timeentries', { ...base, startDateUtc: '2024-05-14T10:00:00Z', duration: 5400 })).data;
		expect(utc).toMatchObject({
			isBillable: true,
			isBilled: false,
			endDateUtc: '2024-05-14T11:30:00.000Z',
			startTimeUtc: '10:00:00',
			startDateLocal: '2024-05-14T12:00:00',
			endTimeLocal: '13:30:00',
			project: { id: project.id, name: 'Hours' },
			user: { id: userId },
		});
		const local = (
			await h.api.post('/timeentries', { ...base, startDateLocal: '2024-01-15T09:00:00', endTimeLocal: '10:15', isBillable: false })
		).data;
		expect(local).toMatchObject({ startDateUtc: '2024-01-15T08:00:00.000Z', duration: 4500, isBillable: false });
		const mixed = await h.api.post('/timeentries', {
			...base,
			startDateUtc: '2024-05-14T10:00:00Z',
			startDateLocal: '2024-05-14T12:00:00',
			duration: 60,
		});
		expect(mixed.status).toBe(400);
		const noUser = await h.api.post('/timeentries', {
			timezone: 'Europe/Berlin',
			typeOfWorkId,
			startDateUtc: '2024-05-14T10:00:00Z',
			duration: 60,
		});
		expect(noUser.data.validationErrors.map((e: { property: string }) => e.property)).toEqual(['UserId']);
		const backwards = await h.api.post('/timeentries', {
			...base,
			startDateUtc: '2024-05-14T10:00:00Z',
			endDateUtc: '2024-05-14T09:00:00Z',
		});
		expect(backwards.data.code).toBe('date-dependency');
		expect((await h.api.get(`/projects/${project.id}`)).data.trackedDuration).toBe(5400);
		const window = await h.api.get(`/projects/${project.id}/timeentries`, {
			params: { filterby: "startDateUtc ge datetime'2024-05-01T00:00:00Z' and isBillable eq true", orderby: 'startDateUtc desc' },
		});
		expect(window.data.map((t: { id: string }) => t.id)).toEqual([utc.id]);
		expect((await h.api.get(`/timeentries/${local.id}`)).data.duration).toBe(4500);
		expect((await h.api.delete(`/timeentries/${local.id}`)).status).toBe(204);
		expect((await h.api.get(`/timeentries/${local.id}`)).status).toBe(404);
	});

	it('derives the local and UTC time fields again when an entry\'s times or time zone change', async () => {
		const userId = (await h.api.get('/me')).data.id;
		const typeOfWorkId = await firstId('/typeofwork');
		const form = { timezone: 'Europe/Berlin', userId, typeOfWorkId, startDateUtc: '2024-05-14T10:00:00Z', duration: 3600 };
		const entry = (await h.api.post('/timeentries', form)).data;
		expect((await h.api.get(`/timeentries/${entry.id}`)).data).toMatchObject({ startTimeUtc: '10:00:00', startTimeLocal: '12:00:00', endTimeLocal: '13:00:00' });
		await h.api.put(`/timeentries/${entry.id}`, { ...form, startDateUtc: '2024-01-15T07:30:00Z' });
		expect((await h.api.get(`/timeentries/${entry.id}`)).data).toMatchObject({
			startTimeUtc: '07:30:00',
			startDateLocal: '2024-01-15T08:30:00',
			endTimeLocal: '09:30:00',
		});
		await h.api.put(`/timeentries/${entry.id}`, { ...form, startDateUtc: '2024-01-15T07:30:00Z', timezone: 'America/New_York' });
		const listed = (await h.api.get('/timeentries', { params: { filterby: `id eq guid'${entry.id}'` } })).data[0];
		expect(listed).toMatchObject({ timezone: 'America/New_York', startDateLocal: '2024-01-15T02:30:00', startTimeLocal: '02:30:00' });
	});

	it('updates projects with PUT replace semantics and changes their status', async () => {
		const project = (await h.api.post('/projects', { name: 'Old', description: 'keep?', timeBudget: 100 })).data;
		const put = await h.api.put(`/projects/${project.id}`, { name: 'New', timeBudget: 200 });
		expect(put.data).toMatchObject({ name: 'New', timeBudget: 200, description: null, projectKey: project.projectKey });
		const closed = (await h.api.get('/projectstatuses', { params: { filterby: "type eq 'closed'" } })).data[0];
		expect((await h.api.post(`/projects/${project.id}/changestatus`, { projectStatusId: closed.id })).status).toBe(204);
		expect((await h.api.get(`/projects/${project.id}`)).data).toMatchObject({
			projectStatusId: closed.id,
			projectStatus: { type: 'closed' },
			closedOn: expect.any(String),
		});
		const unknown = await h.api.post(`/projects/${project.id}/changestatus`, { projectStatusId: '0b8f1f3e-0000-4000-8000-000000000000' });
		expect(unknown.data.validationErrors[0].property).toBe('ProjectStatusId');
		await h.control.put('/config', { putSemantics: 'merge' });
		expect((await h.api.put(`/projects/${project.id}`, { name: 'Merged' })).data.timeBudget).toBe(200);
	});

	it('serves 100k generated time entries page by page with filters', async () => {
		const generated = (
			await h.control.post('/timeentries/generate', {
				count: 100000,
				billableRatio: 0.5,
				billedRatio: 0.5,
				from: '2024-01-01T00:00:00Z',
				to: '2024-07-01T00:00:00Z',
			})
		).data;
		expect(generated).toMatchObject({ created: 100000, totalTimeEntries: 100000 });
		const params = {
			filterby: "isBillable eq true and isBilled eq false and startDateUtc lt datetime'2024-04-01T00:00:00Z'",
			orderby: 'startDateUtc',
			pageSize: 1000,
		};
		const first = await h.api.get('/timeentries', { params: { ...params, page: 1 } });
		const total = Number(first.headers['aw-totalitems']);
		expect(total).toBeGreaterThan(10000);
		expect(total).toBeLessThan(15000);
		let previous = '';
		let seen = 0;
		for (let page = 1; page <= Math.ceil(total / 1000); page++) {
			const res = page === 1 ? first : await h.api.get('/timeentries', { params: { ...params, page } });
			for (const entry of res.data) {
				expect(entry.isBillable && !entry.isBilled).toBe(true);
				// Old work: last written when its time ended, not when it was generated.
				expect(entry.updatedOn).toBe(entry.endDateUtc);
				expect(entry.startDateUtc >= previous).toBe(true);
				previous = entry.startDateUtc;
			}
			seen += res.data.length;
		}
		expect(seen).toBe(total);
	});

	it('stamps seeded and generated time entries as written at their end, at the latest ten minutes ago', async () => {
		const now = Date.now();
		// A whole minute 30 minutes ago (the generator starts entries on whole minutes): runs 1 h, past now.
		const endsSoon = new Date(Math.floor((now - 30 * 60_000) / 60_000) * 60_000).toISOString();
		const seeded = (await h.control.post('/seed', { timeEntries: [{ startDateUtc: '2024-01-01T09:00:00Z', duration: 3600 }, { startDateUtc: endsSoon, duration: 3600 }] }))
			.data.timeEntries as Array<{ updatedOn: string; createdOn: string; endDateUtc: string }>;
		expect(seeded[0].updatedOn).toBe(seeded[0].endDateUtc);
		expect(Date.parse(seeded[1].updatedOn)).toBeLessThanOrEqual(now - 10 * 60_000 + 1000);
		expect(seeded[1].createdOn).toBe(seeded[1].updatedOn);
		await h.control.post('/timeentries/generate', { count: 20, billableRatio: 1, billedRatio: 0, from: endsSoon, to: new Date(now).toISOString() });
		const generated = (await h.api.get('/timeentries', { params: { filterby: `startDateUtc ge datetime'${endsSoon.slice(0, 19)}Z'`, pageSize: 100 } })).data as Array<{ updatedOn: string }>;
		expect(generated.length).toBeGreaterThanOrEqual(20);
		expect(generated.every((entry) => Date.parse(entry.updatedOn) <= now - 10 * 60_000 + 1000)).toBe(true);
	});

	it('exposes state, per-collection filtered state and reset through the control API', async () => {
		await h.control.post('/seed', {
			users: [{ firstName: 'Max', lastName: 'Muster', _me: true }],
			companies: [{ name: 'A' }, { name: 'B' }],
		});
		const state = (await h.control.get('/state')).data;
		expect(state.counts).toMatchObject({ companies: 2, users: 2, projectStatuses: 4, typesOfWork: 3 });
		expect(state.collections.companies).toHaveLength(2);
		expect((await h.api.get('/me')).data.firstName).toBe('Max');
		expect((await h.control.get('/state/companies', { params: { filterby: "name eq 'B'" } })).data).toEqual([
			expect.objectContaining({ name: 'B' }),
		]);
		expect((await h.control.get('/state/nothing')).status).toBe(404);
		await h.control.post('/reset', { defaults: false });
		expect((await h.control.get('/state')).data.counts.users).toBe(0);
	});
});
