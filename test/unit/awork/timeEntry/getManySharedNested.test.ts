import type { IDataObject } from 'n8n-workflow';
import { SharedNested } from '../../../../nodes/Awork/helpers/timeEntry/sharedNested';
import { simplifyTimeEntry } from '../../../../nodes/Awork/actions/timeEntry/getMany';
import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

describe('awork node: time entries, get many, simplified entries share what they belong to', () => {
	it('gives entries of one project, user, task and type of work one object each, holding the same data as before', async () => {
		const [alpha, beta] = bed.seed({ projects: [{ name: 'Alpha' }, { name: 'Beta' }] }).projects;
		const [task] = bed.seed({ tasks: [{ name: 'Design', projectId: alpha.id }] }).tasks;
		const start = (hour: number) => new Date(Date.UTC(2026, 0, 5, hour)).toISOString();
		bed.seed({
			timeEntries: [
				{ projectId: alpha.id, taskId: task.id, isBillable: true, startDateUtc: start(8), duration: 600 },
				{ projectId: alpha.id, taskId: task.id, isBillable: true, startDateUtc: start(9), duration: 600 },
				{ projectId: beta.id, isBillable: true, startDateUtc: start(10), duration: 600 },
			],
		});
		const parameters = { resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { isBillable: 'any', isBilled: 'any' } };
		const raw = json(await bed.run({ ...parameters, simple: false }));
		const [first, second, third] = json(await bed.run(parameters)) as Array<Record<string, IDataObject>>;
		expect([first, second, third]).toEqual(raw.map((entry) => simplifyTimeEntry(entry)));
		expect(second.project).toBe(first.project);
		expect(second.task).toBe(first.task);
		expect(second.user).toBe(first.user);
		expect(second.typeOfWork).toBe(first.typeOfWork);
		expect(third.project).not.toBe(first.project);
		expect(third.project).toMatchObject({ id: beta.id, name: 'Beta' });
	});

	it('keeps apart two readings of one project that differ (renamed between two pages)', () => {
		const shared = new SharedNested();
		const before = shared.of('project', { id: 'p1', name: 'Old', company: { id: 'c1', name: 'ACME' } });
		expect(shared.of('project', { id: 'p1', name: 'Old', company: { id: 'c1', name: 'ACME' } })).toBe(before);
		const renamed = shared.of('project', { id: 'p1', name: 'New', company: { id: 'c1', name: 'ACME' } });
		expect(renamed).toEqual({ id: 'p1', name: 'New', company: { id: 'c1', name: 'ACME' } });
		expect(shared.of('project', { id: 'p1', name: 'Old', company: { id: 'c1', name: 'ACME GmbH' } })).toEqual({
			id: 'p1',
			name: 'Old',
			company: { id: 'c1', name: 'ACME GmbH' },
		});
		// A user and a project with one ID are different things.
		expect(shared.of('user', { id: 'p1', name: 'Old', company: { id: 'c1', name: 'ACME' } })).not.toBe(before);
		expect(shared.of('task', null)).toBeNull();
	});
});
