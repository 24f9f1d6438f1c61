import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toBoolean, toInteger } from '../../shared/parameters';

/** A chat queue picker: from the list of queues (GET chats/queues) or by ID. */
export function chatQueueLocator(name: string, description: string, required: boolean): INodeProperties {
	return {
		displayName: 'Chat Queue',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchChatQueues', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A chat queue ID is a whole number, e.g. 3' } }],
			},
		],
	};
}

/** Reads a chat queue locator value (or a plain number from an expression) as a queue ID. */
export function readChatQueueId(value: unknown, ctx: IExecuteFunctions, itemIndex: number, required: boolean): number | undefined {
	const raw = value && typeof value === 'object' && '__rl' in value ? (value as { value?: unknown }).value : value;
	return toInteger(ctx.getNode(), itemIndex, raw, 'Chat Queue', { required, min: 1 });
}


/** Return All / Limit of a list operation: undefined for all, else the limit. */
export function readListMax(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const node = ctx.getNode();
	if (toBoolean(node, itemIndex, ctx.getNodeParameter('returnAll', itemIndex, false), 'Return All')) return undefined;
	return toInteger(node, itemIndex, ctx.getNodeParameter('limit', itemIndex, 50), 'Limit', { required: true, min: 1 });
}
