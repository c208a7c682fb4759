import { byId, json, paired } from '../harness';
import { quickRetryBed } from '../retries';

const bed = quickRetryBed();

describe('awork node: project create', () => {
	it('creates a project from scratch with the mapped fields', async () => {
		const [company] = bed.seed({ companies: [{ name: 'ACME GmbH' }] }).companies;
		const status = [...bed.store.projectStatuses.values()].find((s) => s.type === 'progress')!;
		const type = [...bed.store.projectTypes.values()][0];
		const result = await bed.run({
			resource: 'project',
			operation: 'create',
			name: 'Website Relaunch',
			projectKey: 'psa-0042',
			createFrom: 'scratch',
			additionalFields: {
				companyId: byId(String(company.id)),
				projectTypeId: type.id,
				projectStatusId: status.id,
				startDate: '2026-02-01',
				dueDate: '2026-03-31T18:00:00+02:00',
				timeBudgetHours: 12.5,
				isBillableByDefault: true,
				description: 'From the PSA',
			},
		}, { timezone: 'Europe/Berlin' });
		expect(result.error).toBeUndefined();
		const [sent] = bed.requestsTo('POST', /\/projects$/);
		expect(sent.body).toEqual({
			name: 'Website Relaunch',
			projectKey: 'PSA-0042',
			companyId: company.id,
			projectTypeId: type.id,
			projectStatusId: status.id,
			// Without an offset: midnight in the workflow's time zone; with one: as given.
			startDate: '2026-01-31T23:00:00Z',
			dueDate: '2026-03-31T16:00:00Z',
			timeBudget: 45000,
			isBillableByDefault: true,
			description: 'From the PSA',
		});
		const stored = [...bed.store.projects.values()];
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ projectKey: 'PSA-0042', timeBudget: 45000, companyId: company.id });
		expect(json(result)[0]).toMatchObject({ id: stored[0].id, name: 'Website Relaunch' });
		expect(paired(result)).toEqual([0]);
	});

	it('creates from a project template', async () => {
		const [template] = bed.seed({ projectTemplates: [{ name: 'Client Delivery' }] }).projectTemplates;
		const result = await bed.run({
			resource: 'project',
			operation: 'create',
			name: 'From template',
			createFrom: 'template',
			projectTemplateId: byId(String(template.id)),
		});
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('POST', /\/projects$/)[0].body).toEqual({ name: 'From template', projectTemplateId: template.id });
		expect([...bed.store.projects.values()][0].createdByProjectTemplateId).toBe(template.id);
	});

	it('names the parameter when a value is invalid, before calling awork', async () => {
		const badKey = await bed.run({ resource: 'project', operation: 'create', name: 'X', projectKey: 'has space' });
		expect(badKey.error?.message).toBe('Project Key: "has space" is not a valid awork project key');
		const badDate = await bed.run({ resource: 'project', operation: 'create', name: 'X', additionalFields: { dueDate: 'soon' } });
		expect(badDate.error?.message).toMatch(/^Due Date: "soon" is not a date: expected an ISO 8601 date/);
		expect(bed.requests).toHaveLength(0);
	});

	it('reports awork validation errors naming the property', async () => {
		bed.seed({ projects: [{ name: 'Existing', projectKey: 'TAKEN' }] });
		const result = await bed.run({ resource: 'project', operation: 'create', name: 'New', projectKey: 'taken' });
		expect(result.error?.message).toBe(
			"awork rejected the request: ProjectKey: The project key 'TAKEN' is already in use. (validation-failed)",
		);
	});
});

