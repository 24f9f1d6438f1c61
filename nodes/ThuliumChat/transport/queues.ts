import type { IDataObject } from 'n8n-workflow';

export interface ChatQueue {
	id: number | string;
	name: string;
	raw: IDataObject;
}

/**
 * Thulium does not publish the shape of GET chats/queues: accept a bare array or a
 * `{ count, result }` envelope, and the id/name spellings seen in its other chat resources.
 */
export function normalizeQueues(body: unknown): ChatQueue[] {
	const list: unknown[] = Array.isArray(body)
		? body
		: body && typeof body === 'object' && Array.isArray((body as IDataObject).result)
			? ((body as IDataObject).result as unknown[])
			: [];
	const queues: ChatQueue[] = [];
	for (const entry of list) {
		if (!entry || typeof entry !== 'object') continue;
		const raw = entry as IDataObject;
		const id = raw.chat_queue_id ?? raw.id ?? raw.queue_id;
		if (typeof id !== 'number' && typeof id !== 'string') continue;
		const name = raw.name ?? raw.queue_name ?? raw.title;
		queues.push({ id, name: typeof name === 'string' && name !== '' ? name : `Queue ${id}`, raw });
	}
	return queues;
}
