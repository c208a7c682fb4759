/** Look Up by Awork ID: the external ID mapped to each item's awork ID; items leave through Found or Not Found. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { lookupDescription, runLookup, type LookupDirection } from '../../helpers/mapping/lookup';
import { aworkKeyOf } from '../../stores/mappingStore';

const byAworkId: LookupDirection = {
	operation: 'lookupByAworkId',
	key: {
		displayName: 'Awork ID',
		name: 'aworkId',
		placeholder: 'e.g. 3f1c2a9e-8b7d-4c56-9e21-0a1b2c3d4e5f',
		description: 'The awork ID to find the external ID for',
	},
	find: async (store, keys) => await store.findByAworkIds(keys.map((k) => ({ namespace: k.namespace, aworkId: k.id }))),
	keyOf: (key) => aworkKeyOf({ namespace: key.namespace, aworkId: key.id }),
	emptyMapping: (key) => ({ found: false, namespace: key.namespace, externalId: null, aworkId: key.id, data: null, updatedAt: null }),
};

export const description = lookupDescription(byAworkId);

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	return await runLookup(this, items, byAworkId);
}
