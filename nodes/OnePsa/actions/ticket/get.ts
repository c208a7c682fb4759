import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callPsa } from '../../transport';
import { showFor, ticketLocator } from '../../descriptions';
import { readLocator } from '../../helpers/parameters';

export const description: INodeProperties[] = [
	ticketLocator('ticketId', {
		required: true,
		description: 'The ticket to read',
		displayOptions: showFor('ticket', 'get'),
	}),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const ticketId = readLocator(this, 'ticketId', 'Ticket', itemIndex);
	const answer = await callPsa<IDataObject>(this, { endpoint: 'getTicket', pathParams: { ticketId }, itemIndex });
	return answer.body;
}
