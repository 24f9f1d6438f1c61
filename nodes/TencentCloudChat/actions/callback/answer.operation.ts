import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { isBeforeCallback } from '../../TencentCloudChatTrigger.node';

const TRIGGER_TYPE = 'n8n-nodes-chat-conversations.tencentCloudChatTrigger';

/** Tencent passes codes in this range, and their text, to the sender of a rejected message. */
export const CUSTOM_ERROR_MIN = 120001;
export const CUSTOM_ERROR_MAX = 130000;

const properties: INodeProperties[] = [
	{
		displayName:
			"Answers the before-callback that started this execution (Tencent Cloud Chat Trigger with Respond set to Using 'Callback → Answer' Action). Tencent waits at most 2 seconds.",
		name: 'answerNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Decision',
		name: 'decision',
		type: 'options',
		default: 'allow',
		options: [
			{ name: 'Allow', value: 'allow', description: 'Deliver the message as sent (ErrorCode 0)' },
			{ name: 'Allow With a Rewritten Message', value: 'allowModified', description: 'Deliver the message with the body below instead (ErrorCode 0 with MsgBody)' },
			{ name: 'Drop', value: 'drop', description: 'Discard the message silently: the sender sees it as sent (ErrorCode 2)' },
			{ name: 'Reject', value: 'reject', description: 'Refuse the message: the sender gets an error (ErrorCode 1, or the custom code below)' },
		],
	},
	{
		displayName: 'Message Body',
		name: 'messageBody',
		type: 'json',
		default: '[{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "" } }]',
		required: true,
		displayOptions: { show: { decision: ['allowModified'] } },
		description: "The MsgBody Tencent delivers instead, as JSON: a list of message elements, e.g. the callback's MsgBody with words replaced",
	},
	{
		displayName: 'Error Code',
		name: 'errorCode',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: CUSTOM_ERROR_MAX, numberPrecision: 0 },
		default: 0,
		displayOptions: { show: { decision: ['reject'] } },
		description: `A custom code from ${CUSTOM_ERROR_MIN} to ${CUSTOM_ERROR_MAX} that Tencent passes to the sender. 0: Tencent's plain rejection (ErrorCode 1).`,
	},
	{
		displayName: 'Error Info',
		name: 'errorInfo',
		type: 'string',
		default: '',
		displayOptions: { show: { decision: ['reject'] } },
		placeholder: 'e.g. This message contains a blocked word',
		description: 'The text that goes with a custom error code to the sender',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['callback'], operation: ['answer'] } }, properties);

/** Tencent's answer to a before-callback for the chosen decision (item 0's parameters). */
export function callbackAnswer(ctx: IExecuteFunctions): IDataObject {
	const node = ctx.getNode();
	const decision = ctx.getNodeParameter('decision', 0) as string;
	if (decision === 'allow') return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
	if (decision === 'drop') return { ActionStatus: 'OK', ErrorCode: 2, ErrorInfo: '' };
	if (decision === 'reject') {
		const code = Number(ctx.getNodeParameter('errorCode', 0, 0));
		const info = String(ctx.getNodeParameter('errorInfo', 0, '') ?? '');
		if (code === 0) return { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: info };
		if (!Number.isInteger(code) || code < CUSTOM_ERROR_MIN || code > CUSTOM_ERROR_MAX) {
			throw new NodeOperationError(node, `Error Code ${code} is not a custom rejection code [item 0]`, {
				description: `Enter a code from ${CUSTOM_ERROR_MIN} to ${CUSTOM_ERROR_MAX}, or 0 for Tencent's plain rejection.`,
				itemIndex: 0,
			});
		}
		return { ActionStatus: 'OK', ErrorCode: code, ErrorInfo: info };
	}
	if (decision === 'allowModified') {
		let body = ctx.getNodeParameter('messageBody', 0) as unknown;
		if (typeof body === 'string') {
			try {
				body = JSON.parse(body) as unknown;
			} catch {
				body = undefined;
			}
		}
		const elements = Array.isArray(body) ? (body as unknown[]) : [];
		const valid =
			elements.length > 0 &&
			elements.every((e) => !!e && typeof e === 'object' && typeof (e as IDataObject).MsgType === 'string' && !!(e as IDataObject).MsgContent && typeof (e as IDataObject).MsgContent === 'object');
		if (!valid) {
			throw new NodeOperationError(node, 'Message Body is not a list of message elements [item 0]', {
				description: 'Enter a JSON list such as [{ "MsgType": "TIMTextElem", "MsgContent": { "Text": "…" } }], e.g. the callback\'s MsgBody with its text changed.',
				itemIndex: 0,
			});
		}
		return { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgBody: elements as IDataObject[] };
	}
	throw new NodeOperationError(node, `The decision "${decision}" is not supported`);
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const items = this.getInputData();
	const trigger = this.getParentNodes(node.name).find((parent) => parent.type === TRIGGER_TYPE);
	if (!trigger) {
		throw new NodeOperationError(node, 'Callback → Answer needs the Tencent Cloud Chat Trigger before it', {
			description: "It answers the before-callback that started the execution: connect it after a Tencent Cloud Chat Trigger whose Respond is set to Using 'Callback → Answer' Action.",
		});
	}
	if (items.length !== 1) {
		throw new NodeOperationError(node, `Callback → Answer received ${items.length} items, but a callback has exactly one answer`, {
			description: 'Place it where only the trigger\'s item arrives (e.g. after an If or a Filter, not after a node that splits or merges items).',
		});
	}
	const answer = callbackAnswer(this);
	const command = String(items[0].json.CallbackCommand ?? '');
	if (command !== '' && !isBeforeCallback(command)) {
		// The trigger answered this callback at once: Tencent ignores answers to notifications.
		return [[{ json: { answered: false, callbackCommand: command, reason: 'The trigger answers callbacks other than before-callbacks at once' }, pairedItem: { item: 0 } }]];
	}
	await this.sendResponse({ body: answer, headers: { 'content-type': 'application/json; charset=utf-8' }, statusCode: 200 });
	return [[{ json: { answered: true, ...(command ? { callbackCommand: command } : {}), answer }, pairedItem: { item: 0 } }]];
}
