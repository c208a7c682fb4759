/**
 * Claim > Take: lets exactly one of several executions that run at the same time go on with a
 * piece of work (e.g. finishing an approval's project). Items leave through Claimed or Held
 * Elsewhere. A claim ends by itself after its lease; the execution that holds it may take it again.
 */
import { randomUUID } from 'crypto';
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { showFor } from '../../descriptions';
import { storeOfRun } from '../../stores/openStore';
import { asOperationError, errorItem } from '../../../shared/operations';

const { show } = showFor('claim', 'take');

export const description: INodeProperties[] = [
	{
		displayName: 'Claim Name',
		name: 'claimName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. quote:{{ $json.quoteId }}',
		description: 'What the claim is for. Executions that take the same name exclude each other.',
		displayOptions: { show },
	},
	{
		displayName: 'Lease (Seconds)',
		name: 'leaseSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 120,
		description:
			'How long the claim holds after it was taken. Make it longer than the work takes: after it, another execution can take the claim.',
		displayOptions: { show },
	},
];

export const MAX_CLAIM_NAME_LENGTH = 200;

function readClaimName(ctx: IExecuteFunctions, itemIndex: number): string {
	const name = String(ctx.getNodeParameter('claimName', itemIndex, '') ?? '').trim();
	if (!name) {
		throw new NodeOperationError(ctx.getNode(), 'Claim Name is empty', {
			itemIndex,
			description: 'Name what the claim is for, e.g. quote:{{ $json.quoteId }}. The input item had no value there.',
		});
	}
	if (name.length > MAX_CLAIM_NAME_LENGTH) {
		throw new NodeOperationError(ctx.getNode(), `Claim Name is longer than ${MAX_CLAIM_NAME_LENGTH} characters`, { itemIndex });
	}
	return name;
}

function readLeaseMs(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('leaseSeconds', itemIndex, 120) as unknown;
	const seconds = typeof raw === 'string' && raw.trim() ? Number(raw) : raw;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
		throw new NodeOperationError(ctx.getNode(), `Lease (Seconds) must be a number above 0, not ${JSON.stringify(raw)}`, { itemIndex });
	}
	return seconds * 1000;
}

/** The execution is the holder, so items of one execution share the claim. */
function holderOf(ctx: IExecuteFunctions): string {
	const executionId = ctx.getExecutionId?.();
	return executionId ? `execution:${executionId}` : `run:${randomUUID()}`;
}

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const store = await storeOfRun(this);
	const claimed: INodeExecutionData[] = [];
	const heldElsewhere: INodeExecutionData[] = [];
	const holder = holderOf(this);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const name = readClaimName(this, itemIndex);
			const leaseMs = readLeaseMs(this, itemIndex);
			const outcome = await store.takeClaim(name, holder, leaseMs);
			const claim = { name, ...outcome };
			(outcome.claimed ? claimed : heldElsewhere).push({ json: { ...items[itemIndex].json, claim }, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw asOperationError(this.getNode(), error, itemIndex);
			claimed.push(errorItem(error, itemIndex, items[itemIndex]));
		}
	}
	return [claimed, heldElsewhere];
}
