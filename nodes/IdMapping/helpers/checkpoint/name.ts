import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

export function checkpointNameField(operation: string): INodeProperties {
	return {
		displayName: 'Checkpoint Name',
		name: 'checkpointName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. timeEntryExport',
		description: 'Which cursor; each sync keeps its own',
		displayOptions: { show: { resource: ['checkpoint'], operation: [operation] } },
	};
}

export function readCheckpointName(ctx: IExecuteFunctions, itemIndex: number): string {
	const name = String(ctx.getNodeParameter('checkpointName', itemIndex, '') ?? '').trim();
	if (!name) {
		throw new NodeOperationError(ctx.getNode(), 'Checkpoint Name is empty', {
			itemIndex,
			description: 'Name the cursor, e.g. "timeEntryExport".',
		});
	}
	if (name.length > 200) throw new NodeOperationError(ctx.getNode(), 'Checkpoint Name is longer than 200 characters', { itemIndex });
	return name;
}
