import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { easemobApp } from '../nodes/EasemobIm/transport/app';
import { easemobAppToken } from '../nodes/EasemobIm/transport/token';

export class EasemobImApi implements ICredentialType {
	name = 'easemobImApi';

	displayName = 'Easemob IM API';

	icon = { light: 'file:../icons/easemob-im.svg', dark: 'file:../icons/easemob-im.dark.svg' } as const;

	documentationUrl = 'https://doc.easemob.com/document/server-side/easemob_app_token.html';

	properties: INodeProperties[] = [
		{
			displayName: 'REST API Host',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://a1.easemob.com',
			description: "The REST API address shown on the app's page in the Easemob console (it depends on the app's data centre)",
		},
		{
			displayName: 'Org Name',
			name: 'orgName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1122161011178276',
			description: 'The part of the AppKey before "#" (console → Applications → your app)',
		},
		{
			displayName: 'App Name',
			name: 'appName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. demo',
			description: 'The part of the AppKey after "#"',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. YXA6…',
			description: "The app's Client ID from the console (it starts with YXA6)",
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The app's ClientSecret from the console",
		},
		{
			displayName: 'Callback Secret',
			name: 'callbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the Easemob IM Trigger: the secret of the callback rule in the Easemob console. When set, callbacks whose signature does not match are refused (HTTP 401) and start nothing.',
		},
		{
			displayName: 'App Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	// Fetches the app token when none is stored and after a 401 (n8n then retries the request once).
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const held = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
		return { accessToken: await easemobAppToken(this.helpers, credentials, held) };
	}

	// A function (not generic auth) so that a malformed host is refused before anything is sent.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		// The app address as the nodes compute it, for the credential test too, so that the test reaches
		// exactly the address the nodes use however the host was typed (node requests use full URLs).
		const app = easemobApp(credentials);
		return {
			...requestOptions,
			baseURL: app.appUrl,
			headers: { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${String(credentials.accessToken ?? '')}` },
		};
	};

	// Asks for a fresh app token with the Client ID and Client Secret as entered, so that a wrong secret
	// fails even while an app token fetched earlier is still stored with the credential.
	test: ICredentialTestRequest = {
		request: {
			url: '/token',
			method: 'POST',
			body: {
				grant_type: 'client_credentials',
				client_id: '={{ String($credentials.clientId).trim() }}',
				client_secret: '={{ String($credentials.clientSecret).trim() }}',
			},
			json: true,
			// n8n 2.x throws these statuses for the responseCode rules; n8n 1.x reads the object as `true`
			// (its tester cannot see a thrown status), so there the answer's body meets the body rules below.
			ignoreHttpStatusErrors: { ignore: true, except: [400, 401, 404] },
		},
		// n8n's tester (1.x and 2.x) reads both kinds of rule from one list; the type wants one kind.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message:
						'Easemob refused the Client ID or Client Secret (400). In the Easemob console open Applications → your app → Basic information and copy Client ID and ClientSecret into the credential again.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Easemob refused the request (401). Check that the REST API host belongs to the data centre of this app.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Easemob knows no app with this Org Name and App Name on this host (404). Copy both from the AppKey (OrgName#AppName) in the console.',
				},
			},
			{
				// n8n 1.x: the answers of the statuses above, told by Easemob's error code in the body.
				type: 'responseSuccessBody',
				properties: { key: 'error', value: 'invalid_grant', message: 'Easemob refused the Client ID or Client Secret (400). In the Easemob console open Applications → your app → Basic information and copy Client ID and ClientSecret into the credential again.' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'error', value: 'organization_application_not_found', message: 'Easemob knows no app with this Org Name and App Name on this host (404). Copy both from the AppKey (OrgName#AppName) in the console.' },
			},
			{
				// Any other answer than a token (on n8n 1.x also a 401).
				type: 'responseSuccessBody',
				properties: {
					key: 'access_token',
					value: undefined,
					message: 'Easemob gave no app token for these settings. Check the Client ID and Client Secret (Applications → your app → Basic information) and that the REST API host belongs to the data centre of this app.',
				},
			},
		] as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody> as IAuthenticateRuleResponseCode[],
	};
}
