import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { USER_ID_MAX, optionsField, readLimit, returnAllFields, userIdField } from '../fields';

const properties: INodeProperties[] = [
	userIdField('fromAccount', 'From Account', 'The UserID whose conversations are listed'),
	...returnAllFields(),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['getMany'] } }, properties);

/**
 * AssistFlags 63 asks for the complete conversation fields (pinned conversations, empty ones,
 * pinned paging, marks and conversation groups): "set to 63 for complete data",
 * https://trtc.io/document/43087. Older pages used 7 and then 15, which leave fields out.
 */
const ASSIST_FLAGS = 63;
/** A safety net: no account has this many pages of conversations. */
const MAX_PAGES = 10_000;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	return await runOverItems(
		this,
		{
			prepare: (i) => ({
				fromAccount: textParameter(this, 'fromAccount', i, 'From Account', {
					required: true,
					maxLength: USER_ID_MAX,
				}),
				limit: readLimit(this, i),
			}),
			run: async (session, { fromAccount, limit }) => {
				const conversations: IDataObject[] = [];
				const cursor = {
					TimeStamp: 0,
					StartIndex: 0,
					TopTimeStamp: 0,
					TopStartIndex: 0,
				};
				for (let page = 0; page < MAX_PAGES && conversations.length < limit; page++) {
					const answer = await tencentRequest(this, account, session, 'recentcontact/get_list', {
						From_Account: fromAccount,
						...cursor,
						AssistFlags: ASSIST_FLAGS,
					});
					const sessionItems = Array.isArray(answer.SessionItem) ? (answer.SessionItem as IDataObject[]) : [];
					for (const item of sessionItems) {
						if (conversations.length >= limit) break;
						conversations.push({
							conversationType: item.Type === 2 ? 'group' : 'c2c',
							...item,
						});
					}
					const next = {
						TimeStamp: Number(answer.TimeStamp ?? 0),
						StartIndex: Number(answer.StartIndex ?? 0),
						TopTimeStamp: Number(answer.TopTimeStamp ?? 0),
						TopStartIndex: Number(answer.TopStartIndex ?? 0),
					};
					const unchanged = (Object.keys(next) as Array<keyof typeof next>).every((k) => next[k] === cursor[k]);
					if (Number(answer.CompleteFlag) === 1 || sessionItems.length === 0 || unchanged) break;
					Object.assign(cursor, next);
				}
				return conversations;
			},
		},
		account.pace,
	);
}
