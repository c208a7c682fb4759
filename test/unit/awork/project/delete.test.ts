/**
 * Project > Delete and Company > Delete against the fake awork: what is sent, what happens to
 * tasks, projects and time entries, the billed-entry refusal, and what a repeated or retried run does.
 */
import { byId, json } from '../harness';
import { loseNextAnswer, quickRetryBed } from '../retries';

const bed = quickRetryBed();

function seedProject(billed = false) {
	const [company, other] = bed.seed({ companies: [{ name: 'Acme' }, { name: 'Globex' }] }).companies.map((c) => String(c.id));
	const [project] = bed.seed({ projects: [{ name: 'Relaunch', companyId: company }] }).projects;
	const projectId = String(project.id);
	const [task] = bed.seed({ tasks: [{ name: 'Design', baseType: 'projecttask', projectId }] }).tasks;
	const entries = bed.seed({
		timeEntries: [
			{ projectId, taskId: String(task.id), startDateUtc: '2026-03-02T08:00:00Z', duration: 600, isBillable: true, isBilled: billed },
			{ projectId, startDateUtc: '2026-03-02T09:00:00Z', duration: 600, isBillable: true },
		],
	}).timeEntries.map((entry) => String(entry.id));
	return { company, other, projectId, taskId: String(task.id), entries };
}

describe('awork node: Project > Delete', () => {
	it('deletes the project and its tasks; its time entries stay, without project and task', async () => {
		const { projectId, taskId, entries } = seedProject(true);
		const result = await bed.run({ resource: 'project', operation: 'delete', projectId: byId(projectId) });
		expect(json(result)).toEqual([{ deleted: true, id: projectId }]);
		expect(bed.requestsTo('POST', /\/delete$/).map((entry) => [entry.path, entry.body])).toEqual([
			[`/api/v1/projects/${projectId}/delete`, { deleteTimeTrackings: false }],
		]);
		expect(bed.store.projects.has(projectId)).toBe(false);
		expect(bed.store.tasks.has(taskId)).toBe(false);
		expect(entries.map((id) => bed.store.timeEntries.get(id))).toEqual([
			expect.objectContaining({ projectId: null, taskId: null, isBilled: true }),
			expect.objectContaining({ projectId: null, taskId: null }),
		]);
	});

	it('with Delete Time Entries, refuses while one is billed (naming it), and deletes them once none is', async () => {
		const { projectId, entries } = seedProject(true);
		const refused = await bed.run({ resource: 'project', operation: 'delete', projectId: byId(projectId), deleteTimeEntries: true });
		expect(refused.error?.message).toBe(`Project ${projectId} has billed time entries (e.g. ${entries[0]}), so it was not deleted with its time entries`);
		expect(bed.store.projects.has(projectId)).toBe(true);
		expect(bed.requestsTo('GET', /\/timeentries$/)[0].query.filterby).toBe('isBilled eq true');
		bed.store.timeEntries.get(entries[0])!.isBilled = false;
		bed.store.changed();
		const result = await bed.run({ resource: 'project', operation: 'delete', projectId: byId(projectId), deleteTimeEntries: true });
		expect(json(result)).toEqual([{ deleted: true, id: projectId }]);
		expect(entries.some((id) => bed.store.timeEntries.has(id))).toBe(false);
	});

	it('a repeated run fails naming the project, or outputs deleted: false with Ignore If Already Deleted', async () => {
		const { projectId } = seedProject();
		await bed.run({ resource: 'project', operation: 'delete', projectId: byId(projectId) });
		const again = await bed.run({ resource: 'project', operation: 'delete', projectId: byId(projectId) }, { continueOnFail: true });
		expect(json(again)[0].error).toBe(`Project ${projectId} was not found in awork, so it was not deleted`);
		const ignored = await bed.run({ resource: 'project', operation: 'delete', projectId: byId(projectId), ignoreMissing: true });
		expect(json(ignored)).toEqual([{ deleted: false, id: projectId, alreadyDeleted: true }]);
	});

	it('a delete whose answer was lost is sent again; the 404 of the repeat counts as deleted', async () => {
		const { projectId } = seedProject();
		const restore = loseNextAnswer(bed, 'POST', '/api/v1/projects/:projectId/delete');
		const result = await bed.run({ resource: 'project', operation: 'delete', projectId: byId(projectId) });
		restore();
		expect(json(result)).toEqual([{ deleted: true, id: projectId }]);
		expect(bed.requestsTo('POST', /\/delete$/).map((entry) => [entry.fault, entry.status])).toEqual([
			['resetAfterCommit', 204],
			[undefined, 404],
		]);
	});
});

describe('awork node: Company > Delete', () => {
	it('deletes the company; its projects stay, without company', async () => {
		const { company, projectId } = seedProject();
		const result = await bed.run({ resource: 'company', operation: 'delete', companyId: byId(company) });
		expect(json(result)).toEqual([{ deleted: true, id: company }]);
		expect(bed.requestsTo('POST', /\/delete$/)[0].body).toEqual({ deleteOperation: 'delete-only-company' });
		expect(bed.store.companies.has(company)).toBe(false);
		expect(bed.store.projects.get(projectId)!.companyId).toBeNull();
	});

	it('moves the projects to another company', async () => {
		const { company, other, projectId } = seedProject();
		const result = await bed.run({ resource: 'company', operation: 'delete', companyId: byId(company), projects: 'move', moveToCompanyId: byId(other) });
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('POST', /\/delete$/)[0].body).toEqual({ deleteOperation: 'move', moveToCompany: other });
		expect(bed.store.projects.get(projectId)!.companyId).toBe(other);
	});

	it('refuses to move the projects to the company being deleted, and handles a missing company like the other deletes', async () => {
		const { company } = seedProject();
		const self = await bed.run({ resource: 'company', operation: 'delete', companyId: byId(company), projects: 'move', moveToCompanyId: byId(company) });
		expect(self.error?.message).toBe('Move to Company: the projects cannot move to the company being deleted');
		expect(bed.store.companies.has(company)).toBe(true);
		await bed.run({ resource: 'company', operation: 'delete', companyId: byId(company) });
		const again = await bed.run({ resource: 'company', operation: 'delete', companyId: byId(company) });
		expect(again.error?.message).toBe(`Company ${company} was not found in awork, so it was not deleted`);
		const ignored = await bed.run({ resource: 'company', operation: 'delete', companyId: byId(company), ignoreMissing: true });
		expect(json(ignored)).toEqual([{ deleted: false, id: company, alreadyDeleted: true }]);
	});
});
