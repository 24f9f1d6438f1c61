import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { checkBaseUrl } from '../../shared/url';

/**
 * Primary REST domains per data center: RESTful API overview,
 * https://www.tencentcloud.com/document/product/1047/34620; Riyadh (adminapiksa) is listed on
 * https://trtc.io/zh/document/43087.
 */
export const REGION_DOMAINS: Record<string, string> = {
	china: 'console.tim.qq.com',
	singapore: 'adminapisgp.im.qcloud.com',
	seoul: 'adminapikr.im.qcloud.com',
	tokyo: 'adminapijpn.im.qcloud.com',
	frankfurt: 'adminapiger.im.qcloud.com',
	mumbai: 'adminapiind.im.qcloud.com',
	siliconValley: 'adminapiusa.im.qcloud.com',
	jakarta: 'adminapiidn.im.qcloud.com',
	riyadh: 'adminapiksa.im.qcloud.com',
};

/** The credential's values, trimmed and checked. */
export interface TencentSettings {
	baseUrl: string;
	sdkAppId: number;
	secretKey: string;
	identifier: string;
}

function refuse(message: string): never {
	throw new UserError(message, { level: 'warning' });
}

export function tencentSettings(credentials: ICredentialDataDecryptedObject): TencentSettings {
	const region = String(credentials.region ?? 'china').trim();
	let baseUrl: string;
	if (region === 'custom') {
		const result = checkBaseUrl(credentials.customBaseUrl, 'Custom Base URL', 'https://console.tim.qq.com');
		if ('problem' in result) refuse(result.problem);
		baseUrl = result.url.replace(/\/v4$/i, '');
	} else {
		const domain = REGION_DOMAINS[region];
		if (!domain) refuse(`The credential's region "${region}" is not known. Choose the data center of your app from the list.`);
		baseUrl = `https://${domain}`;
	}
	const sdkAppIdText = String(credentials.sdkAppId ?? '').trim();
	if (!/^\d{1,12}$/.test(sdkAppIdText) || Number(sdkAppIdText) === 0) {
		refuse(
			`The credential's SDKAppID must be digits only, e.g. 1400000000${sdkAppIdText === '' ? '' : ` (it is "${sdkAppIdText.slice(0, 20)}")`}. Copy it from the Chat console's application list.`,
		);
	}
	const secretKey = String(credentials.secretKey ?? '').trim();
	if (secretKey === '')
		refuse("The credential's secret key is empty. Copy it from the Chat console: Applications → your app → Basic Configuration → Basic Information.");
	const identifier = String(credentials.adminIdentifier ?? '').trim() || 'administrator';
	return { baseUrl, sdkAppId: Number(sdkAppIdText), secretKey, identifier };
}
