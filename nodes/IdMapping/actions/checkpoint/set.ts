import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { showFor } from '../../descriptions';
import { storeOfRun } from '../../stores/openStore';
import { compareCheckpoints } from '../../helpers/checkpoint/checkpointOrder';
import { checkpointNameField, readCheckpointName } from '../../helpers/checkpoint/name';

const { show } = showFor('checkpoint', 'set');

export const description: INodeProperties[] = [
	checkpointNameField('set'),
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $now.toISO() }}',
		description:
			'The new position: an ISO 8601 timestamp (compared as a point in time), a number, or any string (compared as text)',
		displayOptions: { show },
	},
	{
		displayName: 'Force',
		name: 'force',
		type: 'boolean',
		default: false,
		description: 'Whether to also move the checkpoint backwards (e.g. to re-run a sync). Off: only forward moves are saved.',
		displayOptions: { show },
	},
	{
		displayName: 'If the Value Is Older',
		name: 'onBackwardMove',
		type: 'options',
		default: 'error',
		description: 'What happens when the new value is before the saved one and Force is off',
		displayOptions: { show: { ...show, force: [false] } },
		options: [
			{ name: 'Fail', value: 'error', description: 'The item fails with an error' },
			{ name: 'Keep the Saved Value', value: 'keep', description: 'The item passes with moved: false' },
		],
	},
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<IDataObject | IDataObject[]> {
	const store = await storeOfRun(this);
	const name = readCheckpointName(this, itemIndex);
	const raw = this.getNodeParameter('value', itemIndex, '') as unknown;
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!value) {
		throw new NodeOperationError(this.getNode(), 'Value is empty', {
			itemIndex,
			description: 'Set "Value" to the new position, e.g. {{ $now.toISO() }}.',
		});
	}
	const force = this.getNodeParameter('force', itemIndex, false) as boolean;
	const previous = await store.getCheckpoint(name);
	const backwards = previous !== undefined && compareCheckpoints(value, previous.value) < 0;
	const result: IDataObject = { name, previousValue: previous?.value ?? null, forced: force };
	if (backwards && !force) {
		if (this.getNodeParameter('onBackwardMove', itemIndex, 'error') === 'error') {
			throw new NodeOperationError(
				this.getNode(),
				`Checkpoint "${name}" was not moved back from "${previous.value}" to "${value}"`,
				{ itemIndex, description: 'Checkpoints only move forward. Turn on "Force" to move it back on purpose.' },
			);
		}
		Object.assign(result, { value: previous.value, moved: false, refused: true, updatedAt: previous.updatedAt });
	} else if (previous && previous.value === value) {
		Object.assign(result, { value, moved: false, refused: false, updatedAt: previous.updatedAt });
	} else {
		const saved = await store.putCheckpoint(name, value);
		Object.assign(result, { value: saved.value, moved: true, refused: false, updatedAt: saved.updatedAt });
	}
	return { ...item.json, checkpoint: result };
}
