import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, JsonObject } from 'n8n-workflow';

import type { ApiFailure } from '../../shared/errors';
import { apiError } from '../../shared/errors';
import { bodyAsObject, describeNetworkError, sendWithCredential } from '../../shared/http';
import type { PaceDefaults } from '../../shared/paceOptions';
import { readPace } from '../../shared/paceOptions';
import type { ItemSession, Pace } from '../../shared/runItems';
import { parseRetryAfter, transient } from '../../shared/retry';
import { thuliumBaseUrl } from './baseUrl';

export const THULIUM_CREDENTIAL = 'thuliumApi';

/** Thulium publishes no rate limit; these defaults keep a contact-center system comfortable. */
export const THULIUM_PACE: PaceDefaults = {
	requestsPerSecond: 20,
	maxRequestsPerSecond: 100,
	maxConcurrent: 10,
	rateNote: 'Thulium publishes no limit; 20 per second is a polite default',
};

/** One Thulium system as used by one node execution. */
export interface ThuliumAccount {
	baseUrl: string;
	pace: Pace;
	secrets: string[];
}

export async function thuliumAccount(ctx: IExecuteFunctions): Promise<ThuliumAccount> {
	const credentials = await ctx.getCredentials(THULIUM_CREDENTIAL);
	const baseUrl = thuliumBaseUrl(credentials);
	const password = String(credentials.password ?? '');
	// The Basic auth value as well: a server or proxy that echoes the request must not leak it.
	const basic = Buffer.from(`${String(credentials.username ?? '').trim()}:${password}`).toString('base64');
	const secrets = [password, basic];
	return { baseUrl, secrets, pace: readPace(ctx, `thulium:${baseUrl}`, THULIUM_PACE, secrets) };
}

export interface ThuliumRequest {
	method: IHttpRequestMethods;
	/** Path below /api, with parameter segments already encoded (see `path` in shared/url). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/**
	 * Whether repeating the request after an unclear failure is harmless. Starting a conversation
	 * or sending a message is not: a 5xx or a timeout may hide a success.
	 */
	idempotent: boolean;
	/**
	 * For calls that are not idempotent: what may have happened when the answer leaves it open (no
	 * answer, a 5xx), e.g. 'the message may have been delivered'. Added to that error, which is
	 * reported instead of repeating the request.
	 */
	unclearOutcome?: string;
	/** What a 404 means for this call, e.g. 'Conversation "…" was not found'. */
	notFound?: string;
	/**
	 * For deletes: a 404 on a repeated attempt means an earlier attempt whose answer was lost
	 * already did the work, so it counts as success.
	 */
	notFoundOnRetryIsDone?: boolean;
}

interface ThuliumErrorBody {
	request_id?: unknown;
	errors?: Array<{ message?: unknown; code?: unknown }>;
}

/** Thulium documents no key that lets it recognise a repeated request. */
const NOT_REPEATED =
	'Thulium cannot recognise a repeated request, so n8n did not send it again. Check Thulium before running this item again.';

/** The failure, marked when a request that is not idempotent may have taken effect. */
function withOutcome(failure: ApiFailure, request: ThuliumRequest, unclear: boolean): ApiFailure {
	if (!unclear || request.idempotent || !request.unclearOutcome) return failure;
	return { ...failure, message: `${failure.message}; ${request.unclearOutcome}`, hint: `${NOT_REPEATED} ${failure.hint ?? ''}`.trim() };
}

function hintFor(status: number): string {
	switch (status) {
		case 400:
		case 422:
			return 'Thulium rejected the request. Check the values named above.';
		case 401:
			return 'Check the API user name and password in the Thulium credential (Administration → Users → API users).';
		case 403:
			return 'The API user may not call this method. In Thulium, open Administration → Users → API users, edit the user and tick this method (or *) under Permissions.';
		case 404:
			return 'Check the ID; it may belong to another Thulium system or have been deleted.';
		case 410:
			return 'The resource was permanently deleted in Thulium; remove it from the workflow input.';
		case 429:
			return 'Thulium asked to slow down. Lower "Requests Per Second" in the node options.';
		default:
			return status >= 500
				? 'Thulium had an internal problem. Try again later; if it persists, give Thulium support the request ID.'
				: 'Check the node parameters.';
	}
}

