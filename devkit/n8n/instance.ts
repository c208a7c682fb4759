/**
 * One real n8n server for an end-to-end test, a benchmark or the demo: this package installed as
 * a community package, driven through REST (session cookie), the public API (API key) and the
 * CLI (`n8n execute`). N8nInstance is the process (process.ts) with the REST client
 * (restClient.ts), CLI runs (cli.ts) and executions (executions.ts) on one object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { executeWorkflowCli, runCli, type CliOutput, type CliRun } from './cli';
import { getExecution, listExecutions, waitForExecutions, type Execution, type ListExecutionsOptions } from './executions';
import { ensureN8nInstalled, type N8nInstallation } from './install';
import { installPackageInto, preparePackage } from './package';
import { freePort, N8nProcess, type StartN8nOptions } from './process';
import { N8nRestClient, type ImportOptions, type OwnerAccount, type PublicationStatus } from './restClient';
import type { WorkflowJson } from './workflows';

export async function startN8n(options: StartN8nOptions = {}): Promise<N8nInstance> {
	const installation = ensureN8nInstalled();
	const packageDir = options.packageDir ?? preparePackage();
	for (let attempt = 1; ; attempt++) {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
		installPackageInto(userFolder, packageDir);
		const instance = new N8nInstance(installation, userFolder, await freePort(), options);
		try {
			await instance.start();
			return instance;
		} catch (error) {
			await instance.stop();
			// A free port can be taken by another process before n8n binds it: try fresh ports.
			if (attempt < 3 && /EADDRINUSE/.test((error as Error).message)) continue;
			throw error;
		}
	}
}

export class N8nInstance extends N8nProcess {
	/** The REST and public API client; its session outlives restarts of the process. */
	readonly api: N8nRestClient;

	constructor(installation: N8nInstallation, userFolder: string, port: number, options: StartN8nOptions) {
		super(installation, userFolder, port, options);
		this.api = new N8nRestClient(this.baseUrl, (lines) => this.logTail(lines));
	}

	// ----- REST and public API (restClient.ts) -----

	async restRequest<T = unknown>(method: string, restPath: string, body?: unknown): Promise<T> {
		return await this.api.restRequest<T>(method, restPath, body);
	}

	async setupOwner(): Promise<OwnerAccount> {
		return await this.api.setupOwner();
	}

	async createApiKey(label?: string): Promise<string> {
		return await this.api.createApiKey(label);
	}

	async publicApiRequest<T = unknown>(method: string, apiPath: string, body?: unknown): Promise<T> {
		return await this.api.publicApiRequest<T>(method, apiPath, body);
	}

	async createCredential(credential: { name: string; type: string; data: Record<string, unknown> }): Promise<string> {
		return await this.api.createCredential(credential);
	}

	async testCredential(credentialId: string, options: { type: string; data?: Record<string, unknown> }): Promise<{ status: 'OK' | 'Error'; message: string }> {
		return await this.api.testCredential(credentialId, options);
	}

	async importWorkflow(workflowOrPath: WorkflowJson | string, options?: ImportOptions): Promise<string> {
		return await this.api.importWorkflow(workflowOrPath, options);
	}

	async getWorkflow(workflowId: string): ReturnType<N8nRestClient['getWorkflow']> {
		return await this.api.getWorkflow(workflowId);
	}

	async publicationStatus(workflowId: string): Promise<PublicationStatus | undefined> {
		return await this.api.publicationStatus(workflowId);
	}

	async activateWorkflow(workflowId: string, options?: { allowFailure?: boolean; timeoutMs?: number }): Promise<PublicationStatus | undefined> {
		return await this.api.activateWorkflow(workflowId, options);
	}

	async deactivateWorkflow(workflowId: string, options?: { timeoutMs?: number }): Promise<void> {
		await this.api.deactivateWorkflow(workflowId, options);
	}

	async getStaticData(workflowId: string): Promise<Record<string, unknown>> {
		return await this.api.getStaticData(workflowId);
	}

	// ----- CLI runs (cli.ts) -----

	async runCli(args: string[], options?: { timeoutMs?: number }): Promise<CliOutput> {
		return await runCli(this, args, options);
	}

	async executeWorkflowCli(workflowId: string, options?: { timeoutMs?: number }): Promise<CliRun> {
		return await executeWorkflowCli(this, workflowId, options);
	}

	// ----- executions (executions.ts) -----

	async listExecutions(workflowId: string, options?: ListExecutionsOptions): Promise<Execution[]> {
		return await listExecutions(this.api, workflowId, options);
	}

	async getExecution(executionId: string): Promise<Execution> {
		return await getExecution(this.api, executionId);
	}

	async waitForExecutions(workflowId: string, count?: number, timeoutMs?: number): Promise<Execution[]> {
		return await waitForExecutions(this.api, workflowId, count, timeoutMs);
	}
}