describe('awork node: project create if missing', () => {
	const params = (key: string) => ({ resource: 'project', operation: 'createIfMissing', name: 'PSA project', projectKey: key });

	it('creates once and returns the existing project on a replay', async () => {
		const first = await bed.run(params('psa-7'));
		expect(json(first)[0]).toMatchObject({ projectKey: 'PSA-7', created: true });
		const second = await bed.run(params('PSA-7'));
		expect(json(second)[0]).toMatchObject({ id: json(first)[0].id, created: false });
		expect(bed.store.projects.size).toBe(1);
		expect(bed.requestsTo('POST', /\/projects$/)).toHaveLength(1);
		expect(bed.requestsTo('GET', /\/projects\/key\/PSA-7$/)).toHaveLength(2);
	});

	it('handles several items with the same key in one run: one project, created only for the first', async () => {
		const result = await bed.run(
			{ ...params('={{ $json.key }}') },
			{ input: [{ json: { key: 'dup-1' } }, { json: { key: 'dup-1' } }, { json: { key: 'other' } }] },
		);
		expect(json(result).map((p) => [p.projectKey, p.created])).toEqual([
			['DUP-1', true],
			['DUP-1', false],
			['OTHER', true],
		]);
		expect(paired(result)).toEqual([0, 1, 2]);
		expect(bed.store.projects.size).toBe(2);
	});

	it('re-reads and answers created: false when a concurrent run created the key first (400 duplicate)', async () => {
		// The lookup says "missing", then someone else creates the key before our POST lands.
		const restore = bed.wrapRoute('GET', '/api/v1/projects/key/:projectKey', (original) => {
			let calls = 0;
			return async (req) => {
				if (++calls > 1) return await original(req);
				const answer = await original(req);
				bed.seed({ projects: [{ name: 'Winner', projectKey: 'RACE-1' }] });
				return answer;
			};
		});
		try {
			const result = await bed.run(params('race-1'));
			expect(result.error).toBeUndefined();
			expect(json(result)[0]).toMatchObject({ name: 'Winner', created: false });
			expect(bed.store.projects.size).toBe(1);
			expect(bed.requestsTo('POST', /\/projects$/).map((e) => e.status)).toEqual([400]);
		} finally {
			restore();
		}
	});

	it('does not repeat a create whose answer was lost, and finds the project by its key', async () => {
		// The connection breaks after awork stored the project: only the POST is affected.
		const restoreLookup = bed.wrapRoute('GET', '/api/v1/projects/key/:projectKey', (original) => async (req) => {
			const answer = await original(req);
			if (answer.status === 404) bed.setFaults({ resetAfterCommitRate: 1 });
			return answer;
		});
		const restoreCreate = bed.wrapRoute('POST', '/api/v1/projects', (original) => async (req) => {
			bed.setFaults({ resetAfterCommitRate: 0 });
			return await original(req);
		});
		try {
			const result = await bed.run(params('lost-answer'));
			expect(result.error).toBeUndefined();
			expect(json(result)[0]).toMatchObject({ projectKey: 'LOST-ANSWER', created: true });
			expect(bed.store.projects.size).toBe(1);
			expect(bed.requestsTo('POST', /\/projects$/).map((e) => e.fault)).toEqual(['resetAfterCommit']);
			expect(bed.requestsTo('GET', /\/projects\/key\//)).toHaveLength(2);
		} finally {
			restoreLookup();
			restoreCreate();
		}
	});

	it('fails clearly on a lost create answer when the project cannot be found either', async () => {
		const restore = bed.wrapRoute('POST', '/api/v1/projects', () => async () => {
			bed.setFaults({ resetAfterCommitRate: 0 });
			return { status: 500, body: { code: 'server-error', description: 'An internal error occurred.' } };
		});
		try {
			const result = await bed.run(params('never-stored'));
			expect(result.error?.message).toBe('awork failed with a server error (500) (server-error) on POST /projects');
			expect(result.error?.description).toMatch(/may or may not have applied this change/);
			expect(bed.requestsTo('POST', /\/projects$/)).toHaveLength(1);
		} finally {
			restore();
		}
	});
});

describe('awork node: project get, get many, update, change status', () => {
	it('gets a project, and with continue on fail reports a missing one per item', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Alpha' }] }).projects;
		const result = await bed.run(
			{ resource: 'project', operation: 'get', projectId: byId('={{ $json.id }}') },
			{ input: [{ json: { id: project.id } }, { json: { id: '00000000-0000-0000-0000-000000000000' } }, { json: { id: 'nope' } }], continueOnFail: true },
		);
		expect(json(result)[0]).toMatchObject({ id: project.id, name: 'Alpha' });
		expect(json(result)[1].error).toBe('awork could not find /projects/00000000-0000-0000-0000-000000000000 (404) (not-found)');
		expect(json(result)[2].error).toBe('Project: "nope" is not an awork ID');
		expect(paired(result)).toEqual([0, 1, 2]);
		const failing = await bed.run({ resource: 'project', operation: 'get', projectId: byId('00000000-0000-0000-0000-000000000000') });
		expect(failing.error?.message).toMatch(/could not find/);
	});

	it('filters by status type, company and name (user text escaped), ANDs the raw filter, and stops at the limit', async () => {
		const [acme, other] = bed.seed({ companies: [{ name: 'ACME' }, { name: 'Other' }] }).companies;
		const progress = [...bed.store.projectStatuses.values()].find((s) => s.type === 'progress')!;
		bed.seed({
			projects: [
				{ name: "O'Brien Web", companyId: acme.id, projectStatusId: progress.id, timeBudget: 100 },
				{ name: "O'Brien App", companyId: acme.id, projectStatusId: progress.id, timeBudget: 500 },
				{ name: "O'Brien Old", companyId: other.id, projectStatusId: progress.id },
				{ name: 'Unrelated', companyId: acme.id, projectStatusId: progress.id },
			],
		});
		const result = await bed.run({
			resource: 'project',
			operation: 'getMany',
			returnAll: true,
			filters: { statusType: 'progress', companyId: byId(String(acme.id)), nameContains: "O'Brien", rawFilter: 'timeBudget gt 200' },
		});
		expect(result.error).toBeUndefined();
		expect(json(result).map((p) => p.name)).toEqual(["O'Brien App"]);
		const [request] = bed.requestsTo('GET', /\/projects$/);
		expect(request.query.filterby).toBe(
			`projectStatus/type eq 'progress' and companyId eq guid'${acme.id}' and substringof('O''Brien',name) and (timeBudget gt 200)`,
		);
		bed.clearLog();
		const limited = await bed.run({ resource: 'project', operation: 'getMany', returnAll: false, limit: 2 });
		expect(limited.items).toHaveLength(2);
		expect(bed.requests.map((e) => e.query.pageSize)).toEqual(['2']);
	});

	it('refuses a hostile name filter from changing the query, and a raw filter that escapes its group', async () => {
		bed.seed({ projects: [{ name: 'Secret' }, { name: 'Public' }] });
		const hostile = await bed.run({
			resource: 'project',
			operation: 'getMany',
			returnAll: true,
			filters: { nameContains: "x',name) or substringof('" },
		});
		expect(hostile.items).toHaveLength(0);
		const escaping = await bed.run({
			resource: 'project',
			operation: 'getMany',
			returnAll: true,
			filters: { nameContains: 'Pub', rawFilter: "name eq 'a') or (name ne 'a'" },
		});
		expect(escaping.error?.message).toMatch(/^Raw Filter \(Expert\): .* closes a parenthesis it never opened/);
	});

	it('updates only the chosen fields and keeps the others (PUT replaces the whole form)', async () => {
		const [company] = bed.seed({ companies: [{ name: 'ACME' }] }).companies;
		const [project] = bed.seed({
			projects: [{ name: 'Keep me', description: 'keep', companyId: company.id, isBillableByDefault: true, timeBudget: 3600 }],
		}).projects;
		const result = await bed.run({
			resource: 'project',
			operation: 'update',
			projectId: byId(String(project.id)),
			updateFields: { name: 'Renamed', timeBudgetHours: 2 },
		});
		expect(result.error).toBeUndefined();
		const stored = bed.store.projects.get(String(project.id))!;
		expect(stored).toMatchObject({ name: 'Renamed', timeBudget: 7200, description: 'keep', companyId: company.id, isBillableByDefault: true });
		expect(json(result)[0]).toMatchObject({ name: 'Renamed' });
		const empty = await bed.run({ resource: 'project', operation: 'update', projectId: byId(String(project.id)), updateFields: {} });
		expect(empty.error?.message).toBe('Update Fields: choose at least one field to change');
	});

	it('changes the status and answers the project afterwards', async () => {
		const [project] = bed.seed({ projects: [{ name: 'P' }] }).projects;
		const closed = [...bed.store.projectStatuses.values()].find((s) => s.type === 'closed')!;
		const result = await bed.run({
			resource: 'project',
			operation: 'changeStatus',
			projectId: byId(String(project.id)),
			projectStatusId: closed.id,
		});
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('POST', /changestatus$/)[0].body).toEqual({ projectStatusId: closed.id });
		expect(bed.store.projects.get(String(project.id))!.projectStatusId).toBe(closed.id);
		expect(json(result)[0].projectStatusId).toBe(closed.id);
	});
});

