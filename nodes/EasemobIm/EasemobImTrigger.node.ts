import { createHash } from 'node:crypto';
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	triggerOptions,
	constantTimeEqual,
	jsonObjectBody,
	pastedWebhookMethods,
	refuseUnlistedCaller,
	respondJson,
} from '../shared/webhook';

/**
 * Easemob signs the callId, which is unique per callback, so a signature is good for one callback.
 * callIds are remembered as long as the longest Max Age (20 minutes): while a signature would still be
 * accepted, a second callback with its callId is refused, whatever its body.
 */
const REPEAT_WINDOW_MS = 20 * 60_000;
const MAX_REMEMBERED_CALLS = 10_000;

/** Message callbacks are small JSON documents (a message is at most 5 KB); anything larger is not from Easemob. */
export const MAX_CALLBACK_BYTES = 1024 * 1024;

/** callIds seen recently, per workflow node: Map order is arrival order, so the oldest go first. */
const seenCalls = new Map<string, number>();

function isRepeat(key: string, now: number): boolean {
	for (const [seenKey, at] of seenCalls) {
		if (now - at < REPEAT_WINDOW_MS && seenCalls.size <= MAX_REMEMBERED_CALLS) break;
		seenCalls.delete(seenKey);
	}
	if (seenCalls.has(key)) return true;
	seenCalls.set(key, now);
	return false;
}

/**
 * Which chat a message callback belongs to. Chat-room messages arrive as chat_type "groupchat" with a
 * content_type of "chat:room:…" (groups have "chat:group:…").
 */
export function callbackChatType(body: IDataObject): string {
	const chatType = String(body.chat_type ?? '');
	if (chatType === 'groupchat' && String(body.content_type ?? '').startsWith('chat:room')) return 'chatroom';
	return chatType;
}

/** security == md5(callId + secret + timestamp), compared in constant time. */
function hasValidSignature(body: IDataObject, secret: string): boolean {
	const { callId, timestamp, security } = body;
	if (typeof callId !== 'string' || (typeof timestamp !== 'number' && typeof timestamp !== 'string') || typeof security !== 'string') return false;
	const expected = createHash('md5').update(`${callId}${secret}${String(timestamp)}`).digest('hex');
	return constantTimeEqual(security.trim().toLowerCase(), expected);
}

export class EasemobImTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Easemob IM Trigger',
		name: 'easemobImTrigger',
		icon: { light: 'file:../../icons/easemob-im.svg', dark: 'file:../../icons/easemob-im.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Message callbacks',
		description: "Starts the workflow when Easemob IM sends a message callback (post-send)",
		defaults: { name: 'Easemob IM Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'easemobImApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'In the Easemob console open your app\'s message callback settings, add a post-send rule, paste this node\'s Production URL as its callback address and copy the rule\'s secret into the credential\'s Callback Secret.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event Types',
				name: 'eventTypes',
				type: 'multiOptions',
				default: [],
				description: 'Which deliveries start the workflow. None selected: all.',
				options: [
					{ name: 'Message to Online User', value: 'chat' },
					{ name: 'Message to Offline User', value: 'chat_offline' },
				],
			},
			{
				displayName: 'Chat Types',
				name: 'chatTypes',
				type: 'multiOptions',
				default: [],
				description: 'Which chats start the workflow. None selected: all (including other events).',
				options: [
					{ name: 'One-to-One Chat', value: 'chat' },
					{ name: 'Group Chat', value: 'groupchat' },
					{ name: 'Chat Room', value: 'chatroom' },
					{ name: 'Notification', value: 'notify' },
				],
			},
			triggerOptions([
			{
				displayName: 'Max Age (Minutes)',
				name: 'maxAgeMinutes',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 20, numberPrecision: 0 },
				default: 15,
				description:
					'Callbacks whose timestamp is older than this are acknowledged but start nothing (the signature does not cover the message, so old callbacks could be replayed). 0 turns the check off.',
			},
			]),
		],
	};

	// Callback rules are set up in the Easemob console; there is no API to register them.
	webhookMethods = pastedWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Easemob counts any 200 as delivered and bans rules whose answers are long: keep them short.
		const answer = (status: number, body: IDataObject): IWebhookResponseData => respondJson(this, status, body);
		const unlisted = refuseUnlistedCaller(this, (status, message) => answer(status, { error: message }));
		if (unlisted) return unlisted;

		const parsed = jsonObjectBody(this);
		if (parsed && parsed.bytes > MAX_CALLBACK_BYTES) return answer(413, { error: 'callback too large' });
		if (!parsed) return answer(400, { error: 'expected a JSON object' });
		const { body } = parsed;
		// Every Easemob callback carries its callId; without one it is not a callback (and a repeat could not be told).
		if (typeof body.callId !== 'string' || body.callId.trim() === '') return answer(400, { error: 'expected an Easemob callback' });

		const credentials = await this.getCredentials('easemobImApi');
		const secret = String(credentials.callbackSecret ?? '');
		if (secret !== '' && !hasValidSignature(body, secret)) return answer(401, { error: 'invalid signature' });
		const appKey = `${String(credentials.orgName ?? '').trim()}#${String(credentials.appName ?? '').trim()}`.toLowerCase();
		if (typeof body.appkey === 'string' && body.appkey.trim().toLowerCase() !== appKey) return answer(403, { error: 'unexpected appkey' });

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const maxAgeMinutes = Number(options.maxAgeMinutes ?? 15);
		const sentAt = Number(body.timestamp);
		if (maxAgeMinutes > 0 && Number.isFinite(sentAt) && Date.now() - sentAt > maxAgeMinutes * 60_000) {
			return answer(200, { received: true, ignored: true });
		}

		{
			const key = `${this.getWorkflow().id ?? ''}\n${this.getNode().id}\n${body.callId}`;
			if (isRepeat(key, Date.now())) {
				// A signature covers callId, secret and timestamp only: a second callback with the same callId is a
				// replay of a captured signature (maybe with another body), or a retry of one already taken.
				this.logger.warn(`${this.getNode().name}: refused a second callback with callId ${body.callId} (possible replay of a captured signature)`);
				return answer(409, { error: 'callId already received' });
			}
		}

		const eventTypes = this.getNodeParameter('eventTypes', []) as string[];
		if (eventTypes.length > 0 && !eventTypes.includes(String(body.eventType ?? ''))) return answer(200, { received: true, ignored: true });
		const chatTypes = this.getNodeParameter('chatTypes', []) as string[];
		if (chatTypes.length > 0 && !chatTypes.includes(callbackChatType(body))) return answer(200, { received: true, ignored: true });

		// The signature is not data: keep it out of the workflow.
		const item: IDataObject = { ...body };
		delete item.security;
		delete item.securityVersion;
		return { ...respondJson(this, 200, { received: true }), workflowData: [this.helpers.returnJsonArray(item)] };
	}
}
