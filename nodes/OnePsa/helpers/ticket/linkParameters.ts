import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { showFor } from '../../descriptions';
import { readRequiredText } from '../parameters';
import { linkOf, type TicketLink } from './links';

/** The fields that name one link; shared by "Add Link" and "Remove Link". */
export function linkParameters(operation: 'addLink' | 'removeLink', withUrl: boolean): INodeProperties[] {
	const show = showFor('ticket', operation);
	const parameters: INodeProperties[] = [
		{
			displayName: 'Linked System',
			name: 'linkSystem',
			type: 'string',
			default: 'awork',
			required: true,
			description: 'The system the link points to',
			displayOptions: show,
		},
		{
			displayName: 'Linked Record Type',
			name: 'linkType',
			type: 'string',
			default: 'task',
			required: true,
			placeholder: 'e.g. task or project',
			displayOptions: show,
		},
		{
			displayName: 'Linked Record ID',
			name: 'linkId',
			type: 'string',
			default: '',
			required: true,
			description: 'ID of the record in the linked system, e.g. the awork task ID',
			displayOptions: show,
		},
	];
	if (withUrl) {
		parameters.push({
			displayName: 'Linked Record URL',
			name: 'linkUrl',
			type: 'string',
			default: '',
			description: 'Where a person opens the linked record',
			displayOptions: show,
		});
	}
	return parameters;
}

export function readLink(ctx: IExecuteFunctions, itemIndex: number, withUrl: boolean): TicketLink {
	return linkOf(
		readRequiredText(ctx, 'linkSystem', 'Linked System', itemIndex),
		readRequiredText(ctx, 'linkType', 'Linked Record Type', itemIndex),
		readRequiredText(ctx, 'linkId', 'Linked Record ID', itemIndex),
		withUrl ? (ctx.getNodeParameter('linkUrl', itemIndex, '') as string) : undefined,
	);
}
