import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { routeOperation } from '../shared/operations';
import * as checkpoint from './actions/checkpoint';
import * as claim from './actions/claim';
import * as mapping from './actions/mapping';
import type { IdMappingOperations } from './actions/node.type';
import { storeFields } from './descriptions/storeFields';
import { storeOfRun } from './stores/openStore';

const operations: IdMappingOperations = {
	mapping: mapping.operations,
	checkpoint: checkpoint.operations,
	claim: claim.operations,
};

export class IdMapping implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ID Mapping',
		name: 'idMapping',
		icon: { light: 'file:idMapping.svg', dark: 'file:idMapping.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Two-way ID mappings between a PSA and awork, sync checkpoints, and claims',
		defaults: { name: 'ID Mapping' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// Lookups branch into Found / Not Found, Take into Claimed / Held Elsewhere; the rest have one output.
		outputs: `={{ ["lookupByExternalId", "lookupByAworkId"].includes($parameter["operation"]) ? [{ "type": "${NodeConnectionTypes.Main}", "displayName": "Found" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Not Found" }] : $parameter["operation"] === "take" ? [{ "type": "${NodeConnectionTypes.Main}", "displayName": "Claimed" }, { "type": "${NodeConnectionTypes.Main}", "displayName": "Held Elsewhere" }] : [{ "type": "${NodeConnectionTypes.Main}" }] }}`,
		credentials: [
			{
				name: 'idMappingN8nApi',
				required: true,
				displayOptions: { show: { store: ['dataTable'] } },
			},
		],
		properties: [
			...storeFields,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'mapping',
				options: [
					{ name: 'Mapping', value: 'mapping', description: 'Two-way links between external IDs and awork IDs' },
					{ name: 'Checkpoint', value: 'checkpoint', description: 'Named cursors that say how far a sync has gone' },
					{ name: 'Claim', value: 'claim', description: 'Lets one of several executions running at once go on with a piece of work' },
				],
			},
			...mapping.description,
			...checkpoint.description,
			...claim.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// A store that cannot be opened fails the run, whatever Continue On Fail says.
		await storeOfRun(this);
		return await routeOperation.call(this, operations);
	}
}
