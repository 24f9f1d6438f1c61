import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { path } from '../../../shared/url';
import type { UserCall } from './userCall';
import { firstUser, runUserCall, userCallDescription } from './userCall';

// https://doc.easemob.com/document/server-side/account_ban.html: POST /users/{username}/deactivate,
// no body; entities[0] is the user with activated false; 404 service_resource_not_found.
const call: UserCall<undefined> = {
	operation: 'deactivate',
	usernameDescription:
		'The user to ban. The user is logged out at once and cannot log in until activated again; messages sent meanwhile wait as offline messages (kept up to 7 days).',
	request: (username) => ({ method: 'POST', path: path`/users/${username}/deactivate`, kind: 'write' }),
	output: (body, username) => ({ username, ...firstUser(body), deactivated: true }),
};

export const description = userCallDescription(call);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runUserCall(this, call);
}
