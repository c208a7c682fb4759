/** Lookup by External ID: the awork ID mapped to each item's external ID; items leave through Found or Not Found. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { lookupDescription, runLookup, type LookupDirection } from '../../helpers/mapping/lookup';
import { externalKeyOf } from '../../stores/mappingStore';

const byExternalId: LookupDirection = {
	operation: 'lookupByExternalId',
	key: {
		displayName: 'External ID',
		name: 'externalId',
		placeholder: 'e.g. 10042',
		description: 'The ID in the outside system (e.g. the PSA) to find the awork ID for',
	},
	find: async (store, keys) => await store.findByExternalIds(keys.map((k) => ({ namespace: k.namespace, externalId: k.id }))),
	keyOf: (key) => externalKeyOf({ namespace: key.namespace, externalId: key.id }),
	emptyMapping: (key) => ({ found: false, namespace: key.namespace, externalId: key.id, aworkId: null, data: null, updatedAt: null }),
};

export const description = lookupDescription(byExternalId);

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	return await runLookup(this, items, byExternalId);
}
