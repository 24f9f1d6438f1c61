import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { path } from '../../../shared/url';
import type { UserCall } from './userCall';
import { runUserCall, userCallDescription } from './userCall';

// https://doc.easemob.com/document/server-side/account_detail_obtain_single.html: GET /users/{username} → entities[0].
const call: UserCall<undefined> = {
	operation: 'get',
	usernameDescription: 'The user to read: ID, creation and change times, whether activated, push nickname',
	request: (username) => ({ method: 'GET', path: path`/users/${username}`, kind: 'read' }),
	output: (body) => {
		const [user] = Array.isArray(body.entities) ? (body.entities as IDataObject[]) : [];
		return user ?? {};
	},
};

export const description = userCallDescription(call);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runUserCall(this, call);
}
