import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { routeOperation } from '../shared/operations';
import * as contact from './actions/contact';
import * as invoice from './actions/invoice';
import type { SevDeskOperations } from './actions/node.type';
import { listSearch } from './methods';

const operations: SevDeskOperations = {
	contact: contact.operations,
	invoice: invoice.operations,
};

export class SevDesk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'sevDesk',
		name: 'sevDesk',
		icon: { light: 'file:sevDesk.svg', dark: 'file:sevDesk.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create sevDesk draft invoices from awork time (To Invoice Positions), exactly once, and read contacts and invoices',
		defaults: { name: 'sevDesk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sevDeskPsaApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Invoice', value: 'invoice' },
				],
				default: 'invoice',
			},
			...contact.description,
			...invoice.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations);
	}
}
