/**
 * The shared half of both lookup directions: batch the keys, ask the store once, and route
 * each item to "Found" (output 0) or "Not Found" (output 1).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { errorItem, readEveryItem } from '../../../shared/operations';
import { showFor } from '../../descriptions';
import type { Mapping, MappingStore } from '../../stores/mappingStore';
import { storeOfRun } from '../../stores/openStore';
import { namespaceFields, readId, readNamespace } from '../parameters';

export interface LookupKey {
	namespace: string;
	id: string;
}

/** What sets one lookup direction apart from the other. */
export interface LookupDirection {
	operation: 'lookupByExternalId' | 'lookupByAworkId';
	/** The parameter that holds the ID to look up. */
	key: { name: string; displayName: string; placeholder: string; description: string };
	find: (store: MappingStore, keys: LookupKey[]) => Promise<Map<string, Mapping>>;
	keyOf: (key: LookupKey) => string;
	emptyMapping: (key: LookupKey) => IDataObject;
}

export function lookupDescription(direction: LookupDirection): INodeProperties[] {
	const { show } = showFor('mapping', direction.operation);
	return [
		...namespaceFields(show),
		{ ...direction.key, type: 'string', default: '', required: true, displayOptions: { show } },
		{
			displayName: 'Options',
			name: 'lookupOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Send Not Found Items to Found Output',
					name: 'notFoundToFound',
					type: 'boolean',
					default: false,
					description:
						'Whether items without a mapping also leave through "Found", with an empty mapping (found: false), instead of through "Not Found"',
				},
			],
		},
	];
}

export async function runLookup(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	{ key: { name, displayName }, find, keyOf, emptyMapping }: LookupDirection,
): Promise<INodeExecutionData[][]> {
	const store = await storeOfRun(ctx);
	const read = readEveryItem(ctx, items, (itemIndex): LookupKey => ({
		namespace: readNamespace(ctx, itemIndex),
		id: readId(ctx, name, displayName, itemIndex),
	}));
	const found = await find(store, read.ok.map((r) => r.value));
	const options = ctx.getNodeParameter('lookupOptions', 0, {}) as IDataObject;
	const foundOut: INodeExecutionData[] = [];
	const notFoundOut: INodeExecutionData[] = [];
	const keys = new Map(read.ok.map((r) => [r.itemIndex, r.value]));
	const errors = new Map(read.failed.map((f) => [f.itemIndex, f.error]));
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const key = keys.get(itemIndex);
		if (!key) {
			foundOut.push(errorItem(errors.get(itemIndex), itemIndex, items[itemIndex]));
			continue;
		}
		const mapping = found.get(keyOf(key));
		const item = items[itemIndex];
		if (mapping) {
			foundOut.push({ json: { ...item.json, mapping: { found: true, ...mapping } }, pairedItem: { item: itemIndex } });
		} else if (options.notFoundToFound) {
			foundOut.push({ json: { ...item.json, mapping: emptyMapping(key) }, pairedItem: { item: itemIndex } });
		} else {
			notFoundOut.push({ json: { ...item.json }, pairedItem: { item: itemIndex } });
		}
	}
	return [foundOut, notFoundOut];
}
