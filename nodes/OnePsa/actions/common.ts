/** Pieces every operation shares: resource locators, list parameters and the per-item loop. */
import {
	NodeOperationError,
	type IDataObject,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

export type OperationExecute = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
) => Promise<INodeExecutionData[]>;

export interface OperationModule {
	description: INodeProperties[];
	execute: OperationExecute;
}

export function showFor(resource: string, operation: string | string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] } };
}

function locator(
	kind: { label: string; searchMethod: string; placeholder: string },
	name: string,
	extra: Partial<INodeProperties>,
): INodeProperties {
	return {
		displayName: kind.label,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: kind.searchMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: kind.placeholder },
		],
		...extra,
	};
}

export const contractLocator = (name: string, extra: Partial<INodeProperties>) =>
	locator({ label: 'Contract', searchMethod: 'searchContracts', placeholder: 'e.g. ctr_123' }, name, extra);
export const ticketLocator = (name: string, extra: Partial<INodeProperties>) =>
	locator({ label: 'Ticket', searchMethod: 'searchTickets', placeholder: 'e.g. tkt_123' }, name, extra);
export const companyLocator = (name: string, extra: Partial<INodeProperties>) =>
	locator({ label: 'Company', searchMethod: 'searchCompanies', placeholder: 'e.g. cmp_123' }, name, extra);

/** "Return All" and "Limit", shown for one resource and operation. */
export function listParameters(resource: string, operation: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(resource, operation),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...showFor(resource, operation).show, returnAll: [false] } },
		},
	];
}

/** The limit to pass to fetchAll: undefined means every record. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
}

/** The value of a resource locator; empty values are an error that names the parameter. */
export function readLocator(
	ctx: IExecuteFunctions,
	parameter: string,
	label: string,
	itemIndex: number,
	{ required = true } = {},
): string {
	const value = String(ctx.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!value && required) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is empty`, {
			itemIndex,
			description: `Pick a ${label.toLowerCase()} from the list or enter its ID.`,
		});
	}
	return value;
}

/** A text parameter that must not be empty. */
export function readRequiredText(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is empty`, {
			itemIndex,
			description: `Enter a value for "${label}".`,
		});
	}
	return value;
}

/** A dateTime parameter as an ISO instant; an unreadable value is an error naming the parameter. */
export function readInstant(
	ctx: IExecuteFunctions,
	value: string | undefined,
	label: string,
	itemIndex: number,
): string | undefined {
	if (!value) return undefined;
	const at = new Date(value);
	if (Number.isNaN(at.getTime())) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is not a date: "${value}"`, {
			itemIndex,
			description: 'Use an ISO date such as 2024-05-31 or 2024-05-31T12:00:00Z.',
		});
	}
	return at.toISOString();
}

/**
 * Runs `work` for every input item: each result becomes output items linked to their input
 * item; with "Continue On Fail" an error becomes an `{error}` item and the loop goes on.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	work: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await work(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			if (!ctx.continueOnFail()) {
				throw error instanceof NodeOperationError || (error as { node?: unknown }).node
					? error
					: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			}
			output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
