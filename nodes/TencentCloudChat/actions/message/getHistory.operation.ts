import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { textParameter, toBoolean } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { USER_ID_MAX, collection, optionsField, readLimit, returnAllFields, userIdField } from '../fields';
import { unixSeconds } from '../time';
import { readableContent, simplifyField } from './simplify';

const properties: INodeProperties[] = [
	userIdField('operatorAccount', 'Operator Account', 'The UserID whose side of the conversation is read'),
	userIdField('peerAccount', 'Peer Account', 'The other participant of the one-to-one conversation'),
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Sent After',
				name: 'sentAfter',
				type: 'dateTime',
				default: '',
				description: 'Only messages sent at or after this time',
			},
			{
				displayName: 'Sent Before',
				name: 'sentBefore',
				type: 'dateTime',
				default: '',
				description: 'Only messages sent at or before this time (default: now)',
			},
		],
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getHistory'] } }, properties);

/** Messages per page asked for; Tencent also caps pages at about 13 KB. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10_000;

interface HistoryPlan {
	operator: string;
	peer: string;
	minTime: number;
	maxTime: number;
	limit: number;
	simplify: boolean;
}

/** The fields most workflows use: sender, recipient, time, key and the text of the message. */
function simplifyMessage(message: IDataObject): IDataObject {
	return {
		msgKey: message.MsgKey,
		fromAccount: message.From_Account,
		toAccount: message.To_Account,
		...readableContent(message),
		recalled: (Number(message.MsgFlagBits) & 8) === 8,
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems<HistoryPlan>(
		this,
		{
			prepare: (i) => {
				const filters = collection(this, 'filters', i);
				const minTime = unixSeconds(this, i, filters.sentAfter, 'Sent After') ?? 0;
				const maxTime = unixSeconds(this, i, filters.sentBefore, 'Sent Before') ?? Math.floor(Date.now() / 1000);
				if (minTime > maxTime) {
					throw parameterError(this.getNode(), i, 'Sent After is later than Sent Before', 'Swap the two dates.');
				}
				return {
					operator: textParameter(this, 'operatorAccount', i, 'Operator Account', { required: true, maxLength: USER_ID_MAX }),
					peer: textParameter(this, 'peerAccount', i, 'Peer Account', {
						required: true,
						maxLength: USER_ID_MAX,
					}),
					minTime,
					maxTime,
					limit: readLimit(this, i),
					simplify: toBoolean(this.getNode(), i, this.getNodeParameter('simplify', i, true), 'Simplify'),
				};
			},
			run: async (session, plan) => {
				const messages: IDataObject[] = [];
				let maxTime = plan.maxTime;
				let lastMsgKey: string | undefined;
				for (let page = 0; page < MAX_PAGES && messages.length < plan.limit; page++) {
					const body: IDataObject = {
						Operator_Account: plan.operator,
						Peer_Account: plan.peer,
						MaxCnt: Math.min(PAGE_SIZE, plan.limit - messages.length),
						MinTime: plan.minTime,
						MaxTime: maxTime,
					};
					if (lastMsgKey) body.LastMsgKey = lastMsgKey;
					const answer = await tencentRequest(this, account, session, 'openim/admin_getroammsg', body);
					const list = Array.isArray(answer.MsgList) ? (answer.MsgList as IDataObject[]) : [];
					for (const message of list) {
						if (messages.length >= plan.limit) break;
						messages.push(plan.simplify ? simplifyMessage(message) : message);
					}
					const nextKey = typeof answer.LastMsgKey === 'string' ? answer.LastMsgKey : undefined;
					if (Number(answer.Complete) === 1 || list.length === 0 || !nextKey || nextKey === lastMsgKey) break;
					lastMsgKey = nextKey;
					maxTime = Number(answer.LastMsgTime ?? maxTime);
				}
				return messages;
			},
		},
		account.pace,
	);
}
