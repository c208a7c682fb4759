/**
 * Everything a shipped workflow needs to run for real: the fake awork, the fake One PSA, the fake
 * sevDesk, Lexoffice and HQ, an n8n with this package, and the credentials pointing at them (awork
 * API key, One PSA keys with a webhook secret, an n8n API key for the ID Mapping node's Data Table
 * store, the three billing tools' tokens).
 *
 *   const sandbox = await startWorkflowSandbox({ label: 'approval' });
 *   const id = await sandbox.importShipped('project-creation-on-approval.json', { settings: {...} });
 *   await sandbox.n8n.activateWorkflow(id);
 *   await sandbox.close();
 */
import { startFakeAwork, type RunningFakeAwork, type StartFakeAworkOptions } from '../fakes/awork';
import { DEFAULT_TENANT, sendSignedWebhook, startFakeOnePsa, type FakeOnePsaOptions, type RunningFakeOnePsa, type WebhookAnswer } from '../fakes/onepsa';
import { startN8n, type N8nInstance, type StartN8nOptions, type WorkflowJson } from '../n8n';
import { DEFAULT_SEVDESK_TOKEN, startFakeSevDesk, type FakeSevDeskOptions, type RunningFakeSevDesk } from '../fakes/sevdesk';
import { DEFAULT_LEXOFFICE_KEY, startFakeLexoffice, type FakeLexofficeOptions, type RunningFakeLexoffice } from '../fakes/lexoffice';
import { HQ_TOKEN, startFakeHq, type FakeHqOptions, type RunningFakeHq } from '../fakes/hq';
import { bindCredentials, loadShippedWorkflow, withFreshWebhookIds, withSettings } from './shippedWorkflows';

export const SANDBOX_WEBHOOK_SECRET = 'whsec_sandbox_0123456789';

export const CREDENTIAL_NAMES = {
	aworkPsaApi: 'awork (sandbox)',
	onePsaApi: 'The One PSA (sandbox)',
	idMappingN8nApi: 'n8n API for ID Mapping (sandbox)',
	sevDeskPsaApi: 'sevDesk (sandbox)',
	lexofficePsaApi: 'Lexoffice (sandbox)',
	hqPsaApi: 'HQ (sandbox)',
} as const;

/** The Web Address of the sandbox's HQ credential: the base of HQ invoices' `url`. */
export const SANDBOX_HQ_WEB_URL = 'https://sandbox.hellohq.io';

export type SandboxCredentialType = keyof typeof CREDENTIAL_NAMES;

export interface WorkflowSandboxOptions {
	label?: string;
	awork?: StartFakeAworkOptions;
	/** The awork credential's Web Address (the base of outputs' `url`); default the fake workspace's address. */
	aworkWebUrl?: string;
	onePsa?: FakeOnePsaOptions;
	/** The billing tools' fakes (all three always run). */
	sevDesk?: FakeSevDeskOptions;
	lexoffice?: FakeLexofficeOptions;
	hq?: FakeHqOptions;
	n8n?: StartN8nOptions;
	/** An n8n already started (e.g. shared by several sandboxes); it is not stopped by close(). */
	existingN8n?: N8nInstance;
}

export interface ImportShippedOptions {
	/** Values for the workflow's "Settings" node. */
	settings?: Record<string, unknown>;
	/** New webhook IDs, so a second copy can be active next to the first (default false). */
	freshWebhookIds?: boolean;
	name?: string;
	/** Changes to make to the workflow JSON before it is saved. */
	edit?: (workflow: WorkflowJson) => WorkflowJson | void;
}

export interface WorkflowSandbox {
	awork: RunningFakeAwork;
	onePsa: RunningFakeOnePsa;
	sevDesk: RunningFakeSevDesk;
	lexoffice: RunningFakeLexoffice;
	hq: RunningFakeHq;
	n8n: N8nInstance;
	/** Credential IDs in n8n by type. */
	credentials: Record<SandboxCredentialType, string>;
	webhookSecret: string;
	/** The shipped workflow as it would be saved (credentials bound, settings applied). */
	prepare(file: string, options?: ImportShippedOptions): WorkflowJson;
	/** Saves a shipped workflow (see prepare) in n8n and returns its ID; not yet active. */
	importShipped(file: string, options?: ImportShippedOptions): Promise<string>;
	/** Sends a correctly signed One PSA webhook to a production URL path like "<webhookId>/onepsa". */
	sendPsaWebhook(webhookPath: string, event: string, data: unknown): Promise<WebhookAnswer>;
	close(): Promise<void>;
}

