import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { PaceDefaults } from '../../../shared/paceOptions';
import { toIdList } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { easemobAccount, easemobRequest } from '../../transport';
import { chunks, readMessage } from './fields';

interface SendPlan {
	targets: string[];
	message: IDataObject;
}

/**
 * Sends one message per item to users or groups, splitting the target list into calls of at most
 * `perCall` (Easemob's limit). A message is never sent twice: a failed call is not repeated after
 * an unclear failure, and calls that succeeded before it are reported in the error.
 */
export async function sendMessages(
	ctx: IExecuteFunctions,
	target: { endpoint: string; parameter: string; label: string; perCall: number; forUsers: boolean; pace?: PaceDefaults },
): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(ctx, target.pace);
	const node = ctx.getNode();
	return await runOverItems<SendPlan>(
		ctx,
		{
			prepare: (i) => ({
				targets: toIdList(node, i, ctx.getNodeParameter(target.parameter, i, ''), target.label, { required: true, maxLength: 128 }),
				message: readMessage(ctx, node, i, target.forUsers),
			}),
			run: async (session, plan) => {
				const messageIds: IDataObject = {};
				for (const group of chunks(plan.targets, target.perCall)) {
					const body = await easemobRequest(ctx, account, session, {
						method: 'POST',
						path: target.endpoint,
						body: { ...plan.message, to: group },
						kind: 'send',
						failureNote: () => {
							const sent = Object.keys(messageIds).length;
							return sent > 0
								? `The message was already sent to ${sent} of ${plan.targets.length} recipients (the earlier calls succeeded); it was not sent to the rest.`
								: undefined;
						},
					});
					const data = body.data;
					if (data && typeof data === 'object' && !Array.isArray(data)) Object.assign(messageIds, data);
				}
				return { sent: true, recipients: plan.targets.length, messageIds, type: plan.message.type };
			},
		},
		account.pace,
	);
}
