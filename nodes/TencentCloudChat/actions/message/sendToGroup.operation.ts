import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest, withoutEnvelope } from '../../transport';
import { GROUP_ID_MAX, optionsField } from '../fields';
import { groupIdField } from '../idFields';
import { contentFields, groupAdditionalFields, newMessageRandom, readMessage, readSendControls, sendControlOptions } from './content';

const properties: INodeProperties[] = [
	groupIdField('The group that receives the message'),
	...contentFields,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: groupAdditionalFields,
	},
	optionsField(undefined, sendControlOptions('group')),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendToGroup'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems<{ body: IDataObject }>(
		this,
		{
			prepare: (i) => {
				const groupId = textParameter(this, 'groupId', i, 'Group ID', {
					required: true,
					maxLength: GROUP_ID_MAX,
				});
				const message = readMessage(this, i, 'group');
				// Random is fixed once per item and reused by every retry: Tencent drops a message whose
				// Random repeats within 5 minutes (https://cloud.tencent.com/document/product/269/1629).
				return {
					body: { GroupId: groupId, Random: newMessageRandom(), ...message, ...readSendControls(this, i, 'group') },
				};
			},
			run: async (session, { body }) => {
				const answer = await tencentRequest(this, account, session, 'group_open_http_svc/send_group_msg', body, { send: 'group' });
				return {
					...withoutEnvelope(answer),
					GroupId: body.GroupId,
					Random: body.Random,
				};
			},
		},
		account.pace,
	);
}
