import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter, toBoolean, toChoice } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { GROUP_ID_MAX, USER_ID_MAX, optionsField, userIdField } from '../fields';

const TYPES = ['c2c', 'group'] as const;

const properties: INodeProperties[] = [
	userIdField('fromAccount', 'From Account', 'The UserID whose conversation is deleted. The other side keeps its copy.'),
	{
		displayName: 'Conversation Type',
		name: 'conversationType',
		type: 'options',
		default: 'c2c',
		options: [
			{
				name: 'One-to-One',
				value: 'c2c',
				description: 'A conversation with another user',
			},
			{ name: 'Group', value: 'group', description: 'A group conversation' },
		],
	},
	{
		...userIdField('toAccount', 'To Account', 'The UserID of the other participant'),
		displayOptions: { show: { conversationType: ['c2c'] } },
	},
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. @TGS#1NVTZEAE4',
		description: 'The ID of the group whose conversation is deleted',
		displayOptions: { show: { conversationType: ['group'] } },
	},
	{
		displayName: 'Clear Roaming Messages',
		name: 'clearRoamingMessages',
		type: 'boolean',
		default: false,
		description: "Whether to also delete the conversation's messages stored in the cloud for this user (sent as ClearRamble)",
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['delete'] } }, properties);

interface DeletePlan {
	body: IDataObject;
	output: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<DeletePlan>(
		this,
		{
			prepare: (i) => {
				const fromAccount = textParameter(this, 'fromAccount', i, 'From Account', { required: true, maxLength: USER_ID_MAX });
				const conversationType = toChoice(node, i, this.getNodeParameter('conversationType', i), 'Conversation Type', TYPES);
				const clearRoamingMessages = toBoolean(node, i, this.getNodeParameter('clearRoamingMessages', i, false), 'Clear Roaming Messages');
				const body: IDataObject = {
					From_Account: fromAccount,
					Type: conversationType === 'c2c' ? 1 : 2,
				};
				const output: IDataObject = {
					deleted: true,
					fromAccount,
					conversationType,
				};
				if (conversationType === 'c2c') {
					body.To_Account = output.toAccount = textParameter(this, 'toAccount', i, 'To Account', { required: true, maxLength: USER_ID_MAX });
				} else {
					// The delete command spells it ToGroupid (lowercase "id"), unlike the other commands.
					body.ToGroupid = output.groupId = textParameter(this, 'groupId', i, 'Group ID', { required: true, maxLength: GROUP_ID_MAX });
				}
				body.ClearRamble = clearRoamingMessages ? 1 : 0;
				output.clearRoamingMessages = clearRoamingMessages;
				return { body, output };
			},
			run: async (session, plan) => {
				await tencentRequest(this, account, session, 'recentcontact/delete', plan.body);
				return plan.output;
			},
		},
		account.pace,
	);
}
