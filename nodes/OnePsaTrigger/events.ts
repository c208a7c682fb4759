/** PSA and CRM webhook events [docs], plus quote.approved [assumed]; `x.*` selects a family. */
export const PSA_EVENTS: Array<{ name: string; value: string; description?: string }> = [
	{ name: 'Any Event', value: '*' },
	{ name: 'Deal Stage Changed', value: 'deal.stage_changed' },
	{ name: 'Deal Won', value: 'deal.won' },
	{ name: 'Project Created', value: 'project.created' },
	{ name: 'Project Event (Any)', value: 'project.*' },
	{ name: 'Project Status Changed', value: 'project.status_changed' },
	{ name: 'Quote Approved', value: 'quote.approved', description: 'A client approved a quotation' },
	{ name: 'SLA Breached', value: 'sla.breached' },
	{ name: 'Ticket Created', value: 'ticket.created' },
	{ name: 'Ticket Deleted', value: 'ticket.deleted' },
	{ name: 'Ticket Event (Any)', value: 'ticket.*' },
	{ name: 'Ticket Note Added', value: 'ticket.note_added' },
	{ name: 'Ticket Updated', value: 'ticket.updated' },
	{ name: 'Time Entry Created', value: 'time_entry.created' },
	{ name: 'Time Entry Event (Any)', value: 'time_entry.*' },
	{ name: 'Time Entry Updated', value: 'time_entry.updated' },
];

export function isSelected(event: string, selected: string[]): boolean {
	return selected.some(
		(choice) => choice === '*' || choice === event || (choice.endsWith('.*') && event.startsWith(choice.slice(0, -1))),
	);
}

export interface PsaWebhookEnvelope {
	event: string;
	tenantId?: string;
	occurredAt?: string;
	data: Record<string, unknown>;
}

export type ParsedEnvelope = { ok: true; envelope: PsaWebhookEnvelope } | { ok: false; reason: string };

/**
 * Reads the signed body `{event, tenantId, occurredAt, data}` [assumed]. Only the signed body
 * counts: the X-PSA-Event header is not signed, so it never decides what happened.
 */
export function parseEnvelope(rawBody: Buffer): ParsedEnvelope {
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return { ok: false, reason: 'The body is not JSON' };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'The body is not a JSON object' };
	const record = body as Record<string, unknown>;
	if (typeof record.event !== 'string' || !record.event) {
		return { ok: false, reason: 'The signed body names no "event" (the unsigned X-PSA-Event header is not trusted)' };
	}
	const data = record.data && typeof record.data === 'object' && !Array.isArray(record.data) ? (record.data as Record<string, unknown>) : {};
	return {
		ok: true,
		envelope: {
			event: record.event,
			tenantId: typeof record.tenantId === 'string' ? record.tenantId : undefined,
			occurredAt: typeof record.occurredAt === 'string' ? record.occurredAt : undefined,
			data,
		},
	};
}
