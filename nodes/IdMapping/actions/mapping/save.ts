import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { showFor } from '../../descriptions';
import { storeOfRun } from '../../stores/openStore';
import { externalKeyOf, type Mapping } from '../../stores/mappingStore';
import { errorItem, parameterOncePerRun, readEveryItem } from '../../../shared/operations';
import { namespaceFields, readId, readNamespace, withField } from '../../helpers/parameters';
import { planSave } from '../../helpers/mapping/savePlan';

const { show } = showFor('mapping', 'save');
const MAX_DATA_CHARS = 4000;

export const description: INodeProperties[] = [
	...namespaceFields(show),
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 10042',
		description: 'The ID in the outside system (e.g. the PSA)',
		displayOptions: { show },
	},
	{
		displayName: 'Awork ID',
		name: 'aworkId',
		type: 'string',
		default: '',
		required: true,
		description: 'The ID of the matching object in awork',
		displayOptions: { show },
	},
	{
		displayName: 'Extra Data',
		name: 'extraData',
		type: 'collection',
		placeholder: 'Add Extra Data',
		default: {},
		description: 'Small data kept with the mapping and returned by lookups',
		displayOptions: { show },
		options: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '', description: 'E.g. the awork link of the object.' },
			{ displayName: 'Number', name: 'number', type: 'string', default: '', description: 'E.g. the project or ticket number.' },
			{
				displayName: 'JSON',
				name: 'json',
				type: 'json',
				default: '{}',
				description: 'Any other small fields, as a JSON object (at most 4000 characters in all)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'saveOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Replace Mapping That Holds the Awork ID',
				name: 'replaceConflicts',
				type: 'boolean',
				default: false,
				description:
					'Whether to remove another mapping of the same namespace that already points to this awork ID. Off: such an item fails, because one awork object should stand for one external object.',
			},
		],
	},
];

function readExtraData(ctx: IExecuteFunctions, itemIndex: number): IDataObject | null {
	const extra = parameterOncePerRun<IDataObject>(ctx, 'extraData', itemIndex, {});
	let data: IDataObject = {};
	if (extra.json !== undefined && extra.json !== '') {
		const parsed = typeof extra.json === 'string' ? safeParse(extra.json) : extra.json;
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw new NodeOperationError(ctx.getNode(), 'Extra Data -> JSON is not a JSON object', {
				itemIndex,
				description: 'Write an object such as {"owner": "Jane"}.',
			});
		}
		data = { ...(parsed as IDataObject) };
	}
	if (extra.url) data.url = String(extra.url);
	if (extra.number !== undefined && extra.number !== '') data.number = String(extra.number);
	if (!Object.keys(data).length) return null;
	if (JSON.stringify(data).length > MAX_DATA_CHARS) {
		throw new NodeOperationError(ctx.getNode(), `Extra Data is longer than ${MAX_DATA_CHARS} characters`, {
			itemIndex,
			description: 'Keep only small fields with a mapping (a URL, a number); look the rest up in awork or the PSA.',
		});
	}
	return data;
}

function safeParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const store = await storeOfRun(this);
	const now = new Date().toISOString();
	const read = readEveryItem(this, items, (itemIndex): Mapping => ({
		namespace: readNamespace(this, itemIndex),
		externalId: readId(this, 'externalId', 'External ID', itemIndex),
		aworkId: readId(this, 'aworkId', 'Awork ID', itemIndex),
		data: readExtraData(this, itemIndex),
		updatedAt: now,
	}));
	const requests = read.ok.map(({ itemIndex, value }) => ({ itemIndex, mapping: value }));
	const replaceConflicts = Boolean((this.getNodeParameter('saveOptions', 0, {}) as IDataObject).replaceConflicts);

	const [byExternal, byAwork] = [
		await store.findByExternalIds(requests.map((r) => r.mapping)),
		await store.findByAworkIds(requests.map((r) => r.mapping)),
	];
	const plan = planSave(requests, byExternal, byAwork, replaceConflicts);
	const conflicts = requests.filter((r) => 'conflict' in plan.results.get(r.itemIndex)!);
	if (conflicts.length && !this.continueOnFail()) {
		const first = plan.results.get(conflicts[0].itemIndex) as { conflict: string };
		throw new NodeOperationError(this.getNode(), `${first.conflict}; nothing was saved`, {
			itemIndex: conflicts[0].itemIndex,
			description: `${conflicts.length} item(s) conflict like this. Delete the old mapping first, or turn on "Replace Mapping That Holds the Awork ID".`,
		});
	}

	const { failed } = await store.write({ upserts: plan.upserts, removals: plan.removals });
	const failedItems = requests.filter((r) => failed.has(externalKeyOf(r.mapping)));
	if (failedItems.length && !this.continueOnFail()) {
		const ids = failedItems.map((r) => `${r.mapping.namespace}:${r.mapping.externalId} (item ${r.itemIndex})`);
		throw new NodeOperationError(
			this.getNode(),
			`${failedItems.length} of ${requests.length} mappings were not saved: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', ...' : ''}`,
			{
				itemIndex: failedItems[0].itemIndex,
				description: `All other mappings were saved. First cause: ${failed.get(externalKeyOf(failedItems[0].mapping))?.message}. Saving is an upsert, so running the same items again is safe.`,
			},
		);
	}

	const out: INodeExecutionData[] = [];
	const errors = new Map(read.failed.map((f) => [f.itemIndex, f.error]));
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = plan.results.get(itemIndex);
		const writeError = result && 'mapping' in result ? failed.get(externalKeyOf(result.mapping)) : undefined;
		if (errors.has(itemIndex)) out.push(errorItem(errors.get(itemIndex), itemIndex, items[itemIndex]));
		else if (result && 'conflict' in result) out.push(errorItem(new Error(result.conflict), itemIndex, items[itemIndex]));
		else if (writeError) out.push(errorItem(writeError, itemIndex, items[itemIndex]));
		else if (result && 'mapping' in result) {
			const value: IDataObject = { ...result.mapping };
			if (result.replaced) value.replaced = { ...result.replaced };
			out.push(withField(items[itemIndex], 'mapping', value, itemIndex));
		}
	}
	return [out];
}
