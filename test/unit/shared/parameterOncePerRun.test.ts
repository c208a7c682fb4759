/**
 * parameterOncePerRun on a node run of many items: a parameter without an expression is resolved
 * once, one with an expression for every item, and the node (which n8n deep-copies on every
 * getNode()) is read once per run, not once per item.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { parameterOncePerRun } from '../../../nodes/shared/operations';

function fakeRun(parameters: Record<string, unknown>) {
	const calls = { getNode: 0, getNodeParameter: [] as Array<[string, number]> };
	const node = { name: 'Node', parameters } as unknown as INode;
	const context = {
		getNode: () => {
			calls.getNode++;
			return JSON.parse(JSON.stringify(node)) as INode;
		},
		getNodeParameter: (name: string, itemIndex: number) => {
			calls.getNodeParameter.push([name, itemIndex]);
			const value = parameters[name];
			return typeof value === 'string' && value.startsWith('=') ? `${value.slice(1)}#${itemIndex}` : value;
		},
	} as unknown as IExecuteFunctions;
	return { context, calls };
}

describe('parameterOncePerRun', () => {
	it('resolves a parameter without an expression once and reads the node once per run', () => {
		const { context, calls } = fakeRun({ entryFields: { note: 'fixed' } });
		const values = [0, 1, 2, 3].map((itemIndex) => parameterOncePerRun(context, 'entryFields', itemIndex, {}));
		expect(values).toEqual([0, 1, 2, 3].map(() => ({ note: 'fixed' })));
		expect(calls.getNodeParameter).toEqual([['entryFields', 0]]);
		expect(calls.getNode).toBe(1);
	});

	it('resolves a parameter with an expression (also a nested one) for every item, reading the node once', () => {
		const { context, calls } = fakeRun({ aworkId: '={{ $json.id }}', extraData: { json: '={{ $json }}' } });
		expect([0, 1, 2].map((itemIndex) => parameterOncePerRun(context, 'aworkId', itemIndex, ''))).toEqual(['{{ $json.id }}#0', '{{ $json.id }}#1', '{{ $json.id }}#2']);
		[0, 1, 2].forEach((itemIndex) => parameterOncePerRun(context, 'extraData', itemIndex, {}));
		expect(calls.getNodeParameter).toEqual([
			['aworkId', 0],
			['aworkId', 1],
			['aworkId', 2],
			['extraData', 0],
			['extraData', 1],
			['extraData', 2],
		]);
		expect(calls.getNode).toBe(2);
	});

	it('starts again for the next run (a new context)', () => {
		const first = fakeRun({ namespace: 'project' });
		parameterOncePerRun(first.context, 'namespace', 0, '');
		const second = fakeRun({ namespace: 'company' });
		expect(parameterOncePerRun(second.context, 'namespace', 0, '')).toBe('company');
	});
});
