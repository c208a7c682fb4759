import { parseFilter, tokenize } from '../../../../../devkit/fakes/awork/query/filter';
import { QueryError } from '../../../../../devkit/fakes/awork/query/paths';
import { useFakeAwork } from './helpers';

describe('filterby parser', () => {
	it('reads typed literals, doubled quotes and nested paths', () => {
		const tokens = tokenize(
			"name eq 'it''s' and id eq guid'12345678-AAAA-bbbb-cccc-ddddeeeeffff' and d ge datetime'2024-01-01T00:00' and n lt -2.5M",
		);
		const literals = tokens.filter((t) => ['string', 'guid', 'datetime', 'number'].includes(t.kind)).map((t) => t.value);
		expect(literals).toEqual(["it's", '12345678-aaaa-bbbb-cccc-ddddeeeeffff', Date.UTC(2024, 0, 1), -2.5]);
		expect(parseFilter('project/company/name eq null')).toMatchObject({
			kind: 'compare',
			op: 'eq',
			left: { kind: 'path', segments: ['project', 'company', 'name'] },
			right: { kind: 'literal', literal: { type: 'null' } },
		});
	});

	it('binds and tighter than or, and respects parentheses and not', () => {
		expect(parseFilter('a eq 1 or b eq 2 and c eq 3')).toMatchObject({ kind: 'or', right: { kind: 'and' } });
		expect(parseFilter('(a eq 1 or b eq 2) and c eq 3')).toMatchObject({ kind: 'and', left: { kind: 'or' } });
		expect(parseFilter('not a eq 1 and b eq 2')).toMatchObject({ kind: 'and', left: { kind: 'not' } });
		expect(parseFilter("substringof('x', name)")).toMatchObject({ kind: 'test', call: { name: 'substringof' } });
	});

	it.each([
		["name eq 'unterminated", /Unterminated/],
		['name eq 1)', /Unexpected '\)'/],
		['(name eq 1', /Expected '\)'/],
		['name like 1', /Unknown operator 'like'/],
		["name eq 'a' 'b'", /Unexpected/],
		["frobnicate(name, 'a')", /Unknown function/],
		["name eq 'x' or 1 eq 1", /property on one side/],
		["id eq guid'not-a-guid'", /Invalid guid/],
		["d eq datetime'yesterday'", /Invalid datetime/],
		["d eq date'2024-01-01'", /Unknown literal type/],
		['name eq', /Expected a property or value/],
		['name', /Expected an operator/],
		['', /empty/],
		['a eq 1 and', /Expected a property or value/],
		['tags/any(t: t/name eq 1)', /not supported/],
		['a eq 1; drop', /Unexpected character/],
	])('rejects %j', (input, message) => {
		expect(() => parseFilter(input)).toThrow(QueryError);
		expect(() => parseFilter(input)).toThrow(message);
	});
});

