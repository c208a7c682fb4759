/** X-PSA-Signature: `sha256=<hex HMAC-SHA256 of the raw body, keyed with the webhook secret>` [assumed]. */
import { createHmac, timingSafeEqual } from 'crypto';

export const SIGNATURE_HEADER = 'x-psa-signature';
const PREFIX = 'sha256=';

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

export function signBody(secret: string, rawBody: Buffer | string): string {
	return `${PREFIX}${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Compares in constant time; the reason says what was wrong without revealing the expected value. */
export function checkSignature(rawBody: Buffer, header: unknown, secret: string): SignatureCheck {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' || !value.trim()) return { valid: false, reason: 'Missing X-PSA-Signature header' };
	const text = value.trim();
	if (text.slice(0, PREFIX.length).toLowerCase() !== PREFIX || !/^[0-9a-f]{64}$/i.test(text.slice(PREFIX.length))) {
		return { valid: false, reason: 'X-PSA-Signature is not of the form sha256=<64 hex digits>' };
	}
	const given = Buffer.from(text.slice(PREFIX.length), 'hex');
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	return given.length === expected.length && timingSafeEqual(given, expected)
		? { valid: true }
		: { valid: false, reason: 'X-PSA-Signature does not match the body' };
}
