import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { callPsa, idempotencyKeyFor, TICKET_PRIORITIES, TICKET_STATUSES } from '../../transport';
import { showFor, ticketLocator } from '../../descriptions';
import { readLocator } from '../../helpers/parameters';

const show = showFor('ticket', 'update');
/** A drop-down name from an API value, in title case: in_progress -> In Progress. */
const titled = (value: string) => value.split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');

export const description: INodeProperties[] = [
	ticketLocator('ticketId', { required: true, description: 'The ticket to change', displayOptions: show }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				default: 'medium',
				options: TICKET_PRIORITIES.map((value) => ({ name: titled(value), value })),
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'open',
				options: TICKET_STATUSES.map((value) => ({ name: titled(value), value })),
			},
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
		],
	},
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const ticketId = readLocator(this, 'ticketId', 'Ticket', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const name of ['subject', 'status', 'priority']) {
		if (fields[name] !== undefined && fields[name] !== '') body[name] = fields[name];
	}
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: 'Add at least one field under "Update Fields".',
		});
	}
	const answer = await callPsa<IDataObject>(this, {
		endpoint: 'updateTicket',
		pathParams: { ticketId },
		body,
		// One key per execution and item: a retry repeats nothing, a later run applies again.
		idempotencyKey: idempotencyKeyFor('ticket-update', { run: this.getExecutionId(), itemIndex, ticketId, body }),
		itemIndex,
	});
	return answer.body;
}
