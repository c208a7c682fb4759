/** What Add Link and Remove Link share: read the ticket, change its links, write them back once. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { callPsa, idempotencyKeyFor } from '../../transport';
import { readLocator } from '../parameters';
import { readLink } from './linkParameters';
import type { TicketLink } from './links';

/**
 * `change` gives the ticket's new links, or undefined when the ticket is already as asked (then
 * nothing is written and the ticket is returned as read).
 */
export async function changeTicketLinks(
	context: IExecuteFunctions,
	itemIndex: number,
	withUrl: boolean,
	change: (links: TicketLink[], link: TicketLink) => TicketLink[] | undefined,
): Promise<IDataObject> {
	const ticketId = readLocator(context, 'ticketId', 'Ticket', itemIndex);
	const link = readLink(context, itemIndex, withUrl);
	const ticket = (await callPsa<IDataObject>(context, { endpoint: 'getTicket', pathParams: { ticketId }, itemIndex })).body;
	const links = change((ticket.links as TicketLink[] | undefined) ?? [], link);
	if (!links) return ticket;
	const body = { links: links as unknown as IDataObject[] };
	const answer = await callPsa<IDataObject>(context, {
		endpoint: 'updateTicket',
		pathParams: { ticketId },
		body,
		idempotencyKey: idempotencyKeyFor('ticket-links', { run: context.getExecutionId(), itemIndex, ticketId, body }),
		itemIndex,
	});
	return answer.body;
}
