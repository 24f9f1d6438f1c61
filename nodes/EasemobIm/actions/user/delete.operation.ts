import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { path } from '../../../shared/url';
import type { UserCall } from './userCall';
import { runUserCall, userCallDescription } from './userCall';

// https://doc.easemob.com/document/server-side/account_delete_single.html: DELETE /users/{username}.
const call: UserCall<undefined> = {
	operation: 'delete',
	usernameDescription: 'The user to delete. Groups and chat rooms the user owns are dissolved as well.',
	request: (username) => ({ method: 'DELETE', path: path`/users/${username}`, kind: 'write' }),
	output: (_body, username) => ({ deleted: true, username }),
};

export const description = userCallDescription(call);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runUserCall(this, call);
}
