import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { checkBaseUrl } from '../../shared/url';

/** One Easemob app as named in the credential: host, org and app, checked and trimmed. */
export interface EasemobApp {
	baseUrl: string;
	orgName: string;
	appName: string;
	/** `{baseUrl}/{org}/{app}`, org and app URL-encoded: every REST path starts here. */
	appUrl: string;
	/** `host/org/app`, for limiter keys. */
	label: string;
}

export function easemobApp(credentials: ICredentialDataDecryptedObject): EasemobApp {
	const checked = checkBaseUrl(credentials.baseUrl, 'REST API Host', 'https://a1.easemob.com');
	if ('problem' in checked) throw new UserError(checked.problem, { level: 'warning' });
	const orgName = String(credentials.orgName ?? '').trim();
	const appName = String(credentials.appName ?? '').trim();
	for (const [value, label] of [
		[orgName, 'Org Name'],
		[appName, 'App Name'],
	]) {
		if (value === '' || value === '.' || value === '..' || /[\s/#?]/.test(value)) {
			throw new UserError(
				`The credential's ${label} "${value}" is not valid. Copy it from the Easemob console (the AppKey is OrgName#AppName).`,
				{ level: 'warning' },
			);
		}
	}
	// An empty client ID or secret can only be refused by Easemob, at the price of a token request.
	for (const [field, label] of [
		['clientId', 'Client ID'],
		['clientSecret', 'Client Secret'],
	]) {
		const value = credentials[field];
		if (typeof value !== 'string' || value.trim() === '') {
			throw new UserError(`The credential's ${label} is empty. Copy it from the Easemob console (Applications → your app → Basic information).`, { level: 'warning' });
		}
	}
	const appUrl = `${checked.url}/${encodeURIComponent(orgName)}/${encodeURIComponent(appName)}`;
	const host = checked.url.replace(/^https?:\/\//, '');
	return { baseUrl: checked.url, orgName, appName, appUrl, label: `${host}/${orgName}/${appName}` };
}
