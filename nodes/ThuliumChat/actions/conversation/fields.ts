import type { INodeProperties } from 'n8n-workflow';

/** The conversation ID field shared by the conversation operations. */
export function conversationIdField(description: string): INodeProperties {
	return {
		displayName: 'Conversation ID',
		name: 'conversationId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 6ed7c941-2c8a-411e-95d2-338a9f64800a',
		description: `${description}. It is returned by Start and appears in Thulium's webhooks.`,
	};
}
