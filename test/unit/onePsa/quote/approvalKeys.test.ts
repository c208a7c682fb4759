/**
 * The keys Read Approval gives the approval workflow (workflows/project-creation-on-approval.json):
 * the awork project key of a quote number and the match key of a quote line. Different exact
 * numbers (or line IDs) must never share a key; a number that is already a clean key keeps the key
 * it always had. The workflow in real n8n: test/e2e/approvalWorkflow.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lineMatchKey, projectKeyOf } from '../../../../nodes/OnePsa/helpers/quote/approval';

const AWORK_KEY = /^[A-Za-z0-9_-]{1,32}$/;
const projectKey = (number: string | number, prefix = 'PSA') => projectKeyOf(prefix, String(number));

describe('approval: project key of a quote number', () => {
	it('gives numbers that look alike after clean-up keys of their own', () => {
		const numbers = ['Q-1/2', 'Q-1-2', 'q 1 2', 'Q.1.2', 'Ä-7', 'Ö-7', '7', ' Q-1-2', 'Q-1-2 '];
		const keys = numbers.map((number) => projectKey(number));
		expect(new Set(keys).size).toBe(numbers.length);
		for (const key of keys) expect(key).toMatch(AWORK_KEY);
		expect(keys[0]).toMatch(/^PSA-Q-1-2-[0-9A-F]{8}$/);
		expect(keys[4]).toMatch(/^PSA-7-[0-9A-F]{8}$/);
	});

	it('keeps the key a clean number always had, and gives one number the same key every time', () => {
		expect(projectKey('Q-2026-0042')).toBe('PSA-Q-2026-0042');
		expect(projectKey(42)).toBe('PSA-42');
		expect(projectKey('Q-2026-0042', 'psa')).toBe('PSA-Q-2026-0042');
		expect(projectKey('q 1 2')).toBe(projectKey('q 1 2'));
	});

	it('shortens long numbers to 32 characters, still one key per number', () => {
		const long = ['Q-2026-0042-VERY-LONG-NUMBER-000001', 'Q-2026-0042-VERY-LONG-NUMBER-000002', 'Q-2026-0042-very-long-number-000001'];
		const keys = long.map((number) => projectKey(number));
		expect(new Set(keys).size).toBe(3);
		for (const key of keys) expect(key).toMatch(AWORK_KEY);
	});
});

describe('approval: match key of a quote line', () => {
	it('gives every line ID a key of its own that the awork node accepts', () => {
		const ids = ['l1', 'L-17', 'a b', 'a  b', 'x/y', 7, 'Zeile Ä', 'x'.repeat(300)];
		const keys = ids.map((id) => lineMatchKey(String(id)));
		expect(new Set(keys).size).toBe(ids.length);
		for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_.:#/-]{1,200}$/);
		expect(keys.slice(0, 2)).toEqual(['psa-line:l1', 'psa-line:L-17']);
	});
});

describe('the approval workflow', () => {
	const workflow = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../workflows/project-creation-on-approval.json'), 'utf8')) as {
		nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
	};
	const node = (name: string) => workflow.nodes.find((candidate) => candidate.name === name);

	it('takes these keys from Read Approval', () => {
		expect(node('Read Approval')?.parameters).toMatchObject({ resource: 'quote', operation: 'readApproval' });
		for (const create of ['Create Project from Template', 'Create Project from Scratch']) {
			expect(node(create)?.parameters.projectKey).toBe("={{ $('Read Approval').first().json.projectKey }}");
		}
		expect(node('Create Task')?.parameters.matchKey).toBe('={{ $json.line.matchKey }}');
	});
});
