import type { INode, INodeProperties } from 'n8n-workflow';

import { toInteger } from '../../../shared/parameters';

export const BODY_TYPES = ['HTML', 'PLAIN'] as const;

export function bodyTypeField(defaultType: (typeof BODY_TYPES)[number]): INodeProperties {
	return {
		displayName: 'Body Type',
		name: 'bodyType',
		type: 'options',
		default: defaultType,
		description: `Whether the body is HTML or plain text (Thulium's default here: ${defaultType})`,
		options: [
			{ name: 'HTML', value: 'HTML' },
			{ name: 'Plain Text', value: 'PLAIN' },
		],
	};
}

export function ticketIdField(description: string): INodeProperties {
	return {
		displayName: 'Ticket ID',
		name: 'ticketId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1234',
		description: `${description}: a whole number, as returned by Create and sent in ticket webhooks as ticket_id`,
	};
}

export function readTicketId(node: INode, itemIndex: number, value: unknown): number {
	return toInteger(node, itemIndex, value, 'Ticket ID', { required: true, min: 1 })!;
}
