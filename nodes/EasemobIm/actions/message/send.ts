import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { PaceDefaults } from '../../../shared/paceOptions';
import { toBoolean, toIdList } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import type { UnitBudget } from '../../../shared/unitBudget';
import { sharedUnitBudget } from '../../../shared/unitBudget';
import { EASEMOB_CREDENTIAL, easemobAccount, easemobRequest } from '../../transport';
import { easemobAppToken } from '../../transport/token';
import type { SendTarget } from './fields';
import { chunks, readMessage } from './fields';

interface SendPlan {
	targets: string[];
	message: IDataObject;
	retryWhenDeliveryUnknown: boolean;
}

/** A limit Easemob counts in messages: each recipient (or group) of a call is one message. */
export interface MessageLimit {
	/** Messages allowed per window and app. */
	limit: number;
	windowMs: number;
	/** Budget key suffix, e.g. "messages/users". */
	name: string;
}

/** The send option that trades a possible second delivery for fewer unknown outcomes. */
export const retryWhenDeliveryUnknownOption: INodeProperties = {
	displayName: 'Retry When Delivery Is Unknown',
	name: 'retryWhenDeliveryUnknown',
	type: 'boolean',
	default: false,
	description:
		'Whether to send again after a failure that leaves open whether Easemob delivered the message (a server error, a timeout, a connection dropped after the request was sent). Easemob has no de-duplication key, so this can deliver a message twice. When off, such an item fails with "may have been delivered".',
};

/**
 * Sends one message per item to users or groups, splitting the target list into calls of at most
 * `perCall` (Easemob's limit). Easemob counts messages, not only calls: every call first takes one
 * unit per recipient (or group) from the app's budget of `messages`, so the node stays under the
 * limit instead of being refused. A message is never sent twice unless the user asks for it: a call
 * is repeated only after answers that say Easemob did nothing (rate limits), and the calls that
 * succeeded before a failed one are reported in the error.
 */
export async function sendMessages(
	ctx: IExecuteFunctions,
	target: {
		endpoint: string;
		parameter: string;
		label: string;
		perCall: number;
		recipients: SendTarget;
		pace?: PaceDefaults;
		messages: MessageLimit;
		limiterScope?: string;
	},
): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(ctx, target.pace, target.limiterScope);
	const node = ctx.getNode();
	const { messages } = target;
	const budget: UnitBudget = sharedUnitBudget(`easemob:${account.app.label}:${messages.name}`, messages.limit, messages.windowMs);
	// Without a stored token the first calls would spend their units, then wait for the token while the
	// window runs: they would reach Easemob together with the next window's calls. So the token comes
	// first (one request, shared with n8n's own pre-authentication through the token module).
	let tokenReady: Promise<void> | undefined;
	const ensureToken = async () => {
		const credentials = await ctx.getCredentials(EASEMOB_CREDENTIAL);
		if (typeof credentials.accessToken === 'string' && credentials.accessToken !== '') return;
		try {
			await easemobAppToken(ctx.helpers, credentials, '');
		} catch {
			// The send's own request reports why there is no token.
		}
	};
	return await runOverItems<SendPlan>(
		ctx,
		{
			prepare: (i) => {
				const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
				return {
					targets: toIdList(node, i, ctx.getNodeParameter(target.parameter, i, ''), target.label, { required: true, maxLength: 128 }),
					message: readMessage(ctx, node, i, target.recipients),
					retryWhenDeliveryUnknown: toBoolean(node, i, options.retryWhenDeliveryUnknown, 'Retry When Delivery Is Unknown'),
				};
			},
			run: async (session, plan) => {
				await (tokenReady ??= ensureToken());
				const messageIds: IDataObject = {};
				for (const group of chunks(plan.targets, target.perCall)) {
					const body = await easemobRequest(ctx, account, session, {
						method: 'POST',
						path: target.endpoint,
						body: { ...plan.message, to: group },
						kind: 'send',
						spend: [{ budget, units: group.length }],
						sendLimitWindowMs: messages.windowMs,
						retryWhenDeliveryUnknown: plan.retryWhenDeliveryUnknown,
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
