import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../descriptions';
import { storeOfRun } from '../../stores/openStore';
import { aworkKeyOf } from '../../stores/mappingStore';
import { namespaceFields, readId } from '../../helpers/parameters';
import { lookupOptions, runLookup } from '../../helpers/mapping/lookup';

const { show } = showFor('mapping', 'lookupByAworkId');

export const description: INodeProperties[] = [
	...namespaceFields(show),
	{
		displayName: 'Awork ID',
		name: 'aworkId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f1c2a9e-8b7d-4c56-9e21-0a1b2c3d4e5f',
		description: 'The awork ID to find the external ID for',
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
		(itemIndex) => readId(this, 'aworkId', 'Awork ID', itemIndex),
		async (keys) => await store.findByAworkIds(keys.map((k) => ({ namespace: k.namespace, aworkId: k.id }))),
		(key) => aworkKeyOf({ namespace: key.namespace, aworkId: key.id }),
		(key) => ({ found: false, namespace: key.namespace, externalId: null, aworkId: key.id, data: null, updatedAt: null }),
	);
}
