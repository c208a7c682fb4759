/**
 * Dispatches to the operation the node is set to. Per-item operations get continueOnFail and
 * pairedItem handled here; batch operations (marking time entries billed) do it themselves.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { asNodeError } from '../transport/errors';
import type { AworkOperation } from './common';
import * as company from './company';
import * as customFieldDefinition from './customFieldDefinition';
import * as project from './project';
import * as task from './task';
import * as taskList from './taskList';
import * as timeEntry from './timeEntry';
import * as workspace from './workspace';

const resources: Record<string, Record<string, AworkOperation>> = {
	project: project.operations,
	customFieldDefinition: customFieldDefinition.operations,
	taskList: taskList.operations,
	task: task.operations,
	timeEntry: timeEntry.operations,
	company: company.operations,
	workspace: workspace.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not supported`);
	}
	if (operation.executeAllOutputs) return await operation.executeAllOutputs.call(this, items);
	if (operation.executeAll) return [await operation.executeAll.call(this, items)];

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute!.call(this, itemIndex);
			const executionData = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
				itemData: { item: itemIndex },
			});
			output.push(...executionData);
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw asNodeError(this.getNode(), error, itemIndex);
		}
	}
	return [output];
}
