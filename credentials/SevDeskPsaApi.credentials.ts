import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/**
 * sevDesk: the user's API token in the Authorization header, as it is: sevDesk refuses it with a
 * "Bearer " prefix. A function rather than a generic block, so the token is trimmed.
 */
export class SevDeskPsaApi implements ICredentialType {
	name = 'sevDeskPsaApi';

	displayName = 'sevDesk API';

	icon: Icon = { light: 'file:sevDesk.svg', dark: 'file:sevDesk.dark.svg' };

	documentationUrl = 'https://api.sevdesk.de/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The 32-character token of a sevDesk user (sevDesk: Settings -> Users). Enter it as it is, without "Bearer".',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://my.sevdesk.de/api/v1',
			required: true,
			placeholder: 'e.g. https://my.sevdesk.de/api/v1',
			description: 'Base URL of the sevDesk API, ending in /api/v1',
		},
	];

	authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => {
		const token = String(credentials.apiToken ?? '').trim().replace(/^Bearer\s+/i, '');
		return {
			...requestOptions,
			headers: { ...((requestOptions.headers as Record<string, string> | undefined) ?? {}), Authorization: token },
		};
	};

	test: ICredentialTestRequest = {
		request: {
			// The token is a plain header: never let a redirect carry it to another host.
			disableFollowRedirect: true,
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/Tools/bookkeepingSystemVersion',
		},
	};
}
