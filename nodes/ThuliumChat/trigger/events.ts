import type { IDataObject } from 'n8n-workflow';

/** The events Thulium documents for webhooks (chat first), plus the ticket events seen in use. */
export const THULIUM_EVENTS = [
	{ name: 'Chat Agent Assigned', value: 'CHAT_AGENT_ASSIGNED', description: 'An agent took over a chat conversation' },
	{ name: 'Chat Conversation Closed', value: 'CHAT_CONVERSATION_CLOSED', description: 'A chat conversation ended' },
	{ name: 'Chat Conversation Created', value: 'CHAT_CONVERSATION_CREATED', description: 'A client started a chat conversation' },
	{ name: 'Customer Created', value: 'CUSTOMER_CREATED', description: 'A customer was added to Thulium CRM' },
	{ name: 'Ticket Created', value: 'TICKET_CREATED', description: 'A ticket was created' },
	{ name: 'Ticket Message Received', value: 'TICKET_MESSAGE_RECEIVED', description: 'A ticket received a message' },
];

// Ids Thulium sends as integers; a form-encoded delivery turns them into text.
const INTEGER_FIELDS = new Set(['chatQueueId', 'customerId', 'companyId', 'ticketId']);

function camelCase(key: string): string {
	return key.replace(/[_-]+([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * The event with camelCase field names (conversation_id → conversationId), integer ids as
 * numbers whatever the encoding, and the body as received under `raw`.
 */
export function normalizeEvent(body: IDataObject): IDataObject {
	const event: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		const name = camelCase(key);
		event[name] = INTEGER_FIELDS.has(name) && typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
	}
	if (typeof event.action === 'string') event.action = event.action.trim().toUpperCase();
	event.raw = body;
	return event;
}

/** Parses a body n8n left unparsed (no or an unusual Content-Type): JSON first, then form encoding. */
export function parseRawBody(text: string): IDataObject | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return {};
	if (trimmed.startsWith('{')) {
		try {
			const parsed = JSON.parse(trimmed) as unknown;
			return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
		} catch {
			return undefined;
		}
	}
	if (trimmed.startsWith('[')) return undefined;
	const form: IDataObject = {};
	for (const [key, value] of new URLSearchParams(trimmed)) form[key] = value;
	return form;
}
