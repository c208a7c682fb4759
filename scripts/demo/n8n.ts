/**
 * The demo's n8n: the e2e harness's real n8n (this package installed, SQLite in a temp folder)
 * on a port a user can remember, with the shipped workflows imported, wired and published.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import {
	ensureN8nInstalled,
	freePort,
	installPackageInto,
	loadWorkflow,
	N8nInstance,
	preparePackage,
	REPO_ROOT,
	type WorkflowJson,
} from '../../test/e2e/harness';
import type { Services } from './sandboxes';

export const SHIPPED_WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');
export const DEFAULT_N8N_PORT = 5678;

const WEBHOOK_TRIGGER_TYPES = /\.(onePsaTrigger|aworkTrigger|webhook)$/;

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** DEMO_N8N_PORT when given (it must be free), else 5678 when free, else any free port. */
export async function chooseN8nPort(wanted: number | undefined): Promise<number> {
	if (wanted !== undefined) {
		if (!(await portIsFree(wanted))) throw new Error(`DEMO_N8N_PORT=${wanted} is in use; choose another port or unset it.`);
		return wanted;
	}
	return (await portIsFree(DEFAULT_N8N_PORT)) ? DEFAULT_N8N_PORT : await freePort();
}

export async function startDemoN8n(port: number): Promise<N8nInstance> {
	const installation = ensureN8nInstalled();
	const packageDir = preparePackage();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-demo-'));
	installPackageInto(userFolder, packageDir);
	const n8n = new N8nInstance(installation, userFolder, port, { label: 'demo' });
	await n8n.start();
	return n8n;
}

export interface DemoWorkflow {
	file: string;
	name: string;
	id?: string;
	/** The workflow as imported (after Settings were adjusted). */
	json?: WorkflowJson;
	/** 'published', 'not published (scheduled: run it with Execute)', or why not. */
	activation: string;
	published: boolean;
}

/** Every credential type any node of the workflows refers to. */
function credentialTypes(workflows: WorkflowJson[]): Set<string> {
	const types = new Set<string>();
	for (const workflow of workflows) {
		for (const node of workflow.nodes) for (const type of Object.keys(node.credentials ?? {})) types.add(type);
	}
	return types;
}

/** Creates the credentials the workflows need, pointing at the demo's services; type -> id. */
async function createCredentials(n8n: N8nInstance, services: Services, types: Set<string>): Promise<Record<string, string>> {
	const ids: Record<string, string> = {};
	const sandbox = (yes: unknown) => (yes ? 'sandbox' : 'real');
	if (types.has('aworkPsaApi')) {
		ids.aworkPsaApi = await n8n.createCredential({
			name: `awork (${sandbox(services.awork.sandbox)})`,
			type: 'aworkPsaApi',
			data: { apiKey: services.awork.apiKey, baseUrl: services.awork.baseUrl },
		});
	}
	if (types.has('onePsaApi')) {
		const { apiUrl, tenantId, integrationKey, apiKey, webhookSecret } = services.onePsa;
		ids.onePsaApi = await n8n.createCredential({
			name: `The One PSA (${sandbox(services.onePsa.sandbox)})`,
			type: 'onePsaApi',
			data: { apiUrl, tenantId, integrationKey, apiKey, webhookSecret },
		});
	}
	if (types.has('idMappingN8nApi')) {
		ids.idMappingN8nApi = await n8n.createCredential({
			name: 'ID Mapping (this n8n)',
			type: 'idMappingN8nApi',
			data: { baseUrl: `${n8n.baseUrl}/api/v1`, apiKey: await n8n.createApiKey('id-mapping') },
		});
	}
	return ids;
}

/** Sets the values of the workflow's "Settings" node that exist there (names matched by the pattern). */
export function adjustSettings(workflow: WorkflowJson, values: Array<[RegExp, unknown]>): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const settings = copy.nodes.find((node) => node.name === 'Settings');
	const assignments = (settings?.parameters.assignments as { assignments?: Array<{ name: string; value: unknown }> } | undefined)?.assignments;
	for (const assignment of assignments ?? []) {
		const match = values.find(([pattern]) => pattern.test(assignment.name));
		if (match) assignment.value = match[1];
	}
	return copy;
}

/**
 * Imports every workflows/*.json with credentials wired (names kept), and publishes the ones
 * started by webhooks. `adjust` may change a workflow before import (e.g. its Settings).
 */
export async function importShippedWorkflows(
	n8n: N8nInstance,
	services: Services,
	adjust: (file: string, workflow: WorkflowJson) => WorkflowJson = (_file, workflow) => workflow,
): Promise<DemoWorkflow[]> {
	const files = fs.existsSync(SHIPPED_WORKFLOWS_DIR)
		? fs.readdirSync(SHIPPED_WORKFLOWS_DIR).filter((file) => file.endsWith('.json')).sort()
		: [];
	const loaded = files.map((file) => ({ file, json: adjust(file, loadWorkflow(path.join(SHIPPED_WORKFLOWS_DIR, file))) }));
	const credentials = await createCredentials(n8n, services, credentialTypes(loaded.map((entry) => entry.json)));

	const result: DemoWorkflow[] = [];
	for (const { file, json } of loaded) {
		const id = await n8n.importWorkflow(json, { credentials, name: json.name });
		const webhookTriggered = json.nodes.some((node) => WEBHOOK_TRIGGER_TYPES.test(node.type) && !node.disabled);
		const entry: DemoWorkflow = { file, name: json.name, id, json, published: false, activation: 'not published (run it with "Execute workflow")' };
		if (webhookTriggered) {
			const status = await n8n.activateWorkflow(id, { allowFailure: true });
			entry.published = !status || status.status === 'published';
			entry.activation = entry.published
				? 'published'
				: `NOT published: ${status!.triggers.map((trigger) => trigger.errorMessage ?? trigger.status).join('; ') || status!.status}`;
		}
		result.push(entry);
	}
	return result;
}

/** The production URL of a workflow's One PSA Trigger (path `<webhookId>/onepsa`). */
export function onePsaWebhookUrl(n8n: N8nInstance, workflow: WorkflowJson): string | undefined {
	const trigger = workflow.nodes.find((node) => node.type.endsWith('.onePsaTrigger') && !node.disabled);
	return trigger?.webhookId ? n8n.webhookUrl(`${trigger.webhookId}/onepsa`) : undefined;
}
