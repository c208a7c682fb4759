/**
 * Sends awork-shaped webhook requests to the registered webhooks: POST with the event metadata
 * (timestamp, eventType, entity, entityId, entityType, entityLink, traceId, triggeredBy, changes)
 * and the configured authorization header.
 */
import { traceId } from './errors';
import { webhookAuthHeader, webhookEvents } from './models/webhooks';
import type { AworkStore, Rec, WebhookDelivery } from './store';

/** 'configured': the header as registered; 'missing': no header; 'wrong': the header with a wrong value. */
export type DeliveryAuth = 'configured' | 'missing' | 'wrong';

export interface DeliverRequest {
	eventType: string;
	entity: Record<string, unknown>;
	entityType?: string;
	changes?: unknown[];
	auth?: DeliveryAuth;
	/** Only this webhook (default: every active webhook subscribed to the event). */
	webhookId?: string;
}

export interface DeliveryResult {
	webhookId: string;
	url: string;
	status: number;
	error?: string;
}

const LINK_PATHS: Record<string, string> = { project: 'projects', task: 'tasks', company: 'clients', user: 'users', timetracking: 'times' };

/** `project_status_changed` -> 'project', `timetracking_added` -> 'timetracking', `projectmember_added` -> 'projectmember'. */
export const entityTypeOf = (eventType: string) => eventType.split('_')[0];

export function webhookPayload(store: AworkStore, request: DeliverRequest) {
	const entityType = request.entityType ?? entityTypeOf(request.eventType);
	const entityId = String(request.entity.id ?? '');
	const me = store.users.get(store.meUserId);
	const linkPath = LINK_PATHS[entityType];
	return {
		timestamp: new Date().toISOString(),
		eventType: request.eventType,
		entity: request.entity,
		entityId,
		entityType,
		entityLink: linkPath ? `${store.workspace.url}/${linkPath}/${entityId}` : store.workspace.url,
		traceId: traceId(),
		triggeredBy: me ? { id: me.id, firstName: me.firstName, lastName: me.lastName } : null,
		changes: request.changes ?? [],
	};
}

async function post(
	url: string,
	headers: Record<string, string>,
	payload: unknown,
	timeoutMs: number,
): Promise<{ status: number; error?: string }> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	try {
		const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload), signal: controller.signal });
		await response.arrayBuffer();
		return { status: response.status };
	} catch (error) {
		return { status: 0, error: (error as Error).message };
	} finally {
		clearTimeout(timer);
	}
}

export async function deliverWebhooks(store: AworkStore, request: DeliverRequest, timeoutMs: number): Promise<DeliveryResult[]> {
	const targets = [...store.webhooks.values()].filter((hook: Rec) =>
		request.webhookId ? hook.id === request.webhookId.toLowerCase() : hook.isActive && webhookEvents(hook).includes(request.eventType),
	);
	return Promise.all(
		targets.map(async (hook) => {
			const payload = webhookPayload(store, request);
			const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'awork-webhooks (fake)' };
			const auth = webhookAuthHeader(hook);
			const mode = request.auth ?? 'configured';
			if (mode === 'configured' && auth) headers[auth.name] = auth.value;
			if (mode === 'wrong') headers[auth?.name ?? 'Authorization'] = `wrong-${auth?.value ?? 'value'}`;
			const started = Date.now();
			const { status, error } = await post(hook.uri, headers, payload, timeoutMs);
			const delivery: WebhookDelivery = {
				at: new Date(started).toISOString(),
				webhookId: hook.id,
				url: hook.uri,
				eventType: request.eventType,
				headers,
				payload,
				status,
				error,
				durationMs: Date.now() - started,
			};
			store.webhookDeliveries.push(delivery);
			if (store.webhookDeliveries.length > 1000) store.webhookDeliveries.shift();
			hook.lastFailureReason = status >= 200 && status < 300 ? hook.lastFailureReason : (error ?? `HTTP ${status}`);
			return { webhookId: hook.id, url: hook.uri, status, ...(error ? { error } : {}) };
		}),
	);
}
