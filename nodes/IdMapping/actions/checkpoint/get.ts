import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../descriptions';
import { storeOfRun } from '../../stores/openStore';
import { checkpointNameField, readCheckpointName } from '../../helpers/checkpoint/name';

const { show } = showFor('checkpoint', 'get');

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

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<IDataObject | IDataObject[]> {
	const store = await storeOfRun(this);
	const name = readCheckpointName(this, itemIndex);
	const stored = await store.getCheckpoint(name);
	const fallback = String(this.getNodeParameter('defaultValue', itemIndex, '') ?? '');
	const checkpoint: IDataObject = stored
		? { name, found: true, value: stored.value, updatedAt: stored.updatedAt }
		: { name, found: false, value: fallback || null, updatedAt: null };
	return { ...item.json, checkpoint };
}
