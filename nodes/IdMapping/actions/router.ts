import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { openStore } from '../stores/openStore';
import type { MappingStore } from '../stores/mappingStore';
import * as takeClaim from './claim/take';
import * as getCheckpoint from './checkpoint/get';
import * as setCheckpoint from './checkpoint/set';
import * as deleteMapping from './mapping/delete';
import * as listMappings from './mapping/list';
import * as lookupByAworkId from './mapping/lookupByAworkId';
import * as lookupByExternalId from './mapping/lookupByExternalId';
import * as saveMappings from './mapping/save';

type Operation = (this: IExecuteFunctions, store: MappingStore, items: INodeExecutionData[]) => Promise<INodeExecutionData[][]>;

const operations: Record<string, Record<string, Operation>> = {
	mapping: {
		save: saveMappings.execute,
		lookupByExternalId: lookupByExternalId.execute,
		lookupByAworkId: lookupByAworkId.execute,
		delete: deleteMapping.execute,
		list: listMappings.execute,
	},
	checkpoint: {
		get: getCheckpoint.execute,
		set: setCheckpoint.execute,
	},
	claim: {
		take: takeClaim.execute,
	},
};

export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = operations[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(this.getNode(), `Operation "${operation}" of "${resource}" is not supported`);
	}
	const store = await openStore(this);
	return await run.call(this, store, this.getInputData());
}
