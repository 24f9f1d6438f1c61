import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { bodyAsObject, sendWithCredential } from '../../shared/http';
import { THULIUM_CREDENTIAL } from '../transport';
import { thuliumBaseUrl } from '../transport/baseUrl';
import { normalizeQueues } from '../transport/queues';

export async function searchChatQueues(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(THULIUM_CREDENTIAL);
	const response = await sendWithCredential(this, THULIUM_CREDENTIAL, {
		method: 'GET',
		baseURL: `${thuliumBaseUrl(credentials)}/api`,
		url: '/chats/queues',
		timeout: 30_000,
	});
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw new NodeApiError(this.getNode(), { httpCode: response.statusCode, ...bodyAsObject(response.body) } as IDataObject as never, {
			message: `Thulium did not list the chat queues (HTTP ${response.statusCode})`,
			description:
				response.statusCode === 403
					? 'The API user may not list chat queues: tick that method under Permissions, or enter the queue ID "By ID".'
					: 'Check the Thulium credential, or enter the queue ID "By ID".',
		});
	}
	const needle = (filter ?? '').trim().toLowerCase();
	const results = normalizeQueues(response.body)
		.filter((queue) => needle === '' || queue.name.toLowerCase().includes(needle) || String(queue.id) === needle)
		.map((queue) => ({ name: queue.name, value: String(queue.id) }));
	return { results };
}
