/**
 * A load-options context talking to the fake awork, for the editor's list and option methods:
 * `current` holds the node's parameters (locators given as { __rl, value }), `credential`
 * changes to the API key credential (e.g. a Web Address).
 */
import axios from 'axios';
import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { AworkTestBed } from './harness';

export function aworkEditorContext(bed: AworkTestBed, current: IDataObject = {}, credential: IDataObject = {}): ILoadOptionsFunctions {
	const node = {
		id: 'n',
		name: 'awork',
		type: 'awork',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'apiKey', ...current },
		credentials: { aworkPsaApi: { id: 'cred-1', name: 'awork' } },
	};
	return {
		getNode: () => node,
		getCredentials: async () => ({ apiKey: bed.fake.apiKey, baseUrl: bed.awork.baseUrl, ...credential }),
		getCurrentNodeParameter: (name: string) => {
			const value = current[name] as IDataObject | string | undefined;
			return value && typeof value === 'object' && '__rl' in value ? value.value : value;
		},
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const response = await axios.request({
					method: options.method,
					url: options.url,
					params: options.qs,
					data: options.body,
					headers: { Authorization: `Bearer ${bed.fake.apiKey}` },
					validateStatus: () => true,
				});
				return { body: response.data, headers: response.headers, statusCode: response.status };
			},
			// API-key requests arrive signed by the transport.
			httpRequest: async (options: IHttpRequestOptions) => {
				const response = await axios.request({
					method: options.method,
					url: options.url,
					params: options.qs,
					data: options.body,
					headers: options.headers as Record<string, string>,
					validateStatus: () => true,
				});
				return { body: response.data, headers: response.headers, statusCode: response.status };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}
