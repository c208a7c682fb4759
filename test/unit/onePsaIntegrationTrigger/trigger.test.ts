/**
 * The One PSA Integration Trigger: the key is checked before anything runs (401, no workflow
 * data), the workflow gets path parameters and query only (never headers, so never the key),
 * and activation refuses a credential without a key.
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { OnePsaIntegrationTrigger, UNAUTHORIZED_ANSWER } from '../../../nodes/OnePsaIntegrationTrigger/OnePsaIntegrationTrigger.node';

const KEY = 'psa-integration-key';

async function call(headers: Record<string, string>, configuredKey = KEY) {
	const answer: { status?: number; headers?: Record<string, string>; body?: string } = {};
	const context = {
		getCredentials: async () => ({ integrationKey: configuredKey }),
		getHeaderData: () => headers,
		getParamsData: () => ({ projectId: 'psa-prj-1' }),
		getQueryData: () => ({ lang: 'de' }),
		getResponseObject: () => ({
			writeHead: (status: number, head: Record<string, string>) => {
				answer.status = status;
				answer.headers = head;
			},
			end: (text: string) => (answer.body = text),
		}),
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
	const result = await new OnePsaIntegrationTrigger().webhook.call(context);
	return { result, answer };
}

describe('The One PSA Integration Trigger', () => {
	it('passes the right key on with path parameters and query, and no header', async () => {
		const { result, answer } = await call({ 'x-integration-key': KEY, authorization: 'Bearer something' });
		expect(answer.status).toBeUndefined();
		expect(result.workflowData).toEqual([[{ json: { params: { projectId: 'psa-prj-1' }, query: { lang: 'de' } } }]]);
		expect(JSON.stringify(result)).not.toContain(KEY);
	});

	it.each([
		['no key', {}],
		['an empty key', { 'x-integration-key': '' }],
		['a wrong key', { 'x-integration-key': 'nope' }],
		['the key with more after it', { 'x-integration-key': `${KEY}x` }],
		['the key in other case', { 'x-integration-key': KEY.toUpperCase() }],
	])('answers %s with 401 and starts nothing', async (_name, headers) => {
		const { result, answer } = await call(headers);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(answer.status).toBe(401);
		expect(answer.headers?.['cache-control']).toBe('no-store');
		expect(JSON.parse(answer.body!)).toEqual(UNAUTHORIZED_ANSWER);
	});

	it('is never open: a credential without a key refuses every caller and cannot be activated', async () => {
		const { answer } = await call({ 'x-integration-key': '' }, '');
		expect(answer.status).toBe(401);
		const hook = { getCredentials: async () => ({ integrationKey: '' }), getNode: () => ({ name: 'PSA Project Context' }) } as unknown as IHookFunctions;
		await expect(new OnePsaIntegrationTrigger().webhookMethods.default.checkExists.call(hook)).rejects.toThrow(/no Integration Key/);
	});
});
