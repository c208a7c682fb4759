/**
 * The awork side of the trigger's life: register a webhook when the workflow is activated, find
 * it again after a restart, remove it on deactivation. The webhook id and the secret live in the
 * node's static data, which n8n saves after activation and keeps across restarts.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IHookFunctions, type JsonObject } from 'n8n-workflow';
import { aworkFailureOf, aworkPath, aworkRequest, aworkRequestAllPages } from '../Awork/transport';
import { AWORK_WEBHOOK_EVENT_VALUES } from './events';
import { aworkAuthenticationValue, generateWebhookSecret } from './webhookSecret';

/** What awork returns for a webhook (WebhookConfig); only the fields this node reads. */
export interface AworkWebhookConfig {
	id: string;
	uri?: string;
	events?: string;
	isActive?: boolean;
	authenticationType?: string;
}

/** What the trigger keeps in its static data. */
export interface TriggerStaticData extends IDataObject {
	webhookId?: string;
	webhookSecret?: string;
}

export function selectedEvents(context: IHookFunctions): string[] {
	const events = (context.getNodeParameter('events', []) as string[]).filter(Boolean);
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No event is selected in "Events"', {
			description: 'Choose at least one awork event that should start this workflow.',
		});
	}
	const unknown = events.filter((event) => !AWORK_WEBHOOK_EVENT_VALUES.has(event));
	if (unknown.length > 0) {
		throw new NodeOperationError(context.getNode(), `"Events" contains unknown awork events: ${unknown.join(', ')}`, {
			description: 'Pick the events from the list; awork only accepts its own event types.',
		});
	}
	return [...new Set(events)].sort();
}

function sameEvents(registered: string | undefined, wanted: string[]): boolean {
	const have = String(registered ?? '')
		.split(',')
		.map((event) => event.trim())
		.filter(Boolean)
		.sort();
	return have.length === wanted.length && have.every((event, index) => event === wanted[index]);
}

function isNotFound(error: unknown): boolean {
	return aworkFailureOf(error)?.status === 404;
}

async function deleteWebhook(context: IHookFunctions, webhookId: string): Promise<void> {
	try {
		await aworkRequest.call(context, 'DELETE', aworkPath`/webhooks/${webhookId}`);
	} catch (error) {
		// Already gone is what we wanted; the transport's errors come back unchanged from NodeApiError.
		if (!isNotFound(error)) throw new NodeApiError(context.getNode(), error as JsonObject);
	}
}

/**
 * True when awork still holds the webhook this node registered, for this URL and these events,
 * and the secret is known. Anything else is cleaned up so that create() starts fresh.
 */
export async function webhookExists(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node') as TriggerStaticData;
	const url = context.getNodeWebhookUrl('default');
	const events = selectedEvents(context);

	if (staticData.webhookId) {
		let registered: AworkWebhookConfig | undefined;
		try {
			registered = (await aworkRequest.call(context, 'GET', aworkPath`/webhooks/${staticData.webhookId}`)) as AworkWebhookConfig;
		} catch (error) {
			if (!isNotFound(error)) throw new NodeApiError(context.getNode(), error as JsonObject);
		}
		if (registered && registered.uri === url && sameEvents(registered.events, events) && staticData.webhookSecret) {
			return true;
		}
		if (registered) await deleteWebhook(context, registered.id);
		delete staticData.webhookId;
		delete staticData.webhookSecret;
	}

	// A webhook for this URL without a known secret (static data lost): its deliveries would all be
	// rejected, so remove it instead of letting awork retry and pause the integration. Every page:
	// GET /webhooks answers 10 unless asked for more, and an orphan on page 2 would stay registered.
	const all = (await aworkRequestAllPages.call(context, '/webhooks')) as AworkWebhookConfig[];
	for (const orphan of all.filter((webhook) => webhook.uri === url)) {
		await deleteWebhook(context, orphan.id);
	}
	return false;
}

export async function createWebhook(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node') as TriggerStaticData;
	const url = context.getNodeWebhookUrl('default');
	if (!url) {
		throw new NodeOperationError(context.getNode(), 'n8n did not provide a webhook URL for the awork trigger');
	}
	const events = selectedEvents(context);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const workflowName = context.getWorkflow().name ?? context.getWorkflow().id ?? 'workflow';
	const secret = generateWebhookSecret();

	const created = (await aworkRequest.call(context, 'POST', '/webhooks', {
		body: {
			name: String(options.webhookName || `n8n: ${workflowName}`).slice(0, 200),
			uri: url,
			events: events.join(','),
			isActive: true,
			onlyTriggerForMainEntityChanges: options.onlyMainEntityChanges === true,
			authenticationType: 'header',
			authentication: aworkAuthenticationValue(secret),
		},
	})) as AworkWebhookConfig | undefined;
	if (!created?.id) {
		throw new NodeOperationError(context.getNode(), 'awork accepted the webhook but returned no id', {
			description: 'Deactivate and activate the workflow again; if it repeats, check the webhooks in awork.',
		});
	}
	staticData.webhookId = created.id;
	staticData.webhookSecret = secret;
	return true;
}

export async function removeWebhook(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node') as TriggerStaticData;
	if (staticData.webhookId) await deleteWebhook(context, staticData.webhookId);
	delete staticData.webhookId;
	delete staticData.webhookSecret;
	return true;
}
