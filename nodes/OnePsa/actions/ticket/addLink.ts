import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callPsa, idempotencyKeyFor } from '../../transport';
import { showFor, ticketLocator } from '../../descriptions';
import { readLocator } from '../../helpers/parameters';
import { linkParameters, readLink } from '../../helpers/ticket/linkParameters';
import { isSameLink, type TicketLink } from '../../helpers/ticket/links';

export const description: INodeProperties[] = [
	ticketLocator('ticketId', {
		required: true,
		description: 'The ticket to add the link to',
		displayOptions: showFor('ticket', 'addLink'),
	}),
	...linkParameters('addLink', true),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const ticketId = readLocator(this, 'ticketId', 'Ticket', itemIndex);
	const link = readLink(this, itemIndex, true);
	const ticket = (await callPsa<IDataObject>(this, { endpoint: 'getTicket', pathParams: { ticketId }, itemIndex })).body;
	const links = ((ticket.links as TicketLink[] | undefined) ?? []).slice();
	const existing = links.findIndex((candidate) => isSameLink(candidate, link));
	if (existing >= 0) {
		// Already linked: only a changed URL is worth a write.
		if (!link.url || links[existing].url === link.url) return ticket;
		links[existing] = { ...links[existing], url: link.url };
	} else {
		links.push(link);
	}
	const body = { links: links as unknown as IDataObject[] };
	const answer = await callPsa<IDataObject>(this, {
		endpoint: 'updateTicket',
		pathParams: { ticketId },
		body,
		idempotencyKey: idempotencyKeyFor('ticket-links', { run: this.getExecutionId(), itemIndex, ticketId, body }),
		itemIndex,
	});
	return answer.body;
}
