import { createHash, timingSafeEqual } from 'node:crypto';
import type { IDataObject, IHookFunctions, INodeProperties, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { isAddressAllowed, parseAllowedIps } from './allowedIps';

/**
 * Compares a received secret (signature, password) with the expected one in constant time. Both are
 * hashed first, so neither their lengths nor a matching prefix show in the timing.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** Answers the webhook request here (n8n then sends no response of its own). */
export function respondJson(
	ctx: IWebhookFunctions,
	status: number,
	body: IDataObject,
	headers: Record<string, string> = {},
): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
	response.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}

/**
 * Webhook methods for a trigger whose URL the user pastes into the provider's console: none of
 * the three providers has an API that can both register and remove a callback URL.
 */
export const pastedWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};

/** The "Allowed IPs" option every trigger offers (in its Options collection). */
export const allowedIpsOption: INodeProperties = {
	displayName: 'Allowed IPs',
	name: 'allowedIps',
	type: 'string',
	default: '',
	placeholder: 'e.g. 203.0.113.7, 203.0.113.0/24, 2001:db8::/32',
	description:
		'Addresses and CIDR ranges (IPv4 or IPv6, separated by commas) that may call this trigger. Others get HTTP 403 before anything else is checked. Empty: any address. Behind a reverse proxy, set N8N_PROXY_HOPS so that n8n sees the caller\'s address.',
};

/** A trigger's Options collection: its own options, then Allowed IPs. */
export function triggerOptions(own: INodeProperties[] = []): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [...own, allowedIpsOption] };
}

/**
 * Checks the caller's address against the node's Allowed IPs option, before anything else. Answers
 * 403 (or 500 for an option that does not parse) and returns the response, or returns undefined when
 * the caller may go on. The address is the one n8n's Express app reports (it honours N8N_PROXY_HOPS);
 * X-Forwarded-For entries are not trusted beyond that.
 */
export function refuseUnlistedCaller(ctx: IWebhookFunctions, refuse: (status: number, message: string) => IWebhookResponseData): IWebhookResponseData | undefined {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const list = typeof options.allowedIps === 'string' ? options.allowedIps : '';
	if (list.trim() === '') return undefined;
	let ranges;
	try {
		ranges = parseAllowedIps(list);
	} catch (error) {
		return refuse(500, (error as Error).message);
	}
	const request = ctx.getRequestObject() as { ip?: string; socket?: { remoteAddress?: string } };
	const address = request.ip ?? request.socket?.remoteAddress;
	if (isAddressAllowed(address, ranges)) return undefined;
	ctx.logger.warn(`${ctx.getNode().name}: refused a request from ${String(address)}, which is not in Allowed IPs`);
	return refuse(403, 'The caller\'s address is not in Allowed IPs');
}

/**
 * The request body as JSON, whatever Content-Type the sender set: the raw bytes n8n kept when it has
 * them (n8n leaves bodies of unknown or missing types unparsed), else what n8n parsed. Returns
 * undefined for a body that is not a JSON object.
 */
export function jsonObjectBody(ctx: IWebhookFunctions): { body: IDataObject; bytes: number } | undefined {
	const raw = (ctx.getRequestObject() as { rawBody?: unknown }).rawBody;
	const parsed = ctx.getBodyData() as unknown;
	let text: string | undefined;
	if (Buffer.isBuffer(raw) && raw.length > 0) text = raw.toString('utf8');
	else if (typeof raw === 'string' && raw !== '') text = raw;
	else if (typeof parsed === 'string') text = parsed;
	let value: unknown = parsed;
	if (text !== undefined) {
		try {
			value = JSON.parse(text);
		} catch {
			return undefined;
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const bytes = text !== undefined ? Buffer.byteLength(text, 'utf8') : Buffer.byteLength(JSON.stringify(value), 'utf8');
	return { body: value as IDataObject, bytes };
}
