import type { IDataObject } from 'n8n-workflow';

/**
 * A webhook as Thulium returns it, without the Basic auth password (Thulium sends it back in
 * clear): passwords stay out of execution data. `http_auth_password_set` tells whether one is set.
 */
export function withoutPassword(webhook: IDataObject): IDataObject {
	const { http_auth_password: password, ...rest } = webhook;
	return { ...rest, http_auth_password_set: typeof password === 'string' ? password !== '' : password !== undefined && password !== null };
}
