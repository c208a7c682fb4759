import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { OnePsaTrigger } from '../../../nodes/OnePsaTrigger/OnePsaTrigger.node';
import { isSelected, parseEnvelope } from '../../../nodes/OnePsaTrigger/events';
import { checkSignature, signBody } from '../../../nodes/OnePsaTrigger/signature';
import { signPsaBody, webhookEnvelope } from '../../fakes/onepsa';

const SECRET = 'whsec_test';

describe('OnePsa Trigger signature check', () => {
	const body = Buffer.from(webhookEnvelope('quote.approved', { quoteId: 'q1' }));

	it('accepts the signature the PSA computes over the raw body', () => {
		expect(checkSignature(body, signPsaBody(SECRET, body), SECRET)).toEqual({ valid: true });
		expect(signBody(SECRET, body)).toBe(signPsaBody(SECRET, body));
		expect(checkSignature(body, signPsaBody(SECRET, body).toUpperCase().replace('SHA256=', 'sha256='), SECRET)).toEqual({ valid: true });
	});

	it('refuses a missing, malformed, wrong-secret or tampered signature', () => {
		expect(checkSignature(body, undefined, SECRET)).toEqual({ valid: false, reason: 'Missing X-PSA-Signature header' });
		expect(checkSignature(body, 'abc', SECRET)).toMatchObject({ valid: false, reason: expect.stringMatching(/not of the form/) });
		expect(checkSignature(body, `sha1=${'0'.repeat(64)}`, SECRET).valid).toBe(false);
		expect(checkSignature(body, signPsaBody('other', body), SECRET)).toEqual({ valid: false, reason: 'X-PSA-Signature does not match the body' });
		const tampered = Buffer.from(body.toString().replace('q1', 'q2'));
		expect(checkSignature(tampered, signPsaBody(SECRET, body), SECRET).valid).toBe(false);
		// The parsed-and-re-serialised body is not what was signed: only raw bytes count.
		const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
		expect(checkSignature(reformatted, signPsaBody(SECRET, body), SECRET).valid).toBe(false);
	});

	it('selects events exactly or by family', () => {
		expect(isSelected('ticket.created', ['ticket.*'])).toBe(true);
		expect(isSelected('ticket.created', ['ticket.updated'])).toBe(false);
		expect(isSelected('time_entry.updated', ['quote.approved', 'time_entry.*'])).toBe(true);
		expect(isSelected('tickets.created', ['ticket.*'])).toBe(false);
		expect(isSelected('deal.won', ['*'])).toBe(true);
		expect(isSelected('deal.won', [])).toBe(false);
	});

	it('parses the envelope, or says why not', () => {
		expect(parseEnvelope(Buffer.from('{"event":"deal.won","data":{"id":1}}'), undefined)).toMatchObject({ ok: true, envelope: { event: 'deal.won', data: { id: 1 } } });
		expect(parseEnvelope(Buffer.from('{"data":{}}'), 'ticket.created')).toMatchObject({ ok: true, envelope: { event: 'ticket.created' } });
		expect(parseEnvelope(Buffer.from('nope'), undefined)).toEqual({ ok: false, reason: 'The body is not JSON' });
		expect(parseEnvelope(Buffer.from('[1]'), undefined)).toEqual({ ok: false, reason: 'The body is not a JSON object' });
		expect(parseEnvelope(Buffer.from('{"data":{}}'), undefined)).toEqual({ ok: false, reason: 'The body names no event' });
	});
});

/** Calls the trigger's webhook() the way n8n does, with a request carrying rawBody. */
async function deliver(options: { body: string; headers?: Record<string, string>; secret?: string; events?: string[] }) {
	const answer: { status?: number; body?: string } = {};
	const context = {
		getRequestObject: () => ({ rawBody: Buffer.from(options.body), headers: options.headers ?? {}, body: {} }),
		getResponseObject: () => ({
			writeHead: (status: number) => (answer.status = status),
			end: (text: string) => (answer.body = text),
		}),
		getCredentials: async () => ({ webhookSecret: options.secret ?? SECRET }),
		getNodeParameter: (name: string) => (name === 'events' ? options.events ?? ['quote.approved'] : undefined),
		getNode: () => ({ name: 'PSA Trigger' }),
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
	const result = await new OnePsaTrigger().webhook.call(context);
	return { result, answer };
}

describe('OnePsa Trigger webhook()', () => {
	const body = webhookEnvelope('quote.approved', { quoteId: 'q1', lines: [] }, { tenantId: 't1', occurredAt: '2024-05-01T10:00:00Z' });
	const signed = { 'x-psa-signature': signPsaBody(SECRET, body) };

	it('starts the workflow with the event for a good signature', async () => {
		const { result, answer } = await deliver({ body, headers: signed });
		expect(answer.status).toBeUndefined();
		expect(result.workflowData).toEqual([
			[{ json: { event: 'quote.approved', tenantId: 't1', occurredAt: '2024-05-01T10:00:00Z', data: { quoteId: 'q1', lines: [] } } }],
		]);
	});

	it('answers 401 and starts nothing for a missing or wrong signature', async () => {
		for (const headers of [{}, { 'x-psa-signature': signPsaBody('wrong', body) }] as Array<Record<string, string>>) {
			const { result, answer } = await deliver({ body, headers });
			expect(answer.status).toBe(401);
			expect(result).toEqual({ noWebhookResponse: true });
		}
	});

	it('answers 400 for a signed body that is not an event, and 200 without a run for other events', async () => {
		const junk = 'not json';
		const bad = await deliver({ body: junk, headers: { 'x-psa-signature': signPsaBody(SECRET, junk) } });
		expect(bad.answer.status).toBe(400);
		expect(bad.result.workflowData).toBeUndefined();

		const other = webhookEnvelope('ticket.created', { id: 't' });
		const ignored = await deliver({ body: other, headers: { 'x-psa-signature': signPsaBody(SECRET, other) } });
		expect(ignored.result).toEqual({ webhookResponse: { received: true, ignored: true, event: 'ticket.created' } });
	});

	it('refuses everything when the credential has no webhook secret', async () => {
		const unsigned = webhookEnvelope('quote.approved', {});
		const { result, answer } = await deliver({ body: unsigned, headers: { 'x-psa-signature': signPsaBody('', unsigned) }, secret: '' });
		expect(answer.status).toBe(500);
		expect(answer.body).toMatch(/no Webhook Secret/);
		expect(result.workflowData).toBeUndefined();
	});

	it('fails activation with a clear message when the secret is missing', async () => {
		const hooks = new OnePsaTrigger().webhookMethods.default;
		const ctx = (secret: string) => ({ getCredentials: async () => ({ webhookSecret: secret }), getNode: () => ({ name: 'PSA Trigger' }) }) as never;
		await expect(hooks.checkExists.call(ctx(''))).rejects.toThrow(/no Webhook Secret/);
		await expect(hooks.checkExists.call(ctx(SECRET))).resolves.toBe(true);
	});
});
