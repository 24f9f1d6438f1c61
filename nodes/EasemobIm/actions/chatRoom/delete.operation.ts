import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { path } from '../../../shared/url';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { CHATROOM_ID_RULES } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Chat Room ID',
		name: 'chatRoomId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 262912830316545',
		description: 'The chat room to dissolve; this cannot be undone',
	},
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['chatRoom'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	return await runOverItems<string>(
		this,
		{
			prepare: (i) => textParameter(this, 'chatRoomId', i, 'Chat Room ID', CHATROOM_ID_RULES),
			run: async (session, chatRoomId) => {
				// https://doc.easemob.com/document/server-side/chatroom_manage.html#解散聊天室: DELETE /chatrooms/{id} → data.success.
				const response = await easemobRequest(this, account, session, {
					method: 'DELETE',
					path: path`/chatrooms/${chatRoomId}`,
					kind: 'write',
					notFound: `Chat room "${chatRoomId}" was not found`,
				});
				const data = (response.data ?? {}) as IDataObject;
				return { deleted: data.success === true, chatRoomId };
			},
		},
		account.pace,
	);
}
