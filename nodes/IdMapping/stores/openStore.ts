/**
 * Picks the store the node is configured for. The rest of the node only sees MappingStore.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { n8nApiBaseUrlOfRun } from '../transport/n8nApi';
import { DataTableStore } from './dataTableStore';
import type { MappingStore } from './mappingStore';
import { StaticDataStore } from './staticDataStore';

export const DEFAULT_TABLE_NAME = 'awork_psa_id_mappings';

export async function openStore(ctx: IExecuteFunctions): Promise<MappingStore> {
	const store = ctx.getNodeParameter('store', 0, 'staticData') as string;
	if (store === 'staticData') return new StaticDataStore(ctx.getWorkflowStaticData('global'), String(ctx.getWorkflow().id ?? ''));
	if (store !== 'dataTable') {
		throw new NodeOperationError(ctx.getNode(), `Store "${store}" is not known`, {
			description: 'Choose "Workflow Static Data" or "n8n Data Table".',
		});
	}
	const tableName = String(ctx.getNodeParameter('tableName', 0, DEFAULT_TABLE_NAME) ?? '').trim();
	if (!tableName) {
		throw new NodeOperationError(ctx.getNode(), 'Table Name is empty', {
			description: `Name the data table that holds the mappings, e.g. "${DEFAULT_TABLE_NAME}".`,
		});
	}
	const options = ctx.getNodeParameter('tableOptions', 0, {}) as IDataObject;
	return new DataTableStore(ctx, await n8nApiBaseUrlOfRun(ctx), {
		tableName,
		projectId: String(options.projectId ?? '').trim(),
		createIfMissing: ctx.getNodeParameter('createTableIfMissing', 0, true) as boolean,
	});
}

/** The store of this run, opened once: the node opens it before any operation runs. */
export const storeOfRun = oncePerNodeRun(openStore);
