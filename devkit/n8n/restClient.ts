/**
 * n8n's HTTP APIs as the owner of one test n8n: the internal REST API (session cookie, set up on
 * first use), the public API (an API key made on first use), credentials, and saving and
 * publishing (activating) workflows.
 */
import { httpRequest, waitFor, type HttpResponse } from './http';
import { loadWorkflow, withCredentials, type CredentialRef, type WorkflowJson } from './workflows';

export interface OwnerAccount {
	email: string;
	password: string;
}

export interface PublicationStatus {
	status: 'not_published' | 'in_progress' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
}

export interface ImportOptions {
	/** Credential type -> id (or {id, name}); every node reference of that type is pointed at it. */
	credentials?: Record<string, string | CredentialRef>;
	/** Overrides the workflow name (names must be unique per n8n). */
	name?: string;
}

const BROWSER_ID = 'n8n-e2e-harness';

export class N8nRestClient {
	private cookie?: string;

	private owner?: OwnerAccount;

	private apiKey?: string;

	private credentialNames = new Map<string, string>();

	private credentialData = new Map<string, Record<string, unknown>>();

	/** `logTail` adds the server's last log lines to an activation failure. */
	constructor(
		readonly baseUrl: string,
		private readonly logTail: (lines: number) => string,
	) {}

	// ----- sessions and keys -----

