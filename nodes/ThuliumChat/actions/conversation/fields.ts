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

/** The optional external chatbot ID of message and stop. */
export function externalChatbotIdField(description: string): INodeProperties {
	return {
		displayName: 'External Chatbot ID',
		name: 'externalChatbotId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 0b8f6c1e-6a43-4b8e-9c3b-2f1d8e0a7c55',
		description: `${description}, as configured in Thulium`,
	};
}