export async function startWorkflowSandbox(options: WorkflowSandboxOptions = {}): Promise<WorkflowSandbox> {
	const awork = await startFakeAwork(options.awork);
	const onePsa = await startFakeOnePsa(options.onePsa);
	const sevDesk = await startFakeSevDesk(options.sevDesk);
	const lexoffice = await startFakeLexoffice(options.lexoffice);
	const hq = await startFakeHq(options.hq);
	const closeFakes = async () => await Promise.all([awork.close(), onePsa.close(), sevDesk.close(), lexoffice.close(), hq.close()]);
	let n8n: N8nInstance | undefined = options.existingN8n;
	try {
		n8n ??= await startN8n({ label: options.label ?? 'workflows', ...options.n8n });
		const started = n8n;
		const credentials: Record<SandboxCredentialType, string> = {
			aworkPsaApi: await started.createCredential({
				name: CREDENTIAL_NAMES.aworkPsaApi,
				type: 'aworkPsaApi',
				data: { apiKey: awork.fake.apiKey, baseUrl: awork.baseUrl, webUrl: options.aworkWebUrl ?? awork.fake.store.workspace.url },
			}),
			onePsaApi: await started.createCredential({
				name: CREDENTIAL_NAMES.onePsaApi,
				type: 'onePsaApi',
				data: {
					tenantId: DEFAULT_TENANT.tenantId,
					apiUrl: onePsa.baseUrl,
					integrationKey: DEFAULT_TENANT.integrationKey,
					apiKey: '',
					webhookSecret: SANDBOX_WEBHOOK_SECRET,
				},
			}),
			idMappingN8nApi: await started.createCredential({
				name: CREDENTIAL_NAMES.idMappingN8nApi,
				type: 'idMappingN8nApi',
				data: { baseUrl: `${started.baseUrl}/api/v1`, apiKey: await started.createApiKey('id-mapping') },
			}),
			sevDeskPsaApi: await started.createCredential({
				name: CREDENTIAL_NAMES.sevDeskPsaApi,
				type: 'sevDeskPsaApi',
				data: { apiToken: DEFAULT_SEVDESK_TOKEN, baseUrl: sevDesk.baseUrl },
			}),
			lexofficePsaApi: await started.createCredential({
				name: CREDENTIAL_NAMES.lexofficePsaApi,
				type: 'lexofficePsaApi',
				data: { apiKey: DEFAULT_LEXOFFICE_KEY, baseUrl: lexoffice.baseUrl, appUrl: 'https://app.lexware.de' },
			}),
			hqPsaApi: await started.createCredential({
				name: CREDENTIAL_NAMES.hqPsaApi,
				type: 'hqPsaApi',
				data: { apiToken: HQ_TOKEN, baseUrl: hq.baseUrl, webUrl: SANDBOX_HQ_WEB_URL },
			}),
		};
		const refs = Object.fromEntries(
			Object.entries(credentials).map(([type, id]) => [type, { id, name: CREDENTIAL_NAMES[type as SandboxCredentialType] }]),
		);

		const prepare = (file: string, importOptions: ImportShippedOptions = {}): WorkflowJson => {
			let workflow = bindCredentials(loadShippedWorkflow(file), refs);
			if (importOptions.settings) workflow = withSettings(workflow, importOptions.settings);
			if (importOptions.freshWebhookIds) workflow = withFreshWebhookIds(workflow);
			return importOptions.edit?.(workflow) ?? workflow;
		};

		return {
			awork,
			onePsa,
			sevDesk,
			lexoffice,
			hq,
			n8n: started,
			credentials,
			webhookSecret: SANDBOX_WEBHOOK_SECRET,
			prepare,
			importShipped: async (file, importOptions = {}) =>
				await started.importWorkflow(prepare(file, importOptions), { name: importOptions.name }),
			sendPsaWebhook: async (webhookPath, event, data) =>
				await sendSignedWebhook(started.webhookUrl(webhookPath), SANDBOX_WEBHOOK_SECRET, event, data, {
					tenantId: DEFAULT_TENANT.tenantId,
				}),
			close: async () => {
				if (!options.existingN8n) await started.stop();
				await closeFakes();
			},
		};
	} catch (error) {
		if (n8n && !options.existingN8n) await n8n.stop().catch(() => undefined);
		await closeFakes();
		throw error;
	}
}
