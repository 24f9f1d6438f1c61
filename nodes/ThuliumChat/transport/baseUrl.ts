import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { checkBaseUrl } from '../../shared/url';

/** The credential's System URL, checked, without a trailing slash (the node appends /api/…). */
export function thuliumBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const result = checkBaseUrl(credentials.baseUrl, 'System URL', 'https://your-system-name.thulium.com');
	if ('problem' in result) throw new UserError(result.problem, { level: 'warning' });
	return result.url.replace(/\/api$/i, '');
}
