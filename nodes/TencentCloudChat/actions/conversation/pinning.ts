import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { operationDisplayOptions } from '../../../shared/displayOptions';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { optionsField } from '../fields';
import { conversationTargetFields, readConversationTarget, targetOutput } from './target';

/** Pin and Unpin: the same command (recentcontact/top) with OperationType 1 or 2. */
export function pinningDescription(operation: 'pin' | 'unpin'): INodeProperties[] {
	const verb = operation === 'pin' ? 'pinned' : 'unpinned';
	return operationDisplayOptions({ show: { resource: ['conversation'], operation: [operation] } }, [
		...conversationTargetFields(`The UserID whose conversation list has the conversation ${verb}`, `The ID of the group whose conversation is ${verb}`),
		optionsField(),
	]);
}

export async function executePinning(ctx: IExecuteFunctions, pinned: boolean): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(ctx);
	return await runOverItems(
		ctx,
		{
			prepare: (i) => readConversationTarget(ctx, i),
			run: async (session, target) => {
				// https://trtc.io/document/78304: OperationType 1 pins, 2 unpins; a group is named GroupId here.
				await tencentRequest(ctx, account, session, 'recentcontact/top', {
					From_Account: target.fromAccount,
					OperationType: pinned ? 1 : 2,
					RecentContactItem: [target.conversationType === 'c2c' ? { Type: 1, To_Account: target.peer } : { Type: 2, GroupId: target.peer }],
				});
				return { pinned, ...targetOutput(target) };
			},
		},
		account.pace,
	);
}
