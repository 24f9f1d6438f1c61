import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { operationDisplayOptions } from '../../../shared/displayOptions';
import { textParameter, toChoice, toInteger, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { GROUP_ID_MAX, USER_ID_MAX, optionsField, userIdField } from '../fields';
import { groupIdField } from '../idFields';
import { contentFields, messageKeyField, readMsgBody } from './content';

const TYPES = ['c2c', 'group'] as const;
const CHANGES = ['content', 'cloudCustomData', 'both'] as const;
const UINT32_MAX = 0xffffffff;

/** The message fields, shown only when the content is replaced. */
const newContentFields: INodeProperties[] = contentFields.map((field) => ({
	...field,
	displayOptions: { show: { ...(field.displayOptions?.show ?? {}), change: ['content', 'both'] } },
}));

const properties: INodeProperties[] = [
	{
		displayName: 'Conversation Type',
		name: 'conversationType',
		type: 'options',
		default: 'c2c',
		options: [
			{ name: 'One-to-One', value: 'c2c', description: 'A message between two users, named by its MsgKey' },
			{ name: 'Group', value: 'group', description: 'A group message, named by the group and its MsgSeq' },
		],
	},
	{
		...userIdField('fromAccount', 'From Account', 'The UserID that sent the message'),
		displayOptions: { show: { conversationType: ['c2c'] } },
	},
	{
		...userIdField('toAccount', 'To Account', 'The UserID that received the message'),
		displayOptions: { show: { conversationType: ['c2c'] } },
	},
	{ ...messageKeyField, displayOptions: { show: { conversationType: ['c2c'] } } },
	{ ...groupIdField('The group the message was sent to'), displayOptions: { show: { conversationType: ['group'] } } },
	{
		displayName: 'Message Sequence',
		name: 'msgSeq',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		required: true,
		description: 'The MsgSeq that Send to Group returned, or that Get Group History or a group callback shows',
		displayOptions: { show: { conversationType: ['group'] } },
	},
	{
		displayName: 'Change',
		name: 'change',
		type: 'options',
		default: 'content',
		options: [
			{ name: 'Message Content', value: 'content', description: 'Replace the text or custom data of the message' },
			{ name: 'Cloud Custom Data', value: 'cloudCustomData', description: 'Replace only the extra data stored with the message (CloudCustomData)' },
			{ name: 'Both', value: 'both', description: 'Replace the content and the cloud custom data' },
		],
		description: 'What to overwrite; the old value cannot be restored',
	},
	...newContentFields,
	{
		displayName: 'Cloud Custom Data',
		name: 'cloudCustomData',
		type: 'string',
		default: '',
		placeholder: 'e.g. {"edited":true}',
		description: 'The new extra data stored with the message (CloudCustomData); empty clears it',
		displayOptions: { show: { change: ['cloudCustomData', 'both'] } },
	},
	optionsField(),
];

export const description = operationDisplayOptions({ show: { resource: ['message'], operation: ['edit'] } }, properties);

interface EditPlan {
	command: string;
	body: IDataObject;
	output: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<EditPlan>(
		this,
		{
			prepare: (i) => {
				const conversationType = toChoice(node, i, this.getNodeParameter('conversationType', i), 'Conversation Type', TYPES);
				let command: string;
				const body: IDataObject = {};
				const output: IDataObject = { edited: true, conversationType };
				if (conversationType === 'c2c') {
					// https://trtc.io/document/47722
					command = 'openim/modify_c2c_msg';
					body.From_Account = output.fromAccount = textParameter(this, 'fromAccount', i, 'From Account', { required: true, maxLength: USER_ID_MAX });
					body.To_Account = output.toAccount = textParameter(this, 'toAccount', i, 'To Account', { required: true, maxLength: USER_ID_MAX });
					body.MsgKey = output.msgKey = textParameter(this, 'msgKey', i, 'Message Key', { required: true, maxLength: 50 });
				} else {
					// https://trtc.io/document/47948: the group edit lives under openim as well.
					command = 'openim/modify_group_msg';
					body.GroupId = output.groupId = textParameter(this, 'groupId', i, 'Group ID', { required: true, maxLength: GROUP_ID_MAX });
					body.MsgSeq = output.msgSeq = toInteger(node, i, this.getNodeParameter('msgSeq', i, ''), 'Message Sequence', { required: true, min: 1, max: UINT32_MAX });
				}
				const change = toChoice(node, i, this.getNodeParameter('change', i, 'content'), 'Change', CHANGES);
				if (change !== 'cloudCustomData') body.MsgBody = readMsgBody(this, i);
				if (change !== 'content') {
					body.CloudCustomData = toText(node, i, this.getNodeParameter('cloudCustomData', i, ''), 'Cloud Custom Data', { multiline: true, maxLength: 12000 });
				}
				output.changed = Object.keys(body).filter((key) => key === 'MsgBody' || key === 'CloudCustomData');
				return { command, body, output };
			},
			// Overwrites the stored fields: repeating it leaves the same result, so retries are safe.
			run: async (session, plan) => {
				await tencentRequest(this, account, session, plan.command, plan.body);
				return plan.output;
			},
		},
		account.pace,
	);
}
