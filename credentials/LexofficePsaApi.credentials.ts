import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Lexware Office (formerly lexoffice) public API key. Named `lexofficePsaApi` because other
 * community packages may already register `lexofficeApi`.
 */
export class LexofficePsaApi implements ICredentialType {
	name = 'lexofficePsaApi';

	displayName = 'Lexoffice API';

	icon: Icon = { light: 'file:lexoffice.svg', dark: 'file:lexoffice.dark.svg' };

	documentationUrl = 'https://developers.lexware.io/docs/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Create it in Lexware Office under Add-ons > Public API (app.lexware.de/addons/public-api). It is shown once; keys expire after two years by default.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api.lexware.io',
			description:
				'The API host without /v1. The old host https://api.lexoffice.io was only kept until December 2025. Change it only for a test or proxy server.',
		},
		{
			displayName: 'App URL',
			name: 'appUrl',
			type: 'string',
			default: 'https://app.lexware.de',
			description: 'Where Lexware Office opens in the browser; the node builds the links to invoices and contacts from it',
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
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/profile',
			method: 'GET',
		},
	};
}
