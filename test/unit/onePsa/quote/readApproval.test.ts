/**
 * Quote > Read Approval in n8n's engine: every rule the approval workflow's 400 answers rely on
 * (the first error names the field the workflow answers with), and the fields it outputs.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { OnePsaApi } from '../../../../credentials/OnePsaApi.credentials';
import { runNode } from '../../../../devkit/engine/runNode';
import { OnePsa } from '../../../../nodes/OnePsa/OnePsa.node';
import { lineMatchKey, projectKeyOf } from '../../../../nodes/OnePsa/helpers/quote/approval';
import { psaCredentials } from '../helpers';

function approval(extra: IDataObject = {}): IDataObject {
	return {
		quoteId: 'q-1001',
		number: 'Q-2026-0042',
		title: 'Website relaunch',
		companyId: 'cmp_acme',
		companyName: 'Acme GmbH',
		contractId: 'ctr_acme',
		approvedAt: '2026-03-02T10:00:00Z',
		url: 'https://psa.example/quotes/q-1001',
		lines: [
			{ id: 'l1', title: 'Concept', hours: 12, description: 'Two rounds' },
			{ id: 'l2', title: 'Build', hours: '30.5' },
		],
		...extra,
	};
}

/** Runs the node on webhook items (`{event, data}`), as the workflow's Settings passes them on. */
async function read(datas: unknown[], parameters: INodeParameters = {}) {
	const result = await runNode({
		node: new OnePsa(),
		parameters: { resource: 'quote', operation: 'readApproval', ...parameters },
		// No request is made; the node only declares its credential.
		credentials: { onePsaApi: psaCredentials('http://127.0.0.1:9') as never },
		credentialTypes: [new OnePsaApi()],
		input: datas.map((data) => ({ json: { event: 'quote.approved', data } as IDataObject })),
	});
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json);
}

const firstError = async (data: unknown, parameters: INodeParameters = {}) => {
	const [out] = await read([data], parameters);
	expect(out.valid).toBe(false);
	return (out.errors as IDataObject[])[0];
};

const long = (length: number) => 'x'.repeat(length);

