/**
 * Puts mappings into the shared ID Mapping data table the way a workflow would: through the ID
 * Mapping node itself (Data Table store), in a small workflow run with `n8n execute`.
 */
import type { WorkflowJson } from '../n8n';
import { CREDENTIAL_NAMES, type WorkflowSandbox } from './workflowSandbox';

export interface MappingToSave {
	namespace: string;
	externalId: string;
	aworkId: string;
}

export async function saveMappings(sandbox: WorkflowSandbox, mappings: MappingToSave[], tableName = 'awork_psa_id_mappings'): Promise<void> {
	const workflow: WorkflowJson = {
		name: 'e2e: seed ID mappings',
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				name: 'Mappings',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ mappings }), options: {} },
			},
			{
				name: 'One per Mapping',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'mappings', options: {} },
			},
			{
				name: 'Save',
				type: 'n8n-nodes-awork-psa.idMapping',
				typeVersion: 1,
				position: [660, 0],
				parameters: {
					store: 'dataTable',
					tableName,
					resource: 'mapping',
					operation: 'save',
					namespace: 'custom',
					customNamespace: '={{ $json.namespace }}',
					externalId: '={{ $json.externalId }}',
					aworkId: '={{ $json.aworkId }}',
				},
				credentials: { idMappingN8nApi: { id: sandbox.credentials.idMappingN8nApi, name: CREDENTIAL_NAMES.idMappingN8nApi } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Mappings', type: 'main', index: 0 }]] },
			Mappings: { main: [[{ node: 'One per Mapping', type: 'main', index: 0 }]] },
			'One per Mapping': { main: [[{ node: 'Save', type: 'main', index: 0 }]] },
		},
	};
	const id = await sandbox.n8n.importWorkflow(workflow);
	const run = await sandbox.n8n.executeWorkflowCli(id);
	if (!run.ok) throw new Error(`Saving mappings failed: ${JSON.stringify(run.result?.data?.resultData.error ?? run.stderr)}`);
}

/** Links PSA tickets to awork tasks as the escalate and link workflows save them (namespace "ticket"). */
export async function saveTicketLinks(sandbox: WorkflowSandbox, links: Array<{ ticketId: string; taskId: string }>): Promise<void> {
	await saveMappings(
		sandbox,
		links.map(({ ticketId, taskId }) => ({ namespace: 'ticket', externalId: ticketId, aworkId: taskId })),
	);
}
