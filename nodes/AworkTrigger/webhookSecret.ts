/**
 * The shared secret awork sends back on every delivery. awork's webhooks are not signed; their
 * only protection is a header name and value chosen at registration, which this node generates.
 */
import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/** Header awork is told to send; n8n sees request headers in lower case. */
export const AWORK_SECRET_HEADER = 'x-awork-webhook-secret';

export function generateWebhookSecret(): string {
	return randomBytes(32).toString('hex');
}

/** awork's `authentication` field for header auth: 'headername=headervalue'. */
export function aworkAuthenticationValue(secret: string): string {
	return `${AWORK_SECRET_HEADER}=${secret}`;
}

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * True only when the delivery carries exactly the expected secret. Compares digests in constant
 * time so neither the content nor the length of the secret leaks through timing.
 */
export function hasValidSecret(
	headers: Record<string, string | string[] | undefined>,
	expectedSecret: unknown,
): boolean {
	if (typeof expectedSecret !== 'string' || expectedSecret.length === 0) return false;
	const received = headers[AWORK_SECRET_HEADER];
	if (typeof received !== 'string') return false;
	return timingSafeEqual(digest(received), digest(expectedSecret));
}
