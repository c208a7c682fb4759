import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callPsa, idempotencyKeyFor } from '../../transport';
import { showFor, ticketLocator } from '../../descriptions';
import { readLocator } from '../../helpers/parameters';
import { linkParameters, readLink } from '../../helpers/ticket/linkParameters';
import { isSameLink, type TicketLink } from '../../helpers/ticket/links';

export const description: INodeProperties[] = [
	ticketLocator('ticketId', {
		required: true,
		description: 'The ticket to remove the link from',
		displayOptions: showFor('ticket', 'removeLink'),
	}),
	...linkParameters('removeLink', false),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const ticketId = readLocator(this, 'ticketId', 'Ticket', itemIndex);
	const link = readLink(this, itemIndex, false);
	const ticket = (await callPsa<IDataObject>(this, { endpoint: 'getTicket', pathParams: { ticketId }, itemIndex })).body;
	const links = (ticket.links as TicketLink[] | undefined) ?? [];
	const kept = links.filter((candidate) => !isSameLink(candidate, link));
	// Nothing linked like that: the ticket is already as asked.
	if (kept.length === links.length) return ticket;
	const body = { links: kept as unknown as IDataObject[] };
	const answer = await callPsa<IDataObject>(this, {
		endpoint: 'updateTicket',
		pathParams: { ticketId },
		body,
		idempotencyKey: idempotencyKeyFor('ticket-links', { run: this.getExecutionId(), itemIndex, ticketId, body }),
		itemIndex,
	});
	return answer.body;
}