describe('The One PSA node: Quote > Read Approval', () => {
	it('outputs the clean fields of a valid approval, one item per webhook item', async () => {
		const [out, second] = await read([approval(), approval({ quoteId: 7, number: 'Q 7', lines: undefined, contractId: '', url: '' })]);
		expect(out).toEqual({
			valid: true,
			errors: [],
			quoteId: 'q-1001',
			quoteNumber: 'Q-2026-0042',
			title: 'Website relaunch',
			quoteUrl: 'https://psa.example/quotes/q-1001',
			contractId: 'ctr_acme',
			company: { id: 'cmp_acme', name: 'Acme GmbH' },
			projectKey: 'PSA-Q-2026-0042',
			lines: [
				{ id: 'l1', title: 'Concept', description: 'Two rounds', hours: 12, matchKey: 'psa-line:l1' },
				{ id: 'l2', title: 'Build', description: '', hours: 30.5, matchKey: 'psa-line:l2' },
			],
		});
		expect(second).toMatchObject({ valid: true, quoteId: '7', quoteNumber: 'Q 7', contractId: '', quoteUrl: '', lines: [] });
		expect(second.projectKey).toBe(projectKeyOf('PSA', 'Q 7'));
	});

	it('takes the prefix of the project key from its parameter', async () => {
		const [out] = await read([approval()], { projectKeyPrefix: 'acme x' });
		expect(out.projectKey).toBe('ACME-X-Q-2026-0042');
	});

	it.each([
		['missing', undefined, 'The approval has no data.quoteId'],
		['empty', '', 'The approval has no data.quoteId'],
		['blank', '   ', 'The approval has no data.quoteId'],
		['an object', { id: 1 }, "The approval's data.quoteId must be text"],
		['not finite', Number.NaN, "The approval's data.quoteId must be text"],
		['over 200 characters', long(201), "The approval's data.quoteId is longer than 200 characters"],
	])('refuses a quoteId that is %s', async (_case, quoteId, error) => {
		expect(await firstError(approval({ quoteId }))).toEqual({ field: 'data.quoteId', error });
	});

	it.each([
		['missing', undefined, 'The approval has no data.number'],
		['a list', ['Q-1'], "The approval's data.number must be text"],
		['over 200 characters', long(201), "The approval's data.number is longer than 200 characters"],
		['without letter or digit', '--/ ', "The approval's data.number has no letter or digit, so it cannot give a project key"],
	])('refuses a number that is %s', async (_case, number, error) => {
		expect(await firstError(approval({ number }))).toEqual({ field: 'data.number', error });
	});

	it.each([
		['missing', { title: null }, 'The approval has no data.title'],
		['blank', { title: ' ' }, 'The approval has no data.title'],
		['not text', { title: true }, "The approval's data.title must be text"],
		[
			'too long with the company name',
			{ title: long(990), companyName: 'Acme GmbH' },
			"The approval's data.title is too long: the project name (title - company) may have at most 1000 characters",
		],
	])('refuses a title that is %s', async (_case, extra, error) => {
		expect(await firstError(approval(extra))).toEqual({ field: 'data.title', error });
	});

	it('refuses a companyName, contractId or url of the wrong kind, naming each', async () => {
		expect(await firstError(approval({ companyName: { name: 'Acme' } }))).toEqual({
			field: 'data.companyName',
			error: "The approval's data.companyName must be text",
		});
		for (const contractId of [{ id: 'c' }, long(201)]) {
			expect(await firstError(approval({ contractId }))).toEqual({
				field: 'data.contractId',
				error: "The approval's data.contractId must be text of at most 200 characters",
			});
		}
		for (const url of ['ftp://psa.example/q', 'https://psa.example/a b', `https://psa.example/${long(2000)}`, 42]) {
			expect(await firstError(approval({ url }))).toEqual({ field: 'data.url', error: "The approval's data.url must be an http(s) link" });
		}
	});

	it('refuses lines that are no list, or more than Max Lines', async () => {
		expect(await firstError(approval({ lines: { id: 'l1' } }))).toEqual({ field: 'data.lines', error: "The approval's data.lines must be a list" });
		const three = [1, 2, 3].map((n) => ({ id: `l${n}`, title: `Line ${n}` }));
		expect(await firstError(approval({ lines: three }), { maxLines: 2 })).toEqual({
			field: 'data.lines',
			error: 'The approval has more than 2 lines in data.lines',
		});
		const [atLimit] = await read([approval({ lines: three })], { maxLines: 3 });
		expect(atLimit.valid).toBe(true);
	});

	it.each([
		['not an object', 'Design', 'data.lines[1]', "The approval's data.lines[1] must be an object with id and title"],
		['a list', ['l2', 'Design'], 'data.lines[1]', "The approval's data.lines[1] must be an object with id and title"],
		['without id', { title: 'Design' }, 'data.lines[1].id', 'The approval has no data.lines[1].id'],
		['with an id over 200 characters', { id: long(201), title: 'Design' }, 'data.lines[1].id', "The approval's data.lines[1].id is longer than 200 characters"],
		['without title', { id: 'l2' }, 'data.lines[1].title', 'The approval has no data.lines[1].title'],
		['with a title over 1000 characters', { id: 'l2', title: long(1001) }, 'data.lines[1].title', "The approval's data.lines[1].title must be text of at most 1000 characters"],
		['with negative hours', { id: 'l2', title: 'Design', hours: -1 }, 'data.lines[1].hours', "The approval's data.lines[1].hours must be a number of hours, 0 or more"],
		['with hours that are no number', { id: 'l2', title: 'Design', hours: 'ten' }, 'data.lines[1].hours', "The approval's data.lines[1].hours must be a number of hours, 0 or more"],
		['with hours true', { id: 'l2', title: 'Design', hours: true }, 'data.lines[1].hours', "The approval's data.lines[1].hours must be a number of hours, 0 or more"],
		['with over 100000 hours', { id: 'l2', title: 'Design', hours: 100001 }, 'data.lines[1].hours', "The approval's data.lines[1].hours must be a number of hours, 0 or more"],
		['with a description that is no text', { id: 'l2', title: 'Design', description: { text: 'x' } }, 'data.lines[1].description', "The approval's data.lines[1].description must be text"],
	])('refuses a line %s, naming it by its index', async (_case, line, field, error) => {
		expect(await firstError(approval({ lines: [{ id: 'l1', title: 'Concept' }, line] }))).toEqual({ field, error });
	});

	it('lists every bad field in the order checked, and echoes the quote ID it could read', async () => {
		const [out] = await read([approval({ number: undefined, url: 'mailto:x', lines: [{ id: 'l1' }, { id: 'l2', title: 'B', hours: -2 }] })]);
		expect(out).toEqual({
			valid: false,
			quoteId: 'q-1001',
			errors: [
				{ field: 'data.number', error: 'The approval has no data.number' },
				{ field: 'data.url', error: "The approval's data.url must be an http(s) link" },
				{ field: 'data.lines[0].title', error: 'The approval has no data.lines[0].title' },
				{ field: 'data.lines[1].hours', error: "The approval's data.lines[1].hours must be a number of hours, 0 or more" },
			],
		});
		const [noId] = await read([approval({ quoteId: { x: 1 } })]);
		expect(noId.quoteId).toBeNull();
	});

	it('reads a webhook without data, or with JSON text as data, like any other approval', async () => {
		const [none, notObject] = await read([undefined, ['q-1']]);
		for (const out of [none, notObject]) expect((out.errors as IDataObject[])[0]).toEqual({ field: 'data.quoteId', error: 'The approval has no data.quoteId' });
		const [fromText] = await read([approval()], { approval: '={{ JSON.stringify($json.data) }}' });
		expect(fromText).toMatchObject({ valid: true, quoteId: 'q-1001' });
	});

	it('accepts optional fields left out, and numbers where text is asked', async () => {
		const [out] = await read([
			approval({ companyId: undefined, companyName: undefined, contractId: null, url: undefined, number: 42, title: 7, lines: [{ id: 3, title: 4, hours: '' }] }),
		]);
		expect(out).toMatchObject({
			valid: true,
			quoteNumber: '42',
			title: '7',
			company: null,
			contractId: '',
			quoteUrl: '',
			lines: [{ id: '3', title: '4', description: '', hours: 0, matchKey: 'psa-line:3' }],
		});
	});

	it('names the awork company after companyName, else after the PSA company ID; an unusable ID means no company', async () => {
		const companyOf = async (extra: IDataObject) => (await read([approval(extra)]))[0].company;
		expect(await companyOf({ companyId: ' cmp_1 ', companyName: '  Acme  ' })).toEqual({ id: 'cmp_1', name: 'Acme' });
		expect(await companyOf({ companyId: 17, companyName: ' ' })).toEqual({ id: '17', name: 'PSA company 17' });
		expect(await companyOf({ companyId: 'c9', companyName: 12 })).toEqual({ id: 'c9', name: 'PSA company c9' });
		expect(await companyOf({ companyId: '  ' })).toBeNull();
		expect(await companyOf({ companyId: long(201) })).toBeNull();
		expect(await companyOf({ companyId: { id: 'c' } })).toBeNull();
	});
});

