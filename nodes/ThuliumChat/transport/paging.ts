import type { IDataObject } from 'n8n-workflow';

/** Thulium's page size limit for chats and reports. */
export const THULIUM_PAGE_SIZE = 100;

/** The page size limit of GET customers (https://api.thulium.com/docs/api/crm/get_customers). */
export const THULIUM_CUSTOMER_PAGE_SIZE = 1000;

function rowsOf(body: unknown): { rows: IDataObject[]; count?: number } {
	if (Array.isArray(body)) return { rows: body as IDataObject[] };
	if (body && typeof body === 'object') {
		const envelope = body as IDataObject;
		const rows = Array.isArray(envelope.result) ? (envelope.result as IDataObject[]) : [];
		const count = Number(envelope.count);
		return { rows, count: Number.isFinite(count) ? count : undefined };
	}
	return { rows: [] };
}

/**
 * Reads rows page by page over limit/offset (at most `pageSize` a page) until `max` rows are read, the
 * envelope's `count` is reached, or a page comes back short. Handles both the `{ count, result }`
 * envelope and the bare arrays some endpoints return.
 */
export async function fetchPages(
	max: number | undefined,
	fetchPage: (limit: number, offset: number) => Promise<unknown>,
	pageSize = THULIUM_PAGE_SIZE,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (let offset = 0; ; ) {
		const limit = Math.min(pageSize, max === undefined ? pageSize : max - rows.length);
		const page = rowsOf(await fetchPage(limit, offset));
		rows.push(...page.rows.slice(0, limit));
		offset += page.rows.length;
		if (max !== undefined && rows.length >= max) break;
		if (page.rows.length < limit) break;
		if (page.count !== undefined && offset >= page.count) break;
	}
	return rows;
}
