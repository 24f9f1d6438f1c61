import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
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
			// One chat: the list envelope { count, result } is an object even when there are no chats.
			url: '/chats',
			qs: { limit: 1 },
			method: 'GET',
			// n8n 2.x throws these statuses for the responseCode rules; n8n 1.x reads the object as `true`
			// (its tester cannot see a thrown status), so every answer comes back for the body rule below.
			ignoreHttpStatusErrors: { ignore: true, except: [401, 403, 404] },
		},
		// n8n's tester (1.x and 2.x) reads both kinds of rule from one list; the type wants one kind.
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
						'The API user logged in but may not read chats (403). In Thulium, edit the API user and tick the chat methods (or *) under Permissions.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Thulium API was found at this System URL (404). Enter the address of your system, e.g. https://your-system-name.thulium.com.',
				},
			},
			{
				// Any other answer than Thulium's chat list (on n8n 1.x also the three above).
				type: 'responseSuccessBody',
				properties: {
					key: 'count',
					value: undefined,
					message:
						'Thulium did not return its chat list for these settings. Check the API user name or password (Administration → Users → API users), that the API user may use the chat methods (Permissions), and that the System URL is your system\'s address, e.g. https://your-system-name.thulium.com.',
				},
			},
		] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[],
	};
}