describe('filterby over HTTP', () => {
	const h = useFakeAwork();

	async function seedCompanies() {
		await h.control.post('/seed', {
			companies: [
				{ name: "O'Brien & Sons", industry: 'Retail', createdOn: '2024-01-10T08:00:00Z' },
				{ name: 'ACME GmbH', industry: 'Software', createdOn: '2024-02-10T08:00:00+02:00' },
				{ name: 'Acme Labs', industry: null, createdOn: '2024-03-10T08:00:00.000Z' },
				{ name: "x' or 1 eq 1 or name eq 'y", industry: 'Hostile' },
			],
		});
	}

	const names = async (filterby: string) => {
		const res = await h.api.get('/companies', { params: { filterby, pageSize: 100, orderby: 'name' } });
		expect(res.status).toBe(200);
		return (res.data as { name: string }[]).map((c) => c.name);
	};

	it('filters with functions, null, not and parentheses', async () => {
		await seedCompanies();
		expect(await names("substringof('acme', name)")).toEqual(['ACME GmbH', 'Acme Labs']);
		expect(await names("startswith(name,'O''Brien')")).toEqual(["O'Brien & Sons"]);
		expect(await names('industry eq null')).toEqual(['Acme Labs']);
		expect(await names("not (industry eq 'Retail' or industry eq null) and substringof('c', name)")).toEqual(['ACME GmbH']);
		expect(await names("tolower(name) eq 'acme labs'")).toEqual(['Acme Labs']);
		expect(await names("industry in ('Retail','Software')")).toEqual(['ACME GmbH', "O'Brien & Sons"]);
	});

	it('compares dates as instants whatever their offset or precision', async () => {
		await seedCompanies();
		// 2024-02-10T08:00+02:00 is 06:00Z.
		expect(await names("createdOn ge datetime'2024-02-10T06:00:00Z' and createdOn lt datetime'2024-03-10T08:00'")).toEqual(['ACME GmbH']);
		expect(await names("createdOn eq datetime'2024-03-10T08:00:00Z'")).toEqual(['Acme Labs']);
	});

	it('treats a quoted hostile string as one literal, and rejects it unquoted', async () => {
		await seedCompanies();
		const hostile = "x' or 1 eq 1 or name eq 'y";
		expect(await names(`name eq '${hostile.replace(/'/g, "''")}'`)).toEqual([hostile]);
		const injected = await h.api.get('/companies', { params: { filterby: `name eq '${hostile}'` } });
		expect(injected.status).toBe(400);
		expect(injected.data).toMatchObject({ code: 'invalid-filter-or-order' });
	});

	it.each([
		["name eq 'open", 'filterby'],
		['nme eq 1', 'filterby'],
		['name eq 1 extra', 'filterby'],
		['name , createdOn', 'orderby'],
		['name sideways', 'orderby'],
		['nosuchfield desc', 'orderby'],
	])('answers 400 invalid-filter-or-order for %j in %s', async (expression, param) => {
		await seedCompanies();
		const res = await h.api.get('/companies', { params: { [param]: expression } });
		expect(res.status).toBe(400);
		expect(res.data).toMatchObject({ code: 'invalid-filter-or-order', description: expect.any(String), traceId: expect.any(String) });
		expect(res.data.details[0]).toEqual(expect.any(String));
	});

	it('compares related entities only with null', async () => {
		const project = (await h.control.post('/seed', { projects: [{ name: 'P' }] })).data.projects[0];
		await h.control.post('/seed', {
			timeEntries: [
				{ projectId: project.id, duration: 60, startDateUtc: '2024-01-01T10:00:00Z' },
				{ duration: 60, startDateUtc: '2024-01-01T11:00:00Z' },
			],
		});
		const withProject = await h.api.get('/timeentries', { params: { filterby: 'project ne null' } });
		expect(withProject.data.map((t: { projectId: string }) => t.projectId)).toEqual([project.id]);
		expect((await h.api.get('/timeentries', { params: { filterby: 'project eq null' } })).data).toHaveLength(1);
		const compared = await h.api.get('/timeentries', { params: { filterby: "project eq 'P'" } });
		expect(compared.status).toBe(400);
		expect(compared.data.code).toBe('invalid-filter-or-order');
	});

	it('follows nested paths into related entities, case-insensitively', async () => {
		const seeded = (await h.control.post('/seed', { companies: [{ name: 'Alpha' }, { name: 'Beta' }] })).data;
		const [alpha, beta] = seeded.companies;
		await h.control.post('/seed', {
			projects: [
				{ name: 'P1', companyId: alpha.id },
				{ name: 'P2', companyId: beta.id },
			],
		});
		const res = await h.api.get('/projects', {
			params: { filterby: "Company/Name eq 'Beta' and projectStatus/type eq 'not-started'", orderby: 'ProjectStatus/Type desc,name' },
		});
		expect(res.status).toBe(200);
		expect(res.data.map((p: { name: string }) => p.name)).toEqual(['P2']);
	});
});
