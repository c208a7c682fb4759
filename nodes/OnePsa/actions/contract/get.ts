import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callPsa } from '../../transport';
import { contractLocator, showFor } from '../../descriptions';
import { readLocator } from '../../helpers/parameters';

export const description: INodeProperties[] = [
	contractLocator('contractId', {
		required: true,
		description: 'The contract to read',
		displayOptions: showFor('contract', 'get'),
	}),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const contractId = readLocator(this, 'contractId', 'Contract', itemIndex);
	const answer = await callPsa<IDataObject>(this, {
		endpoint: 'getContract',
		pathParams: { contractId },
		itemIndex,
	});
	return answer.body;
}
