import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * awork OAuth2 credential: authorization code with PKCE, as awork recommends. The token acts
 * as the signed-in user and respects their roles. The endpoint URLs follow the base URL so a
 * test or proxy server can stand in for awork.
 */
export class AworkPsaOAuth2Api implements ICredentialType {
	name = 'aworkPsaOAuth2Api';

	extends = ['oAuth2Api'];

	// n8n's lint requires title case here, so the brand's lower-case "awork" is capitalised.
	displayName = 'Awork OAuth2 API';

	icon: Icon = { light: 'file:awork.svg', dark: 'file:awork.dark.svg' };

	documentationUrl = 'https://developers.awork.com/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api.awork.com/api/v1',
			description:
				'The awork API root including /api/v1, without a trailing slash. The sign-in and token URLs are derived from it. Change it only for a test or proxy server.',
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
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'pkce',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"]}}/accounts/authorize',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"]}}/accounts/token',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'full_access offline_access',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];
}
