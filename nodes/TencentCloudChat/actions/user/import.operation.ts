import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { textParameter, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { collection, optionsField, userIdField } from '../fields';

const properties: INodeProperties[] = [
	userIdField('userId', 'User ID', 'The UserID to create (at most 32 bytes). Importing an existing user again is harmless.'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Avatar URL',
				name: 'faceUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/avatar.png',
				description: "The URL of the user's profile photo",
			},
			{
				displayName: 'Nickname',
				name: 'nickname',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jane',
			},
		],
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['import'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<{ body: IDataObject }>(
		this,
		{
			prepare: (i) => {
				const userId = textParameter(this, 'userId', i, 'User ID', {
					required: true,
				});
				if (Buffer.byteLength(userId, 'utf8') > 32) {
					throw parameterError(node, i, `User ID "${userId.slice(0, 40)}" is longer than 32 bytes`, 'Use a shorter UserID; Tencent accepts at most 32 bytes.');
				}
				const fields = collection(this, 'additionalFields', i);
				const body: IDataObject = { UserID: userId };
				const nickname = toText(node, i, fields.nickname, 'Nickname', {
					maxLength: 500,
				});
				const faceUrl = toText(node, i, fields.faceUrl, 'Avatar URL', {
					maxLength: 500,
				});
				if (nickname) body.Nick = nickname;
				if (faceUrl) body.FaceUrl = faceUrl;
				return { body };
			},
			run: async (session, { body }) => {
				await tencentRequest(this, account, session, 'im_open_login_svc/account_import', body);
				const output: IDataObject = { imported: true, userId: body.UserID };
				if (body.Nick) output.nickname = body.Nick;
				if (body.FaceUrl) output.faceUrl = body.FaceUrl;
				return output;
			},
		},
		account.pace,
	);
}
