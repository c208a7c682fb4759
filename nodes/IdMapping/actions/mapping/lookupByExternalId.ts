import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../descriptions';
import { storeOfRun } from '../../stores/openStore';
import { externalKeyOf } from '../../stores/mappingStore';
import { namespaceFields, readId } from '../../helpers/parameters';
import { lookupOptions, runLookup } from '../../helpers/mapping/lookup';

const { show } = showFor('mapping', 'lookupByExternalId');

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

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const store = await storeOfRun(this);
	return await runLookup(
		this,
		items,
		(itemIndex) => readId(this, 'externalId', 'External ID', itemIndex),
		async (keys) => await store.findByExternalIds(keys.map((k) => ({ namespace: k.namespace, externalId: k.id }))),
		(key) => externalKeyOf({ namespace: key.namespace, externalId: key.id }),
		(key) => ({ found: false, namespace: key.namespace, externalId: key.id, aworkId: null, data: null, updatedAt: null }),
	);
}
