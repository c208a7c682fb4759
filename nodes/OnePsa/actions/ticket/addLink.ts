import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { showFor, ticketLocator } from '../../descriptions';
import { changeTicketLinks } from '../../helpers/ticket/changeLinks';
import { linkParameters } from '../../helpers/ticket/linkParameters';
import { isSameLink } from '../../helpers/ticket/links';

export const description: INodeProperties[] = [
	ticketLocator('ticketId', {
		required: true,
		description: 'The ticket to add the link to',
		displayOptions: showFor('ticket', 'addLink'),
	}),
	...linkParameters('addLink', true),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await changeTicketLinks(this, itemIndex, true, (current, link) => {
		const links = current.slice();
		const existing = links.findIndex((candidate) => isSameLink(candidate, link));
		if (existing < 0) return [...links, link];
		// Already linked: only a changed URL is worth a write.
		if (!link.url || links[existing].url === link.url) return undefined;
		links[existing] = { ...links[existing], url: link.url };
		return links;
	});
}
