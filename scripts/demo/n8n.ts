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
	N8nInstance,
	preparePackage,
	type CredentialRef,
	type WorkflowJson,
} from '../../devkit/n8n';
import { n8nCacheDir } from '../../devkit/n8n/install';
import { bindCredentials, CREDENTIAL_OF_NODE_TYPE, loadShippedWorkflow, SHIPPED_WORKFLOWS_DIR, withSettings } from '../../devkit/sandbox';
import type { Services } from './sandboxes';

export const DEFAULT_N8N_PORT = 5678;

const WEBHOOK_TRIGGER_TYPES = /\.(onePsaTrigger|onePsaIntegrationTrigger|aworkTrigger|webhook)$/;

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

/**
 * The harness's n8n with its log outside .artifacts/n8n: an e2e run empties that folder at
 * its start, which would take the log away from a demo that is starting or running.
 */
class DemoN8nInstance extends N8nInstance {
	constructor(...args: ConstructorParameters<typeof N8nInstance>) {
		super(...args);
		const logDir = path.join(os.tmpdir(), 'n8n-nodes-awork-psa-demo');
		fs.mkdirSync(logDir, { recursive: true });
		Object.assign(this, { logFile: path.join(logDir, `${path.basename(this.userFolder)}.log`) });
	}
}

export interface N8nCacheState {
	/** The cache folder of the n8n (and Node 24) the demo runs. */
	dir: string;
	/** True when an earlier run finished installing there (`<dir>/.complete`). */
	complete: boolean;
}

export function n8nCacheState(): N8nCacheState {
	const dir = n8nCacheDir();
	return { dir, complete: fs.existsSync(path.join(dir, '.complete')) };
}

/**
 * What the demo says about n8n's cache: on a cold cache, its first line (how long the install
 * takes and where it goes); on a warm one, where n8n is cached (for the "starting n8n" step).
 */
export function describeN8nCache({ dir, complete }: N8nCacheState): string {
	return complete
		? `n8n is cached at ${dir}`
		: `First run: n8n is not cached yet, so the demo installs Node 24 and n8n into ${dir} first: about 10-15 minutes on 2 cores and ~3 GB of disk (set N8N_CACHE_DIR to put it elsewhere). Later runs reuse it.`;
}

export async function startDemoN8n(port: number): Promise<N8nInstance> {
	const installation = ensureN8nInstalled();
	const packageDir = preparePackage();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-demo-'));
	installPackageInto(userFolder, packageDir);
	const n8n = new DemoN8nInstance(installation, userFolder, port, { label: 'demo' });
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

/** The credential types the workflows' nodes need (IdMapping only with the Data Table store). */
function credentialTypes(workflows: WorkflowJson[]): Set<string> {
	const types = new Set<string>();
	for (const node of workflows.flatMap((workflow) => workflow.nodes)) {
		const type = CREDENTIAL_OF_NODE_TYPE[node.type];
		if (type && (type !== 'idMappingN8nApi' || node.parameters.store === 'dataTable')) types.add(type);
	}
	return types;
}

/** Creates the credentials the workflows need, pointing at the demo's services; type -> {id, name}. */
async function createCredentials(n8n: N8nInstance, services: Services, types: Set<string>): Promise<Record<string, CredentialRef>> {
	const refs: Record<string, CredentialRef> = {};
	const create = async (type: string, name: string, data: Record<string, unknown>) => {
		refs[type] = { id: await n8n.createCredential({ name, type, data }), name };
	};
	const kind = (sandbox: unknown) => (sandbox ? 'sandbox' : 'real');
	if (types.has('aworkPsaApi')) {
		const { apiKey, baseUrl } = services.awork;
		await create('aworkPsaApi', `awork (${kind(services.awork.sandbox)})`, { apiKey, baseUrl });
	}
	if (types.has('onePsaApi')) {
		const { apiUrl, tenantId, integrationKey, apiKey, webhookSecret } = services.onePsa;
		await create('onePsaApi', `The One PSA (${kind(services.onePsa.sandbox)})`, { apiUrl, tenantId, integrationKey, apiKey, webhookSecret });
	}
	if (types.has('idMappingN8nApi')) {
		await create('idMappingN8nApi', 'n8n API for ID Mapping (this n8n)', {
			baseUrl: `${n8n.baseUrl}/api/v1`,
			apiKey: await n8n.createApiKey('id-mapping'),
		});
	}
	// The billing tools run only as sandboxes, and only next to the awork sandbox.
	const { billing } = services;
	if (billing && types.has('sevDeskPsaApi')) await create('sevDeskPsaApi', 'sevDesk (sandbox)', { apiToken: billing.sevDesk.token, baseUrl: billing.sevDesk.baseUrl });
	if (billing && types.has('lexofficePsaApi')) {
		await create('lexofficePsaApi', 'Lexoffice (sandbox)', { apiKey: billing.lexoffice.apiKey, baseUrl: billing.lexoffice.baseUrl, appUrl: 'https://app.lexware.de' });
	}
	if (billing && types.has('hqPsaApi')) await create('hqPsaApi', 'HQ (sandbox)', { apiToken: billing.hq.token, baseUrl: billing.hq.baseUrl, webUrl: billing.hq.webUrl });
	return refs;
}

/**
 * Imports every workflows/*.json with credentials bound (names kept), and publishes the ones
 * started by webhooks. `settings` may give values for a workflow's "Settings" node.
 */
export async function importShippedWorkflows(
	n8n: N8nInstance,
	services: Services,
	settings: Record<string, Record<string, unknown>> = {},
): Promise<DemoWorkflow[]> {
	const files = fs.existsSync(SHIPPED_WORKFLOWS_DIR)
		? fs.readdirSync(SHIPPED_WORKFLOWS_DIR).filter((file) => file.endsWith('.json')).sort()
		: [];
	const loaded = files.map((file) => {
		const json = loadShippedWorkflow(file);
		return { file, json: settings[file] ? withSettings(json, settings[file]) : json };
	});
	const credentials = await createCredentials(n8n, services, credentialTypes(loaded.map((entry) => entry.json)));

	const result: DemoWorkflow[] = [];
	for (const { file, json } of loaded) {
		const id = await n8n.importWorkflow(bindCredentials(json, credentials), { name: json.name });
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
