/**
 * Parameters and readers several operations share: namespace and IDs, each failing with an error
 * that names the parameter.
 */
import { parameterOncePerRun } from '../../shared/operations';
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

export const BUILT_IN_NAMESPACES = ['project', 'task', 'contract', 'ticket', 'timeEntry'] as const;
const CUSTOM_NAMESPACE_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,62}$/;

export type DisplayFor = Record<string, Array<string | boolean>>;

/** "Namespace" (with a custom choice) for the given operations. */
export function namespaceFields(show: DisplayFor): INodeProperties[] {
	return [
		{
			displayName: 'Namespace',
			name: 'namespace',
			type: 'options',
			default: 'project',
			description: 'What kind of object the IDs belong to. Each namespace is its own set of mappings.',
			displayOptions: { show },
			options: [
				{ name: 'Contract', value: 'contract', description: 'PSA contract to awork project' },
				{ name: 'Custom', value: 'custom', description: 'A namespace of your own' },
				{ name: 'Project', value: 'project', description: 'External project to awork project' },
				{ name: 'Task', value: 'task', description: 'External task to awork task' },
				{ name: 'Ticket', value: 'ticket', description: 'PSA ticket to awork task' },
				{ name: 'Time Entry', value: 'timeEntry', description: 'PSA time entry to awork time entry' },
			],
		},
		{
			displayName: 'Custom Namespace',
			name: 'customNamespace',
			type: 'string',
			default: '',
			placeholder: 'e.g. company',
			description: 'Starts with a letter; letters, digits, _ . - after that (at most 63 characters).',
			displayOptions: { show: { ...show, namespace: ['custom'] } },
		},
	];
}

export function readNamespace(ctx: IExecuteFunctions, itemIndex: number): string {
	const chosen = String(parameterOncePerRun(ctx, 'namespace', itemIndex, '') ?? '').trim();
	if (chosen === 'custom') {
		const custom = String(parameterOncePerRun(ctx, 'customNamespace', itemIndex, '') ?? '').trim();
		if (!CUSTOM_NAMESPACE_PATTERN.test(custom)) {
			throw new NodeOperationError(ctx.getNode(), `Custom Namespace "${custom}" is not a valid namespace`, {
				itemIndex,
				description: 'Use a name that starts with a letter and has only letters, digits, _ . - (at most 63 characters), e.g. "company".',
			});
		}
		return custom;
	}
	if (!(BUILT_IN_NAMESPACES as readonly string[]).includes(chosen)) {
		throw new NodeOperationError(ctx.getNode(), `Namespace "${chosen}" is not one of ${BUILT_IN_NAMESPACES.join(', ')}`, {
			itemIndex,
			description: 'Pick one of them, or choose "Custom" and fill in "Custom Namespace".',
		});
	}
	return chosen;
}

/** Reads an ID parameter as a trimmed string; numbers are accepted (PSA IDs often are). */
export function readId(ctx: IExecuteFunctions, parameter: string, label: string, itemIndex: number): string {
	const raw = parameterOncePerRun<unknown>(ctx, parameter, itemIndex, '');
	const value = typeof raw === 'number' || typeof raw === 'string' ? String(raw).trim() : '';
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Set "${label}" to the ID, e.g. with an expression like {{ $json.id }}. The input item had no value there.`,
		});
	}
	if (value.length > 255) {
		throw new NodeOperationError(ctx.getNode(), `${label} is longer than 255 characters`, { itemIndex });
	}
	return value;
}

export function withField(input: INodeExecutionData, field: string, value: unknown, itemIndex: number): INodeExecutionData {
	return { json: { ...input.json, [field]: value as IDataObject }, pairedItem: { item: itemIndex } };
}
