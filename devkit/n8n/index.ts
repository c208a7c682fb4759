/**
 * The real-n8n end-to-end harness. Typical use:
 *
 *   const n8n = await startN8n();
 *   const credId = await n8n.createCredential({ name: 'awork', type: 'aworkPsaApi', data: {...} });
 *   const wfId = await n8n.importWorkflow(path.join(__dirname, 'workflows', 'my-workflow.json'), { credentials: { aworkPsaApi: credId } });
 *   const run = await n8n.executeWorkflowCli(wfId);      // run.ok, nodeOutput(run.result, 'Awork')
 *   await n8n.stop();
 */
export { startN8n, N8nInstance } from './instance';
export { N8nProcess, OFFLINE_ENV, freePort, killGroup } from './process';
export type { StartN8nOptions } from './process';
export { N8nRestClient } from './restClient';
export type { OwnerAccount, ImportOptions, PublicationStatus } from './restClient';
export { runCli, executeWorkflowCli, parseLastJsonObject } from './cli';
export type { CliRun, CliOutput } from './cli';
export { nodeOutput, runError } from './executions';
export type { Execution, ExecutionRun, NodeRun, ListExecutionsOptions } from './executions';
export { ensureN8nInstalled, n8nCacheDir, REPO_ROOT, ARTIFACTS_DIR } from './install';
export type { N8nInstallation } from './install';
export { preparePackage, installPackageInto, staleBuildReason, PACKAGE_NAME } from './package';
export { loadWorkflow, withCredentials, withPlaceholders } from './workflows';
export type { WorkflowJson, WorkflowNodeJson, CredentialRef } from './workflows';
export { MemorySampler } from './memory';
export type { MemoryPeak } from './memory';
export { httpRequest, waitFor } from './http';
export type { HttpResponse } from './http';
