import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import type { OperationModule } from './common';
import * as company from './company';
import * as contract from './contract';
import * as integrationKey from './integrationKey';
import * as ticket from './ticket';
import * as timeEntry from './timeEntry';

const resources: Record<string, Record<string, OperationModule>> = {
	company: company.operations,
	contract: contract.operations,
	integrationKey: integrationKey.operations,
	ticket: ticket.operations,
	timeEntry: timeEntry.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation];
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" on "${resource}" is not supported`);
	}
	return [await module.execute.call(this, items)];
}
