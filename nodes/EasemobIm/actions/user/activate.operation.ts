import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { path } from '../../../shared/url';
import type { UserCall } from './userCall';
import { runUserCall, userCallDescription } from './userCall';

// https://doc.easemob.com/document/server-side/account_unban.html: POST /users/{username}/activate,
// no body; answers {action: "activate user"}; 404 service_resource_not_found.
const call: UserCall<undefined> = {
	operation: 'activate',
	usernameDescription: 'The banned user to let log in again. Activating a user who is not banned changes nothing.',
	request: (username) => ({ method: 'POST', path: path`/users/${username}/activate`, kind: 'write' }),
	output: (_body, username) => ({ username, activated: true }),
};

export const description = userCallDescription(call);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runUserCall(this, call);
}