describe('awork node: project set custom fields', () => {
	it('resolves fields by ID or name and sends each value in the property of its type', async () => {
		const defs = bed.seed({
			customFieldDefinitions: [
				{ name: 'External Project Link', type: 'link', entity: 'project', order: 1 },
				{ name: 'Budget', type: 'number', entity: 'project', order: 2 },
				{ name: 'Signed On', type: 'date', entity: 'project', order: 3 },
				{ name: 'Fixed Price', type: 'boolean', entity: 'project', order: 4 },
				{ name: 'Notes', type: 'text', entity: 'project', order: 5 },
				{ name: 'Notes', type: 'text', entity: 'task' },
			],
		}).customFieldDefinitions;
		const [project] = bed.seed({ projects: [{ name: 'P' }] }).projects;
		const result = await bed.run({
			resource: 'project',
			operation: 'setCustomFields',
			projectId: byId(String(project.id)),
			customFields: {
				field: [
					{ definition: String(defs[0].id), value: 'https://psa.example.com/projects/42' },
					{ definition: 'budget', value: '1250.5' },
					{ definition: 'Signed On', value: '2026-01-15' },
					{ definition: 'Fixed Price', value: 'true' },
					{ definition: 'Notes', value: "O'Brien & co" },
				],
			},
		}, { timezone: 'Europe/Berlin' });
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('POST', /setcustomfields$/)[0].body).toEqual([
			{ customFieldDefinitionId: defs[0].id, textValue: 'https://psa.example.com/projects/42' },
			{ customFieldDefinitionId: defs[1].id, numberValue: 1250.5 },
			{ customFieldDefinitionId: defs[2].id, dateValue: '2026-01-14T23:00:00Z' },
			{ customFieldDefinitionId: defs[3].id, booleanValue: true },
			{ customFieldDefinitionId: defs[4].id, textValue: "O'Brien & co" },
		]);
		const stored = bed.store.projects.get(String(project.id))!.customFields as Array<Record<string, unknown>>;
		expect(stored.find((f) => f.customFieldDefinitionId === defs[1].id)?.numberValue).toBe(1250.5);
		// One read of the definitions serves all fields.
		expect(bed.requestsTo('GET', /\/customfielddefinitions$/)).toHaveLength(1);
	});

	it('names the field and the expected value when a value does not fit its type', async () => {
		bed.seed({ customFieldDefinitions: [{ name: 'Budget', type: 'number', entity: 'project', order: 1 }] });
		const [project] = bed.seed({ projects: [{ name: 'P' }] }).projects;
		const run = (definition: string, value: string) =>
			bed.run({
				resource: 'project',
				operation: 'setCustomFields',
				projectId: byId(String(project.id)),
				customFields: { field: [{ definition, value }] },
			});
		expect((await run('Budget', 'twelve')).error?.message).toBe(
			'Custom Fields: "twelve" is not a valid value for "Budget" (number); expected a number',
		);
		expect((await run('Missing Field', '1')).error?.message).toBe('Custom Fields: there is no project custom field "Missing Field"');
		expect(bed.requestsTo('POST', /setcustomfields$/)).toHaveLength(0);
	});
});
