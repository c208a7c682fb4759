import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * awork API key credential. Named `aworkPsaApi` because awork's own community package already
 * registers `aworkApi`; two packages must not claim the same credential name.
 */
export class AworkPsaApi implements ICredentialType {
	name = 'aworkPsaApi';

	// n8n's lint requires title case here, so the brand's lower-case "awork" is capitalised.
	displayName = 'Awork API';

	icon: Icon = { light: 'file:awork.svg', dark: 'file:awork.dark.svg' };

	documentationUrl = 'https://developers.awork.com/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Create it in awork under Settings > Integrations: open an API client, choose Manage API Keys and copy a key. It acts with admin rights for the whole workspace.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api.awork.com/api/v1',
			description: 'The awork API root including /api/v1. Change it only for a test or proxy server.',
		},
		{
			displayName: 'Web Address',
			name: 'webUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://yourcompany.awork.com',
			description:
				'The address you open awork at in the browser. The node builds the "url" of projects and tasks from it (<address>/projects/<ID>). Empty: the workspace address awork reports for the signed-in user.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			// The key is a plain header: never let a redirect carry it to another host.
			disableFollowRedirect: true,
			baseURL: '={{$credentials.baseUrl}}',
			url: '/me',
			method: 'GET',
		},
	};
}
