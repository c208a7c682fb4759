import type { IDataObject } from 'n8n-workflow';
import { Awork } from '../../../../nodes/Awork/Awork.node';
import * as listSearch from '../../../../nodes/Awork/methods/listSearch';
import * as loadOptions from '../../../../nodes/Awork/methods/loadOptions';
import { aworkEditorContext } from '../editorContext';
import { AworkTestBed, byId, json, paired } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

describe('awork node: companies', () => {
	it('creates, gets and lists companies', async () => {
		const created = await bed.run(
			{ resource: 'company', operation: 'create', name: '={{ $json.name }}', additionalFields: { industry: 'Retail' } },
			{ input: [{ json: { name: 'ACME & Sons' } }, { json: { name: '' } }], continueOnFail: true },
		);
		expect(json(created)[0]).toMatchObject({ name: 'ACME & Sons', industry: 'Retail' });
		expect(json(created)[1]).toEqual({ name: '', error: 'Name: a company needs a name' });
		expect(paired(created)).toEqual([0, 1]);
		expect(bed.requestsTo('POST', /\/companies$/)).toHaveLength(1);
		const id = String(json(created)[0].id);
		const got = await bed.run({ resource: 'company', operation: 'get', companyId: byId(id) });
		expect(json(got)[0].id).toBe(id);
		bed.seed({ companies: [{ name: 'Beta' }, { name: 'Gamma' }] });
		const many = await bed.run({ resource: 'company', operation: 'getMany', returnAll: true, filters: { nameContains: 'a' } });
		expect(json(many).map((c) => c.name)).toEqual(['ACME & Sons', 'Beta', 'Gamma']);
	});
});

describe('awork node: rate limits', () => {
	it("waits out awork's 429s (RateLimit-Reset) and finishes every item", async () => {
		const [company] = bed.seed({ companies: [{ name: 'ACME' }] }).companies;
		bed.setFaults({ burst429: 2 });
		const result = await bed.run(
			{ resource: 'company', operation: 'get', companyId: byId(String(company.id)) },
			{ input: [{ json: {} }, { json: {} }, { json: {} }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(bed.requests.map((e) => e.status)).toEqual([429, 429, 200, 200, 200]);
		// Each retry waited for the reset the fake announced (1 s): a lower bound, not a timing.
		expect(bed.requests[2].at - bed.requests[0].at).toBeGreaterThanOrEqual(2000);
	});
});

describe('awork node: workspace lists', () => {
	it.each([
		['getUsers', '/api/v1/users'],
		['getTypesOfWork', '/api/v1/typeofwork'],
		['getProjectTemplates', '/api/v1/projecttemplates'],
		['getProjectTypes', '/api/v1/projecttypes'],
		['getProjectStatuses', '/api/v1/projectstatuses'],
	])('%s reads %s', async (operation, path) => {
		bed.seed({ projectTemplates: [{ name: 'Template' }] });
		const result = await bed.run({ resource: 'workspace', operation, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		expect(bed.requests.map((e) => e.path)).toEqual([path]);
	});

	it('reads the task statuses of a project and honours the limit', async () => {
		const [project] = bed.seed({ projects: [{ name: 'P' }] }).projects;
		const result = await bed.run({ resource: 'workspace', operation: 'getTaskStatuses', projectId: byId(String(project.id)), limit: 2 });
		expect(result.items).toHaveLength(2);
		expect(bed.requests[0].path).toBe(`/api/v1/projects/${project.id}/taskstatuses`);
		expect(bed.requests[0].query.pageSize).toBe('2');
	});
});

const editorContext = (current: IDataObject = {}) => aworkEditorContext(bed, current);

describe('awork node: editor lists', () => {
	it('searches projects by name with escaped text and pages by 100', async () => {
		bed.seed({ projects: Array.from({ length: 120 }, (_, i) => ({ name: `O'Brien ${i}`, projectKey: `OB-${i}` })) });
		bed.seed({ projects: [{ name: 'Other' }] });
		const first = await listSearch.searchProjects.call(editorContext(), "o'brien");
		expect(first.results).toHaveLength(100);
		expect(first.results[0].name).toMatch(/^O'Brien \d+ \(OB-\d+\)$/);
		expect(first.paginationToken).toBe('2');
		const second = await listSearch.searchProjects.call(editorContext(), "O'Brien", first.paginationToken);
		expect(second.results).toHaveLength(20);
		expect(second.paginationToken).toBeUndefined();
		expect(bed.requests[0].query.filterby).toBe("substringof('o''brien',name)");
	});

	it('lists task lists and task statuses of the chosen project, and nothing without one', async () => {
		const [project] = bed.seed({ projects: [{ name: 'P' }] }).projects;
		bed.seed({ taskLists: [{ name: 'Design', projectId: project.id }] });
		expect((await listSearch.searchTaskLists.call(editorContext())).results).toEqual([]);
		expect(await loadOptions.getTaskStatuses.call(editorContext())).toEqual([]);
		const withProject = editorContext({ projectId: byId(String(project.id)) });
		expect((await listSearch.searchTaskLists.call(withProject)).results.map((r) => r.name)).toEqual(['Design']);
		const statuses = await loadOptions.getTaskStatuses.call(withProject);
		expect(statuses.length).toBeGreaterThan(1);
		expect(statuses.every((s) => /^Type: /.test(String(s.description)))).toBe(true);
	});

	it('offers the custom fields of the entity the node works on', async () => {
		bed.seed({
			customFieldDefinitions: [
				{ name: 'Link', type: 'link', entity: 'project', order: 1 },
				{ name: 'Level', type: 'text', entity: 'task' },
			],
		});
		expect((await loadOptions.getCustomFieldDefinitions.call(editorContext({ resource: 'task' }))).map((o) => o.name)).toEqual(['Level']);
		expect((await loadOptions.getCustomFieldDefinitions.call(editorContext({ resource: 'project' }))).map((o) => o.name)).toEqual(['Link']);
		expect((await loadOptions.getTypesOfWork.call(editorContext())).length).toBe(3);
		expect((await loadOptions.getProjectTypes.call(editorContext())).length).toBe(2);
		expect((await loadOptions.getProjectStatuses.call(editorContext())).map((o) => o.description)).toContain('Type: closed');
	});
});

describe('awork node: description', () => {
	const { description } = new Awork();

	it('is usable as a tool, offers both credentials and gives every operation an action', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials?.map((c) => c.name)).toEqual(['aworkPsaApi', 'aworkPsaOAuth2Api']);
		const operations = description.properties.filter((p) => p.name === 'operation');
		// One operation picker per resource, each shown for its resource.
		const resources = (description.properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
		expect(operations.map((selector) => selector.displayOptions?.show?.resource?.[0]).sort()).toEqual(resources.map((r) => r.value).sort());
		for (const selector of operations) {
			for (const option of selector.options as Array<{ action?: string; value: string }>) expect(option.action).toBeTruthy();
		}
	});

	it('names every method the parameters refer to', () => {
		const methods = new Awork().methods as unknown as Record<string, Record<string, unknown>>;
		const text = JSON.stringify(description.properties);
		for (const [, name] of text.matchAll(/"searchListMethod":"(\w+)"/g)) expect(methods.listSearch[name]).toBeInstanceOf(Function);
		for (const [, name] of text.matchAll(/"loadOptionsMethod":"(\w+)"/g)) expect(methods.loadOptions[name]).toBeInstanceOf(Function);
	});
});