/** An answer that should be one JSON object; anything else (an empty body, a list) gives {}. */
export function objectOf(body: unknown): IDataObject {
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}

/** Sends one request to Thulium through the item's session (rate slot, retries). */
export async function thuliumRequest(
	ctx: IExecuteFunctions,
	account: ThuliumAccount,
	session: ItemSession,
	request: ThuliumRequest,
): Promise<unknown> {
	const node = ctx.getNode();
	const { itemIndex } = session;
	let attempts = 0;
	return await session.call(async () => {
		attempts++;
		let response;
		try {
			response = await sendWithCredential(ctx, THULIUM_CREDENTIAL, {
				method: request.method,
				baseURL: `${account.baseUrl}/api`,
				url: request.path,
				qs: request.qs,
				body: request.body,
				headers: { Accept: 'application/json' },
				// Thulium expects PHP-style arrays: user_logins[]=a&user_logins[]=b
				arrayFormat: 'brackets',
				timeout: 30_000,
			});
		} catch (error) {
			const problem = describeNetworkError(error);
			const failure = apiError(
				node,
				itemIndex,
				withOutcome(
					{ message: `Thulium could not be reached: ${problem.message}`, code: problem.code, hint: `Check the System URL in the credential and that ${account.baseUrl} is reachable from n8n.` },
					request,
					!problem.notSent && problem.kind !== 'cancelled',
				),
				account.secrets,
			);
			if (problem.kind !== 'cancelled' && problem.kind !== 'tls' && (request.idempotent || problem.notSent)) {
				throw transient(failure);
			}
			throw failure;
		}

		const { statusCode, headers } = response;
		if (statusCode >= 200 && statusCode < 300) return response.body;
		if (statusCode === 404 && attempts > 1 && request.notFoundOnRetryIsDone) return undefined;

		const body = bodyAsObject(response.body) as ThuliumErrorBody & IDataObject;
		const messages = (Array.isArray(body.errors) ? body.errors : [])
			.map((e) => (typeof e?.message === 'string' ? e.message : ''))
			.filter(Boolean);
		const codes = (Array.isArray(body.errors) ? body.errors : []).map((e) => e?.code).filter((c) => c !== undefined);
		const requestId =
			typeof body.request_id === 'string' || typeof body.request_id === 'number'
				? String(body.request_id)
				: typeof headers['x-request-id'] === 'string'
					? headers['x-request-id']
					: undefined;
		let message: string;
		if (statusCode === 404 && request.notFound) message = request.notFound;
		else if (statusCode === 401) message = 'Thulium did not accept the API user name or password';
		else if (statusCode === 403) message = 'The Thulium API user lacks permission for this method';
		else if (statusCode === 410) message = 'The resource was permanently deleted';
		else message = messages.length > 0 ? messages.join(' ') : `Thulium answered with HTTP ${statusCode}`;
		if (messages.length > 0 && !message.includes(messages[0])) message += `: ${messages.join(' ')}`;

		const failure = apiError(
			node,
			itemIndex,
			withOutcome(
				{
					message,
					hint: hintFor(statusCode),
					httpCode: statusCode,
					code: codes.length > 0 ? String(codes[0]) : undefined,
					requestId,
					body: { httpCode: statusCode, ...(body as JsonObject) },
				},
				request,
				statusCode >= 500 || statusCode === 408,
			),
			account.secrets,
		);
		if (statusCode === 429) {
			throw transient(failure, { rateLimited: true, retryAfterMs: parseRetryAfter(headers['retry-after']) });
		}
		if ((statusCode >= 500 || statusCode === 408) && request.idempotent) throw transient(failure);
		throw failure;
	});
}
