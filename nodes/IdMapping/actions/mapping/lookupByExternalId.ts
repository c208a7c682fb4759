import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { externalKeyOf, type MappingStore } from '../../stores/mappingStore';
import { namespaceFields, readId } from '../common';
import { lookupOptions, runLookup } from './lookup';

const show = { resource: ['mapping'], operation: ['lookupByExternalId'] };

export const description: INodeProperties[] = [
	...namespaceFields(show),
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 10042',
		description: 'The ID in the outside system (e.g. the PSA) to find the awork ID for',
		displayOptions: { show },
	},
	lookupOptions(show),
];

export async function execute(
	this: IExecuteFunctions,
	store: MappingStore,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[][]> {
	return await runLookup(
		this,
		items,
		(itemIndex) => readId(this, 'externalId', 'External ID', itemIndex),
		async (keys) => await store.findByExternalIds(keys.map((k) => ({ namespace: k.namespace, externalId: k.id }))),
		(key) => externalKeyOf({ namespace: key.namespace, externalId: key.id }),
		(key) => ({ found: false, namespace: key.namespace, externalId: key.id, aworkId: null, data: null, updatedAt: null }),
	);
}
