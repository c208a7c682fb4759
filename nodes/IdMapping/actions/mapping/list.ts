import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { MappingStore } from '../../stores/mappingStore';
import { asNodeError, errorItem, namespaceFields, readNamespace } from '../common';

const show = { resource: ['mapping'], operation: ['list'] };

export const description: INodeProperties[] = [
	{
		displayName: 'All Namespaces',
		name: 'allNamespaces',
		type: 'boolean',
		default: true,
		description: 'Whether to list the mappings of every namespace, or of one',
		displayOptions: { show },
	},
	// The namespace fields, shown only when one namespace is asked for.
	...namespaceFields({ ...show, allNamespaces: [false] }),
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
];

export async function execute(
	this: IExecuteFunctions,
	store: MappingStore,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const all = this.getNodeParameter('allNamespaces', itemIndex) as boolean;
			const namespace = all ? undefined : readNamespace(this, itemIndex);
			const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
			const mappings = await store.list({ namespace, limit });
			for (const mapping of mappings) out.push({ json: { ...mapping } as IDataObject, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, itemIndex);
			out.push(errorItem(error, itemIndex, items[itemIndex]));
		}
	}
	return [out];
}
