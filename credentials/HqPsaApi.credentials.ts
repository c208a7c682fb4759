import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * helloHQ ("HQ") API v2 token credential. Named `hqPsaApi` because another community package may
 * already register `hqApi`; two packages must not claim the same credential name.
 */
export class HqPsaApi implements ICredentialType {
	name = 'hqPsaApi';

	displayName = 'HQ API';

	icon: Icon = { light: 'file:hq.svg', dark: 'file:hq.dark.svg' };

	documentationUrl = 'https://developer.hellohq.io';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Created in HQ under Admin > Settings > API-Clients (green plus, then copy it from the three-dot menu). A sync token sees all data; a user token acts with that user\'s permissions.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api.hellohq.io',
			description: 'The HQ API root, without /v2. Change it only for a test or proxy server.',
		},
		{
			displayName: 'Web Address',
			name: 'webUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://yourcompany.hellohq.io',
			description:
				'The address you open HQ at in the browser. When set, invoices get a "url" built from it; empty: no url.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			// The token is a plain header: never let a redirect carry it to another host.
			disableFollowRedirect: true,
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v2/Users',
			qs: { top: 1 },
			method: 'GET',
		},
	};
}
