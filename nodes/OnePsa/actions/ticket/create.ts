import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callPsa, idempotencyKeyFor, TICKET_PRIORITIES } from '../../transport';
import { companyLocator, contractLocator, showFor } from '../../descriptions';
import { readLocator, readRequiredText } from '../../helpers/parameters';
import { linkOf } from '../../helpers/ticket/links';

const show = showFor('ticket', 'create');

export const description: INodeProperties[] = [
	{
		displayName:
			'Creating the same ticket (same subject, text, priority, company, contract and link) again within 24 hours returns the first ticket instead of a copy',
		name: 'createNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		required: true,
		displayOptions: show,
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		default: 'medium',
		displayOptions: show,
		options: TICKET_PRIORITIES.map((value) => ({ name: value.charAt(0).toUpperCase() + value.slice(1), value })),
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Awork Task ID',
		name: 'aworkTaskId',
		type: 'string',
		default: '',
		description: 'The awork task this ticket escalates; stored as a link on the ticket',
		displayOptions: show,
	},
	{
		displayName: 'Awork Task URL',
		name: 'aworkTaskUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://acme.awork.com/tasks/8d1c.../details',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			companyLocator('company', { description: 'The client the ticket belongs to' }),
			contractLocator('contract', { description: 'The contract the work is billed to' }),
		],
	},
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const body: IDataObject = {
		subject: readRequiredText(this, 'subject', 'Subject', itemIndex),
		description: this.getNodeParameter('description', itemIndex, '') as string,
		priority: this.getNodeParameter('priority', itemIndex) as string,
	};
	const companyId = readLocator(this, 'additionalFields.company', 'Company', itemIndex, { required: false });
	const contractId = readLocator(this, 'additionalFields.contract', 'Contract', itemIndex, { required: false });
	if (companyId) body.companyId = companyId;
	if (contractId) body.contractId = contractId;
	const taskId = String(this.getNodeParameter('aworkTaskId', itemIndex, '')).trim();
	if (taskId) {
		const url = this.getNodeParameter('aworkTaskUrl', itemIndex, '') as string;
		body.links = [linkOf('awork', 'task', taskId, url) as unknown as IDataObject];
	}
	const answer = await callPsa<IDataObject>(this, {
		endpoint: 'createTicket',
		body,
		idempotencyKey: idempotencyKeyFor('ticket-create', body),
		itemIndex,
	});
	return answer.body;
}
