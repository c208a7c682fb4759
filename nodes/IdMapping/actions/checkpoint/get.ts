import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { MappingStore } from '../../stores/mappingStore';
import { asNodeError, errorItem, withField } from '../common';
import { checkpointNameField, readCheckpointName } from './name';

const show = { resource: ['checkpoint'], operation: ['get'] };

export const description: INodeProperties[] = [
	checkpointNameField('get'),
	{
		displayName: 'Default Value',
		name: 'defaultValue',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2024-01-01T00:00:00Z',
		description: 'Value to return while the checkpoint was never set (e.g. where the first sync starts)',
		displayOptions: { show },
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
			const name = readCheckpointName(this, itemIndex);
			const stored = await store.getCheckpoint(name);
			const fallback = String(this.getNodeParameter('defaultValue', itemIndex, '') ?? '');
			const checkpoint: IDataObject = stored
				? { name, found: true, value: stored.value, updatedAt: stored.updatedAt }
				: { name, found: false, value: fallback || null, updatedAt: null };
			out.push(withField(items[itemIndex], 'checkpoint', checkpoint, itemIndex));
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, itemIndex);
			out.push(errorItem(error, itemIndex, items[itemIndex]));
		}
	}
	return [out];
}
