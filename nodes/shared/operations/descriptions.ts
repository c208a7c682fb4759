/** Parameter snippets every action node shares: showing parameters per operation, Return All / Limit. */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { OperationNames } from './operation';

/** The display condition of one resource and one or more of its operations. */
export interface ShownFor extends IDisplayOptions {
	show: { resource: string[]; operation: string[] };
}

/** Where a parameter shows: for one resource and one or more of its operations. */
export type ShowFor<Names extends OperationNames> = <Resource extends keyof Names & string>(
	resource: Resource,
	operation: Names[Resource] | Array<Names[Resource]>,
) => ShownFor;

/** Shows the given parameters only for one resource and operation (keeping their own conditions). */
export type ForOperation<Names extends OperationNames> = <Resource extends keyof Names & string>(
	resource: Resource,
	operation: Names[Resource],
	properties: INodeProperties[],
) => INodeProperties[];

/** The "Operation" picker of one resource; every option value must be one of its operations. */
export type OperationSelector<Names extends OperationNames> = <Resource extends keyof Names & string>(
	resource: Resource,
	defaultOperation: Names[Resource],
	options: Array<INodePropertyOptions & { value: Names[Resource] }>,
) => INodeProperties;

function operationSelectorOf(resource: string, defaultOperation: string, options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

function showForAny(resource: string, operation: string | string[]): ShownFor {
	return { show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] } };
}

function forAnyOperation(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...(property.displayOptions?.show ?? {}), ...showForAny(resource, operation).show },
		},
	}));
}

/** The display helpers of one node, typed by its operation names. */
export function describeOperations<Names extends OperationNames>(): {
	showFor: ShowFor<Names>;
	forOperation: ForOperation<Names>;
	operationSelector: OperationSelector<Names>;
} {
	return { showFor: showForAny, forOperation: forAnyOperation, operationSelector: operationSelectorOf };
}

/** "Return All" and "Limit" (Limit shown only without Return All). */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** The item limit of a list operation, or undefined for all. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return context.getNodeParameter('limit', itemIndex, 50) as number;
}

/** How a picker's "By ID" mode reads: placeholder and, where the API's IDs have a fixed form, a check. */
export interface IdMode {
	placeholder: string;
	pattern?: { regex: string; errorMessage: string };
}

/**
 * How a picker's "By URL" mode reads, where the thing has a web page: `pattern` checks the URL in
 * the editor, `extract` (exactly one capture group) takes the ID out of it when the node runs.
 */
export interface UrlMode {
	placeholder: string;
	pattern: { regex: string; errorMessage: string };
	extract: string;
}

/** A resource locator: pick from a searchable list (a listSearch method of the node), paste its web URL, or give the ID. */
export function listOrIdLocator(
	picker: { name: string; label: string; searchMethod: string; id: IdMode; url?: UrlMode; required?: boolean },
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	const { placeholder, pattern } = picker.id;
	const { url } = picker;
	return {
		displayName: picker.label,
		name: picker.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(picker.required ? { required: true } : {}),
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: picker.searchMethod, searchable: true } },
			...(url
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: url.placeholder,
							validation: [{ type: 'regex' as const, properties: url.pattern }],
							extractValue: { type: 'regex' as const, regex: url.extract },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder,
				...(pattern ? { validation: [{ type: 'regex', properties: pattern }] } : {}),
			},
		],
		...extra,
	};
}