	private async rest<T>(method: string, restPath: string, body?: unknown, allowStatus: number[] = []): Promise<HttpResponse<T>> {
		const headers: Record<string, string> = { 'browser-id': BROWSER_ID };
		if (this.cookie) headers.cookie = this.cookie;
		const response = await httpRequest<T>(method, `${this.baseUrl}/rest${restPath}`, { headers, body });
		const setCookie = response.headers['set-cookie']?.find((c) => c.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		if (response.status >= 400 && !allowStatus.includes(response.status)) {
			throw new Error(`n8n REST ${method} /rest${restPath} -> ${response.status}: ${errorText(response)}`);
		}
		return response;
	}

	/** Calls n8n's internal REST API as the owner (set up on first use); returns the `data` field. */
	async restRequest<T = unknown>(method: string, restPath: string, body?: unknown): Promise<T> {
		await this.setupOwner();
		const response = await this.rest<{ data: T }>(method, restPath, body);
		return (response.body as { data: T }).data;
	}

	/** Creates the owner account (or logs in, if it exists); the session cookie is kept. */
	async setupOwner(): Promise<OwnerAccount> {
		if (this.owner && this.cookie) return this.owner;
		const owner = { email: 'owner@e2e.test', password: 'E2e-Passw0rd!' };
		const setup = await this.rest('POST', '/owner/setup', { ...owner, firstName: 'E2E', lastName: 'Owner' }, [400]);
		if (setup.status === 400) {
			// Instance already has an owner (e.g. after restart with a lost cookie): log in instead.
			await this.rest('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		}
		this.owner = owner;
		return owner;
	}

	/** A public API key (X-N8N-API-KEY) with every scope the owner may grant. */
	async createApiKey(label = 'e2e'): Promise<string> {
		await this.setupOwner();
		const scopes = await this.restRequest<string[]>('GET', '/api-keys/scopes');
		const created = await this.restRequest<{ rawApiKey: string }>('POST', '/api-keys', {
			label: `${label}-${Date.now()}`,
			scopes,
			expiresAt: null,
		});
		return created.rawApiKey;
	}

	/** Calls the public API (/api/v1) with an API key created on first use. */
	async publicApiRequest<T = unknown>(method: string, apiPath: string, body?: unknown): Promise<T> {
		this.apiKey ??= await this.createApiKey('harness');
		const response = await httpRequest<T>(method, `${this.baseUrl}/api/v1${apiPath}`, {
			headers: { 'x-n8n-api-key': this.apiKey },
			body,
		});
		if (response.status >= 400) {
			throw new Error(`n8n public API ${method} /api/v1${apiPath} -> ${response.status}: ${errorText(response)}`);
		}
		return response.body;
	}

	// ----- credentials -----

	async createCredential(credential: { name: string; type: string; data: Record<string, unknown> }): Promise<string> {
		const created = await this.restRequest<{ id: string }>('POST', '/credentials', credential);
		this.credentialNames.set(created.id, credential.name);
		this.credentialData.set(created.id, credential.data);
		return created.id;
	}

	/**
	 * Runs n8n's credential test (the editor's "Test" button) for a stored credential; `data`
	 * replaces fields of the stored data for this test only. Returns n8n's verdict:
	 * {status: 'OK' | 'Error', message}.
	 */
	async testCredential(
		credentialId: string,
		options: { type: string; data?: Record<string, unknown> },
	): Promise<{ status: 'OK' | 'Error'; message: string }> {
		let stored = this.credentialData.get(credentialId);
		if (!stored) {
			// Redacted as the editor would send it; n8n fills in the secret values itself.
			const credential = await this.restRequest<{ data?: Record<string, unknown> }>('GET', `/credentials/${credentialId}?includeData=true`);
			stored = credential.data ?? {};
		}
		return await this.restRequest('POST', '/credentials/test', {
			credentials: {
				id: credentialId,
				name: this.credentialNames.get(credentialId) ?? '',
				type: options.type,
				data: { ...stored, ...options.data },
			},
		});
	}

	// ----- workflows -----

	private async credentialRef(ref: string | CredentialRef): Promise<CredentialRef> {
		if (typeof ref !== 'string') return ref;
		let name = this.credentialNames.get(ref);
		if (name === undefined) {
			name = (await this.restRequest<{ name: string }>('GET', `/credentials/${ref}`)).name;
			this.credentialNames.set(ref, name);
		}
		return { id: ref, name };
	}

	/** Saves a workflow (object, or path of its JSON file) through REST; returns its id. */
	async importWorkflow(workflowOrPath: WorkflowJson | string, options: ImportOptions = {}): Promise<string> {
		let workflow = typeof workflowOrPath === 'string' ? loadWorkflow(workflowOrPath) : workflowOrPath;
		const refs: Record<string, CredentialRef> = {};
		for (const [type, ref] of Object.entries(options.credentials ?? {})) refs[type] = await this.credentialRef(ref);
		workflow = withCredentials(workflow, refs);
		const { id: _ignoredId, active: _ignoredActive, ...body } = workflow;
		const created = await this.restRequest<{ id: string }>('POST', '/workflows', {
			...body,
			name: options.name ?? `${workflow.name} ${Date.now().toString(36)}`,
			settings: { executionOrder: 'v1', ...workflow.settings },
		});
		return created.id;
	}

	async getWorkflow(workflowId: string): Promise<WorkflowJson & { id: string; versionId: string; active: boolean; activeVersionId?: string | null }> {
		return await this.restRequest('GET', `/workflows/${workflowId}`);
	}

	/**
	 * n8n 2.x publication state: activation and deactivation go through an outbox and finish
	 * shortly after the REST call returns. undefined when the publication service is switched off.
	 */
	async publicationStatus(workflowId: string): Promise<PublicationStatus | undefined> {
		await this.setupOwner();
		const response = await this.rest<{ data: PublicationStatus }>('GET', `/workflows/${workflowId}/publication-status`, undefined, [404]);
		return response.status === 404 ? undefined : response.body.data;
	}

	private async waitForPublication(workflowId: string, done: (status: PublicationStatus) => boolean, timeoutMs: number): Promise<PublicationStatus | undefined> {
		let last: PublicationStatus | undefined;
		return await waitFor(
			async () => {
				last = await this.publicationStatus(workflowId);
				if (last === undefined) return null; // synchronous (legacy) activation: nothing to wait for
				return last.status !== 'in_progress' && done(last) ? last : undefined;
			},
			{ timeoutMs, intervalMs: 200, describe: () => `publication of workflow ${workflowId} (last: ${JSON.stringify(last)})` },
		).then((status) => status ?? undefined);
	}

	/**
	 * Publishes (activates) the workflow's current version and waits until n8n has activated its
	 * triggers; trigger webhooks are registered by then. Throws with n8n's trigger errors when
	 * activation failed, unless `allowFailure` (then the status tells what happened).
	 */
	async activateWorkflow(workflowId: string, options: { allowFailure?: boolean; timeoutMs?: number } = {}): Promise<PublicationStatus | undefined> {
		const { versionId } = await this.getWorkflow(workflowId);
		await this.restRequest('POST', `/workflows/${workflowId}/activate`, { versionId });
		const status = await this.waitForPublication(
			workflowId,
			(current) => current.status !== 'not_published' && (current.liveVersionId === versionId || current.status !== 'published'),
			options.timeoutMs ?? 120_000,
		);
		if (status && status.status !== 'published' && !options.allowFailure) {
			const errors = status.triggers.map((trigger) => `${trigger.nodeId}: ${trigger.status} ${trigger.errorMessage ?? ''}`).join('; ');
			throw new Error(`Activating workflow ${workflowId} ended "${status.status}": ${errors}\n${this.logTail(30)}`);
		}
		return status;
	}

	/** Unpublishes (deactivates) the workflow and waits until n8n removed its triggers (webhooks deleted). */
	async deactivateWorkflow(workflowId: string, options: { timeoutMs?: number } = {}): Promise<void> {
		await this.restRequest('POST', `/workflows/${workflowId}/deactivate`, {});
		await this.waitForPublication(workflowId, (current) => current.status === 'not_published', options.timeoutMs ?? 120_000);
	}

	/** The workflow's static data as stored in the database (what nodes saved with getWorkflowStaticData). */
	async getStaticData(workflowId: string): Promise<Record<string, unknown>> {
		const workflow = await this.getWorkflow(workflowId);
		return (workflow.staticData as Record<string, unknown> | null | undefined) ?? {};
	}
}

/** n8n's error answer without its server stack trace. */
function errorText(response: HttpResponse<unknown>): string {
	const body = response.body as { message?: unknown; hint?: unknown } | string;
	if (body && typeof body === 'object' && typeof body.message === 'string') {
		return body.hint ? `${body.message} (${String(body.hint)})` : body.message;
	}
	return response.text.slice(0, 2000);
}
