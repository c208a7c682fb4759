import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { properties } from './actions/descriptions';
import { route } from './actions/router';

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
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
