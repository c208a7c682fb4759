/** Webhook configurations (WebhookConfig) and the event types awork sends. */
import type { ListSpec } from '../query/paths';
import type { AworkStore, Rec } from '../store';
import { fill, newId, stamps } from './common';

export const WEBHOOK_EVENT_TYPES = [
	'absence_added',
	'absence_deleted',
	'absence_updated',
	'company_added',
	'company_deleted',
	'company_type_changed',
	'company_updated',
	'project_added',
	'project_comment_added',
	'project_deleted',
	'projectmember_added',
	'projectmember_deleted',
	'project_status_changed',
	'project_type_changed',
	'project_updated',
	'task_added',
	'taskassignment_added',
	'taskassignment_deleted',
	'task_comment_added',
	'task_deleted',
	'tasklist_added',
	'tasklist_deleted',
	'tasklist_updated',
	'task_status_changed',
	'task_type_changed',
	'task_updated',
	'timetracking_added',
	'timetracking_deleted',
	'timetracking_type_changed',
	'timetracking_updated',
	'user_activation_changed',
	'user_added',
	'user_deleted',
	'user_status_changed',
	'user_updated',
];

export function buildWebhook(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill(
		{
			id: newId(),
			name: 'Webhook',
			uri: '',
			language: null,
			events: '',
			isActive: true,
			onlyTriggerForMainEntityChanges: false,
			authenticationType: 'none',
			authentication: null,
			receiverType: 'custom',
			lastFailureReason: null,
			...stamps(store),
		},
		input,
	);
}

export const webhookEvents = (rec: Rec): string[] =>
	String(rec.events ?? '')
		.split(',')
		.map((e) => e.trim())
		.filter(Boolean);

/** `authentication` is 'headername=headervalue' when authenticationType is 'header'. */
export function webhookAuthHeader(rec: Rec): { name: string; value: string } | undefined {
	if (String(rec.authenticationType).toLowerCase() !== 'header' || typeof rec.authentication !== 'string') return undefined;
	const at = rec.authentication.indexOf('=');
	if (at < 1) return undefined;
	return { name: rec.authentication.slice(0, at).trim(), value: rec.authentication.slice(at + 1) };
}

export function webhookSpec(): ListSpec {
	return { collection: 'webhooks', render: (rec) => ({ ...rec }) };
}
