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
import type { HqOperations } from './actions/node.type';
import { listSearch } from './methods';

const operations: HqOperations = { contact: contact.operations, invoice: invoice.operations };

export class Hq implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HQ',
		name: 'hq',
		icon: { light: 'file:hq.svg', dark: 'file:hq.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create draft invoices from awork time in HQ (helloHQ), add positions to drafts and find contacts',
		defaults: { name: 'HQ' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hqPsaApi', required: true }],
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
