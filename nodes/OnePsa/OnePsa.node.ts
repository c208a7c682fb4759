import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { routeOperation } from '../shared/operations';
import * as company from './actions/company';
import * as contract from './actions/contract';
import * as integrationKey from './actions/integrationKey';
import * as quote from './actions/quote';
import * as ticket from './actions/ticket';
import * as timeEntry from './actions/timeEntry';
import type { OnePsaOperations } from './actions/node.type';
import { listSearch } from './methods';

const operations: OnePsaOperations = {
	company: company.operations,
	contract: contract.operations,
	integrationKey: integrationKey.operations,
	quote: quote.operations,
	ticket: ticket.operations,
	timeEntry: timeEntry.operations,
};

export class OnePsa implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'The One PSA',
		name: 'onePsa',
		icon: { light: 'file:onePsa.svg', dark: 'file:onePsa.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Search contracts and tickets, escalate work into tickets and book time on contracts in The One PSA',
		defaults: { name: 'The One PSA' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'onePsaApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Company', value: 'company' },
					{ name: 'Contract', value: 'contract' },
					{ name: 'Integration Key', value: 'integrationKey' },
					{ name: 'Quote', value: 'quote' },
					{ name: 'Ticket', value: 'ticket' },
					{ name: 'Time Entry', value: 'timeEntry' },
				],
				default: 'ticket',
			},
			...company.description,
			...contract.description,
			...integrationKey.description,
			...quote.description,
			...ticket.description,
			...timeEntry.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations);
	}
}
