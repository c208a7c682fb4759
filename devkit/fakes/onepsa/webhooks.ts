/** Sends PSA webhooks the way The One PSA signs them (docs/onepsa-api.md), or deliberately not. */
import { createHmac } from 'node:crypto';

export interface WebhookOptions {
	/** Sign the real body but send a changed one, as a man in the middle would. */
	tamper?: boolean;
	/** Send this X-PSA-Signature instead of the right one; null sends none. */
	signature?: string | null;
	tenantId?: string;
	occurredAt?: string;
	/** Send this exact body instead of the JSON envelope (still signed unless told otherwise). */
	rawBody?: string;
	contentType?: string;
}

export interface WebhookAnswer {
	status: number;
	body: string;
	json?: unknown;
	sentBody: string;
}

export function signPsaBody(secret: string, body: string | Buffer): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function webhookEnvelope(event: string, data: unknown, options: WebhookOptions = {}): string {
	return JSON.stringify({
		event,
		tenantId: options.tenantId ?? 'tenant-1',
		occurredAt: options.occurredAt ?? new Date().toISOString(),
		data,
	});
}

/** The body with one value changed (still valid JSON when it was), so only the signature can tell. */
function tampered(body: string): string {
	try {
		const parsed = JSON.parse(body) as { data?: Record<string, unknown> };
		if (parsed && typeof parsed === 'object') {
			return JSON.stringify({ ...parsed, data: { ...(parsed.data ?? {}), amount: 1_000_000 } });
		}
	} catch {
		// not JSON: change it as text
	}
	return `${body} `;
}

export async function sendSignedWebhook(
	url: string,
	secret: string,
	event: string,
	data: unknown,
	options: WebhookOptions = {},
): Promise<WebhookAnswer> {
	const body = options.rawBody ?? webhookEnvelope(event, data, options);
	const signature: string | null = options.signature === undefined ? signPsaBody(secret, body) : options.signature;
	const sentBody = options.tamper ? tampered(body) : body;
	const headers: Record<string, string> = {
		'content-type': options.contentType ?? 'application/json',
		'x-psa-event': event,
	};
	if (signature !== null) headers['x-psa-signature'] = signature;
	const response = await fetch(url, { method: 'POST', headers, body: sentBody });
	const text = await response.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, body: text, json, sentBody };
}
