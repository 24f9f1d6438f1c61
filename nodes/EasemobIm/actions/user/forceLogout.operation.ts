import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { path } from '../../../shared/url';
import type { UserCall } from './userCall';
import { runUserCall, userCallDescription } from './userCall';

// https://doc.easemob.com/document/server-side/account_offline_forced.html: GET /users/{username}/disconnect
// logs the user out on all devices; data.result says whether it did.
const call: UserCall<undefined> = {
	operation: 'forceLogout',
	usernameDescription: 'The user to log out on all devices. The user can log in again at once (to keep them out, use Deactivate).',
	request: (username) => ({ method: 'GET', path: path`/users/${username}/disconnect`, kind: 'write' }),
	output: (body, username) => {
		const data = body.data && typeof body.data === 'object' ? (body.data as { result?: unknown }) : {};
		return { username, loggedOut: data.result === true };
	},
};

export const description = userCallDescription(call);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runUserCall(this, call);
}
