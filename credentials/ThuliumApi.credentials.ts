import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { thuliumBaseUrl } from '../nodes/ThuliumChat/transport/baseUrl';

export class ThuliumApi implements ICredentialType {
	name = 'thuliumApi';

	displayName = 'Thulium API';

	icon = { light: 'file:../icons/thulium.svg', dark: 'file:../icons/thulium.dark.svg' } as const;

	documentationUrl = 'https://api.thulium.com/docs/api/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'System URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://your-system-name.thulium.com',
			description: 'The address of your Thulium system, without /api. The node adds /api/… itself.',
		},
		{
			displayName: 'API User Name',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'An API user from Administration → Users → API users in the Thulium panel',
		},
		{
			displayName: 'API User Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API user\'s password. Thulium shows it only once, when the user is saved.',
		},
	];

	// A function (not generic auth) so that a malformed System URL is refused before anything is sent.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		// The API address as the nodes compute it, for the credential test too, so that the test reaches
		// exactly the address the nodes will use (however the System URL was typed).
		const baseUrl = `${thuliumBaseUrl(credentials)}/api`;
		return {
			...requestOptions,
			baseURL: baseUrl,
			auth: { username: String(credentials.username ?? '').trim(), password: String(credentials.password ?? '') },
		};
	};

	test: ICredentialTestRequest = {
		request: {
			// The same address the nodes use: trailing slashes and an /api the user typed are dropped.
			baseURL: '={{ String($credentials.baseUrl).trim().replace(/\\/+$/, "").replace(/\\/api$/i, "") }}/api',
			url: '/chats/queues',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Thulium refused the API user name or password (401). Check both in Administration → Users → API users.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The API user logged in but may not list chat queues (403). In Thulium, edit the API user and tick the chat methods (or *) under Permissions.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Thulium API was found at this System URL (404). Enter the address of your system, e.g. https://your-system-name.thulium.com.',
				},
			},
		],
	};
}
