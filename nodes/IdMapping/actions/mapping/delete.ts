import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { showFor } from '../../descriptions';
import { storeOfRun } from '../../stores/openStore';
import { aworkKeyOf, externalKeyOf, type Mapping } from '../../stores/mappingStore';
import { errorItem, readEveryItem } from '../../../shared/operations';
import { namespaceFields, readId, readNamespace, withField } from '../../helpers/parameters';

const { show } = showFor('mapping', 'delete');

export const description: INodeProperties[] = [
	...namespaceFields(show),
	{
		displayName: 'Delete By',
		name: 'deleteBy',
		type: 'options',
		default: 'externalId',
		displayOptions: { show },
		options: [
			{ name: 'External ID', value: 'externalId' },
			{ name: 'Awork ID', value: 'aworkId' },
		],
	},
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		required: true,
		description: 'The external ID whose mapping is removed',
		displayOptions: { show: { ...show, deleteBy: ['externalId'] } },
	},
	{
		displayName: 'Awork ID',
		name: 'aworkId',
		type: 'string',
		default: '',
		required: true,
		description: 'The awork ID whose mapping is removed',
		displayOptions: { show: { ...show, deleteBy: ['aworkId'] } },
	},
];

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const store = await storeOfRun(this);
	const byAwork = this.getNodeParameter('deleteBy', 0) === 'aworkId';
	const read = readEveryItem(this, items, (itemIndex) => ({
		namespace: readNamespace(this, itemIndex),
		id: byAwork ? readId(this, 'aworkId', 'Awork ID', itemIndex) : readId(this, 'externalId', 'External ID', itemIndex),
	}));
	const keys = read.ok.map((r) => r.value);
	const found = byAwork
		? await store.findByAworkIds(keys.map((k) => ({ namespace: k.namespace, aworkId: k.id })))
		: await store.findByExternalIds(keys.map((k) => ({ namespace: k.namespace, externalId: k.id })));
	const keyOf = (k: { namespace: string; id: string }) =>
		byAwork ? aworkKeyOf({ namespace: k.namespace, aworkId: k.id }) : externalKeyOf({ namespace: k.namespace, externalId: k.id });
	const existing = new Map<number, Mapping | undefined>(read.ok.map((r) => [r.itemIndex, found.get(keyOf(r.value))]));

	const removals = [...existing.values()].filter((m): m is Mapping => Boolean(m));
	const { failed } = await store.write({ upserts: [], removals });
	const failedItems = read.ok.filter((r) => {
		const mapping = existing.get(r.itemIndex);
		return mapping && failed.has(externalKeyOf(mapping));
	});
	if (failedItems.length && !this.continueOnFail()) {
		throw new NodeOperationError(this.getNode(), `${failedItems.length} of ${removals.length} mappings were not deleted`, {
			itemIndex: failedItems[0].itemIndex,
			description: `The others were deleted. First cause: ${failed.values().next().value?.message}. Deleting again is safe.`,
		});
	}

	const errors = new Map(read.failed.map((f) => [f.itemIndex, f.error]));
	const out: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const mapping = existing.get(itemIndex);
		const writeError = mapping ? failed.get(externalKeyOf(mapping)) : undefined;
		if (errors.has(itemIndex)) out.push(errorItem(errors.get(itemIndex), itemIndex, items[itemIndex]));
		else if (writeError) out.push(errorItem(writeError, itemIndex, items[itemIndex]));
		else {
			const item = withField(items[itemIndex], 'mapping', mapping ? { ...mapping } : null, itemIndex);
			item.json.deleted = Boolean(mapping);
			out.push(item);
		}
	}
	return [out];
}
