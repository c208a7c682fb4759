/**
 * Helpers for end-to-end tests (and the demo) that run the shipped workflows (`workflows/*.json`)
 * in a real n8n against the fake awork and the fake One PSA. See README.md in this folder.
 */
export {
	startWorkflowSandbox,
	CREDENTIAL_NAMES,
	SANDBOX_WEBHOOK_SECRET,
	SANDBOX_HQ_WEB_URL,
} from './workflowSandbox';
export type { WorkflowSandbox, WorkflowSandboxOptions, ImportShippedOptions, SandboxCredentialType } from './workflowSandbox';
export {
	SHIPPED_WORKFLOWS_DIR,
	CREDENTIAL_OF_NODE_TYPE,
	shippedWorkflowPath,
	loadShippedWorkflow,
	nodeNamed,
	settingsOf,
	withSettings,
	bindCredentials,
	withFreshWebhookIds,
	webhookPathOf,
} from './shippedWorkflows';
export { aworkState, aworkWrites, mappingRows } from './inspect';
export type { AworkView, MappingRow } from './inspect';
export { saveMappings, saveTicketLinks } from './mappings';
export { approvalPayload, seedOrphanApprovalProject } from './approvalScenario';
export type { MappingToSave } from './mappings';
export { seedExportScenario, rawRecords, fakeControl, COLLECTIONS_TO_COMPARE, EXPORT_FILE, EXPORT_ZONE } from './exportScenario';
export type { ExportScenario, ExportScenarioOptions, TargetEntry } from './exportScenario';