describe('the project key of a quote number', () => {
	it('is <PREFIX>-<number> for numbers of upper-case letters, digits and single dashes', () => {
		expect(projectKeyOf('PSA', 'Q-2026-0042')).toBe('PSA-Q-2026-0042');
		expect(projectKeyOf('psa', 'Q-1-2')).toBe('PSA-Q-1-2');
	});

	// Expected values as n8n's `.hash('md5')` gave them in the workflow's former expression.
	it('adds 8 characters of an MD5 of the exact number when the number had to be cleaned or the key is long', () => {
		expect(projectKeyOf('PSA', 'Q-1/2')).toBe('PSA-Q-1-2-F2F47AB8');
		expect(projectKeyOf('PSA', 'q 1 2')).toBe('PSA-Q-1-2-7C461E6F');
		expect(projectKeyOf('PSA', 'Ä-7')).toBe('PSA-7-A4409580');
		const longNumber = 'Q-2026-0042-0001-0002-0003-0004';
		expect(projectKeyOf('PSA', longNumber)).toMatch(/^PSA-Q-2026-0042-0001-00-[0-9A-F]{8}$/);
		expect(projectKeyOf('PSA', longNumber).length).toBeLessThanOrEqual(32);
	});

	it('never gives two numbers of one cleaned form the same key', () => {
		const keys = ['Q-1/2', 'Q-1-2', 'q 1 2', 'Q.1.2', 'Ä-7', 'Ö-7'].map((number) => projectKeyOf('PSA', number));
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('the match key of a quote line', () => {
	it('is psa-line:<id> for plain IDs (trimmed), else psa-line# and 32 hex characters of a SHA-256', () => {
		expect(lineMatchKey(' l-1_a.b:c#d/e ')).toBe('psa-line:l-1_a.b:c#d/e');
		expect(lineMatchKey('Zeile 1 ü')).toBe('psa-line#d626ac71e6f0b1d53770f53849f06b30');
		expect(lineMatchKey(long(151))).toMatch(/^psa-line#[0-9a-f]{32}$/);
	});
});
