import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { callPsa } from '../../transport';
import { forEachItem, readLocator, showFor, ticketLocator } from '../common';

export const description: INodeProperties[] = [
	ticketLocator('ticketId', {
		required: true,
		description: 'The ticket to read',
		displayOptions: showFor('ticket', 'get'),
	}),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const ticketId = readLocator(this, 'ticketId', 'Ticket', itemIndex);
		const answer = await callPsa<IDataObject>(this, { endpoint: 'getTicket', pathParams: { ticketId }, itemIndex });
		return answer.body;
	});
}
