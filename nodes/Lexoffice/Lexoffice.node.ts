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
import type { LexofficeOperations } from './actions/node.type';
import { listSearch } from './methods';

const operations: LexofficeOperations = {
	contact: contact.operations,
	invoice: invoice.operations,
};

export class Lexoffice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lexoffice',
		name: 'lexoffice',
		icon: { light: 'file:lexoffice.svg', dark: 'file:lexoffice.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Find customers and make draft invoices from awork time in Lexware Office (lexoffice)',
		defaults: { name: 'Lexoffice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'lexofficePsaApi', required: true }],
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
