import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { showFor, ticketLocator } from '../../descriptions';
import { changeTicketLinks } from '../../helpers/ticket/changeLinks';
import { linkParameters } from '../../helpers/ticket/linkParameters';
import { isSameLink } from '../../helpers/ticket/links';

export const description: INodeProperties[] = [
	ticketLocator('ticketId', {
		required: true,
		description: 'The ticket to remove the link from',
		displayOptions: showFor('ticket', 'removeLink'),
	}),
	...linkParameters('removeLink', false),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await changeTicketLinks(this, itemIndex, false, (links, link) => {
		const kept = links.filter((candidate) => !isSameLink(candidate, link));
		// Nothing linked like that: the ticket is already as asked.
		return kept.length === links.length ? undefined : kept;
	});
}
