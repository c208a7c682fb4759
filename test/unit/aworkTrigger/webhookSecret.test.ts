import {
	AWORK_SECRET_HEADER,
	aworkAuthenticationValue,
	generateWebhookSecret,
	hasValidSecret,
} from '../../../nodes/AworkTrigger/webhookSecret';

describe('awork webhook secret', () => {
	const secret = 'a'.repeat(64);

	it('generates long random secrets that differ each time', () => {
		const first = generateWebhookSecret();
		const second = generateWebhookSecret();
		expect(first).toMatch(/^[0-9a-f]{64}$/);
		expect(second).not.toBe(first);
	});

	it("formats awork's header authentication as headername=headervalue", () => {
		expect(aworkAuthenticationValue('s3cret')).toBe(`${AWORK_SECRET_HEADER}=s3cret`);
	});

	it('accepts exactly the expected secret', () => {
		expect(hasValidSecret({ [AWORK_SECRET_HEADER]: secret }, secret)).toBe(true);
	});

	it.each([
		['missing header', {}],
		['wrong value, same length', { [AWORK_SECRET_HEADER]: 'b'.repeat(64) }],
		['prefix of the secret', { [AWORK_SECRET_HEADER]: secret.slice(0, 10) }],
		['secret plus suffix', { [AWORK_SECRET_HEADER]: `${secret}x` }],
		['empty value', { [AWORK_SECRET_HEADER]: '' }],
		['repeated header (array)', { [AWORK_SECRET_HEADER]: [secret, secret] }],
		['secret in another header', { authorization: secret }],
	])('rejects a delivery with %s', (_case, headers) => {
		expect(hasValidSecret(headers as Record<string, string | string[]>, secret)).toBe(false);
	});

	it('rejects everything when no secret is stored (fails closed)', () => {
		expect(hasValidSecret({ [AWORK_SECRET_HEADER]: '' }, '')).toBe(false);
		expect(hasValidSecret({ [AWORK_SECRET_HEADER]: 'x' }, undefined)).toBe(false);
	});
});
