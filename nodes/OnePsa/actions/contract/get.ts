import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { callPsa } from '../../transport';
import { contractLocator, forEachItem, readLocator, showFor } from '../common';

export const description: INodeProperties[] = [
	contractLocator('contractId', {
		required: true,
		description: 'The contract to read',
		displayOptions: showFor('contract', 'get'),
	}),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const contractId = readLocator(this, 'contractId', 'Contract', itemIndex);
		const answer = await callPsa<IDataObject>(this, {
			endpoint: 'getContract',
			pathParams: { contractId },
			itemIndex,
		});
		return answer.body;
	});
}
