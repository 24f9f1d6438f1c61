import { randomInt } from 'node:crypto';

import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { tencentSettings } from '../nodes/TencentCloudChat/transport/settings';
import { cachedUserSig } from '../nodes/TencentCloudChat/transport/userSig';

export class TencentCloudChatApi implements ICredentialType {
	name = 'tencentCloudChatApi';

	displayName = 'Tencent Cloud Chat API';

	icon = {
		light: 'file:../icons/tencent-cloud-chat.svg',
		dark: 'file:../icons/tencent-cloud-chat.dark.svg',
	} as const;

	documentationUrl = 'https://www.tencentcloud.com/document/product/1047/34620';

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'china',
			description: 'The data center your app was created in, shown in the Chat console next to the app. A wrong region gives error 70016 or 70020.',
			options: [
				{ name: 'China (console.tim.qq.com)', value: 'china' },
				{
					name: 'Custom',
					value: 'custom',
					description: 'Enter the API address yourself',
				},
				{ name: 'Frankfurt (adminapiger.im.qcloud.com)', value: 'frankfurt' },
				{ name: 'Jakarta (adminapiidn.im.qcloud.com)', value: 'jakarta' },
				{ name: 'Mumbai (adminapiind.im.qcloud.com)', value: 'mumbai' },
				{ name: 'Riyadh (adminapiksa.im.qcloud.com)', value: 'riyadh' },
				{ name: 'Seoul (adminapikr.im.qcloud.com)', value: 'seoul' },
				{
					name: 'Silicon Valley (adminapiusa.im.qcloud.com)',
					value: 'siliconValley',
				},
				{ name: 'Singapore (adminapisgp.im.qcloud.com)', value: 'singapore' },
				{ name: 'Tokyo (adminapijpn.im.qcloud.com)', value: 'tokyo' },
			],
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://console.tim.qq.com',
			description: 'The API address without /v4, e.g. a backup domain such as https://adminapi.my-imcloud.com',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'SDKAppID',
			name: 'sdkAppId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1400000000',
			description: "The app's SDKAppID (digits), shown in the Chat console's application list",
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The app's key from the Chat console (Applications → your app → Basic Configuration → Basic Information). It never leaves n8n: the UserSig is computed locally.",
		},
		{
			displayName: 'Admin Identifier',
			name: 'adminIdentifier',
			type: 'string',
			default: 'administrator',
			required: true,
			description: 'An App admin account of the app (Chat console → Account Management). Tencent creates "administrator" for every app.',
		},
		{
			displayName: 'Callback Token',
			name: 'callbackToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the Tencent Cloud Chat Trigger: the token of "Callback authentication" in the Chat console. When set, callbacks without a valid Sign, or with a RequestTime more than 60 seconds off, are refused (401).',
		},
	];

	// A function so that every request gets a fresh random and the locally computed UserSig.
	authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => {
		const settings = tencentSettings(credentials);
		const userSig = cachedUserSig(settings.sdkAppId, settings.identifier, settings.secretKey);
		return {
			...requestOptions,
			baseURL: settings.baseUrl,
			qs: {
				...(requestOptions.qs ?? {}),
				sdkappid: settings.sdkAppId,
				identifier: settings.identifier,
				usersig: userSig,
				random: randomInt(0, 2 ** 32),
				contenttype: 'json',
			},
		};
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: 'https://console.tim.qq.com',
			url: '/v4/im_open_login_svc/account_check',
			method: 'POST',
			body: { CheckItem: [{ UserID: 'administrator' }] },
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'ErrorCode',
					value: 70009,
					message: 'Tencent could not verify the UserSig (70009): the secret key does not belong to this SDKAppID. Copy both again from the Chat console.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'ErrorCode',
					value: 70016,
					message: 'Tencent does not know this SDKAppID in the chosen region (70016). Choose the data center your app was created in.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'ErrorCode',
					value: 70020,
					message: 'Tencent does not know this SDKAppID in the chosen region (70020). Choose the data center your app was created in.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'ErrorCode',
					value: 60010,
					message: 'The Admin Identifier is not an App admin (60010). Use "administrator" or an account listed as App admin in the Chat console.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'ErrorCode',
					value: 70013,
					message: 'The Admin Identifier does not match the UserSig (70013). Check the Admin Identifier for spaces or typos.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'ActionStatus',
					value: 'FAIL',
					message: 'Tencent refused the request. Check the SDKAppID, the secret key, the region and that the Admin Identifier is an App admin.',
				},
			},
		],
	};
}
