import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, JsonObject } from 'n8n-workflow';

import type { ApiFailure } from '../../shared/errors';
import { apiError } from '../../shared/errors';
import { bodyAsObject, describeNetworkError, httpErrorFacts, sendWithCredential } from '../../shared/http';
import type { PaceDefaults } from '../../shared/paceOptions';
import { readPace } from '../../shared/paceOptions';
import type { ItemSession, Pace } from '../../shared/runItems';
import { parseRetryAfter, transient } from '../../shared/retry';
import type { BudgetSpend } from '../../shared/unitBudget';
import type { EasemobApp } from './app';
import { easemobApp } from './app';
import { findTokenError } from './token';

export const EASEMOB_CREDENTIAL = 'easemobImApi';

/** Easemob allows 100 calls a second per app for the REST APIs this node uses. */
export const EASEMOB_PACE: PaceDefaults = {
	requestsPerSecond: 100,
	maxRequestsPerSecond: 100,
	maxConcurrent: 10,
	rateNote: 'Easemob allows 100 calls a second per app',
};

/** POST /chatrooms: 50 calls a second per app (https://doc.easemob.com/document/server-side/limitationapi.html, 聊天室管理). */
export const EASEMOB_CHATROOM_CREATE_PACE: PaceDefaults = {
	requestsPerSecond: 50,
	maxRequestsPerSecond: 50,
	maxConcurrent: 10,
	rateNote: 'Easemob allows 50 chat room creations a second per app',
};

/** One Easemob app as used by one node execution. */
export interface EasemobAccount {
	app: EasemobApp;
	pace: Pace;
	secrets: string[];
}

/**
 * `limiterScope` names an API with a call limit of its own (Easemob counts calls per API and app,
 * https://doc.easemob.com/document/server-side/limitationapi.html): its calls get their own limiter.
 */
export async function easemobAccount(ctx: IExecuteFunctions, pace: PaceDefaults = EASEMOB_PACE, limiterScope?: string): Promise<EasemobAccount> {
	const credentials = await ctx.getCredentials(EASEMOB_CREDENTIAL);
	const app = easemobApp(credentials);
	const secrets = [String(credentials.clientSecret ?? ''), String(credentials.accessToken ?? '')];
	const limiterKey = limiterScope ? `easemob:${app.label}:${limiterScope}` : `easemob:${app.label}`;
	return { app, secrets, pace: readPace(ctx, limiterKey, pace, secrets) };
}

/**
 * How a call may be repeated after an unclear failure. A message send is repeated only when Easemob
 * surely did not take it (a rate-limit answer, a connection refused before the request was
 * written): it has no de-duplication key, so after a 5xx, a timeout or a dropped connection a
 * repeat may deliver the message twice. A `create` (a new group or chat room, whose ID Easemob
 * picks) follows the same rule: a repeat may create a second one.
 */
export type CallKind = 'read' | 'write' | 'send' | 'create';

/** Easemob's answer when a send is over the messages counted per second or minute (HTTP 403). */
export function isSendRateAnswer(status: number, code: string | undefined, description: string): boolean {
	// https://doc.easemob.com/document/server-side/message_single.html#错误码 and
	// https://doc.easemob.com/document/server-side/message_group.html#错误码:
	// 403 message_send_error "message send reach limit".
	return status === 403 && (code === 'message_send_error' || code === undefined) && /reach limit/i.test(description);
}

export interface EasemobRequest {
	method: IHttpRequestMethods;
	/** Path below /{org}/{app}, parameter segments already encoded (see `path` in shared/url). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	kind: CallKind;
	/** What a 404 for a missing resource means here, e.g. 'User "u1" was not found'. */
	notFound?: string;
	/** Added to the hint of a failure, e.g. which recipients already got the message. */
	failureNote?: () => string | undefined;
	/** Units Easemob counts for this call besides the call itself (recipients, groups). */
	spend?: readonly BudgetSpend[];
	/** How long to wait after a 403 "message send reach limit": the window Easemob counts in. */
	sendLimitWindowMs?: number;
	/**
	 * Sends only: also repeat after a failure that leaves delivery unknown (5xx, timeout, dropped
	 * connection), at the price of a possible second delivery. Off by default.
	 */
	retryWhenDeliveryUnknown?: boolean;
	/** Creates only: what is created, for the message of an unknown outcome, e.g. 'group'. */
	creates?: string;
	/**
	 * An error answer that means the call's goal is already reached (e.g. adding members who are all
	 * members already): its body is returned as a success instead of failing the item.
	 */
	acceptAnswer?: (status: number, code: string | undefined, description: string) => boolean;
}

const MAY_BE_DELIVERED =
	'Easemob has no de-duplication key, so the message was not sent again. Check whether the recipients got it before sending it again, or turn on "Retry When Delivery Is Unknown" in the node options (the message may then arrive twice).';

function mayBeCreated(what: string): string {
	return `Easemob picks the ${what} ID and has no de-duplication key, so the request was not sent again. Check whether the ${what} exists (e.g. with Get Many) before creating it again.`;
}

function hintFor(status: number, code: string | undefined, description: string): string {
	if (status === 401) return "Easemob did not accept the app token even after fetching a new one. Check that the REST API host is the one shown for this app's data centre in the Easemob console.";
	if (code === 'organization_application_not_found') return 'Copy Org Name and App Name from the AppKey (OrgName#AppName) in the Easemob console.';
	if (status === 429 && code === 'resource_limited') return "Your Easemob plan's quota is used up (e.g. the number of users). Upgrade the plan or remove unused resources; retrying does not help.";
	if (status === 429) return 'Easemob asked to slow down. Lower "Requests Per Second" in the node options.';
	if (status === 403 && /reach limit/i.test(description)) return 'Easemob counts messages per app: 6,000 one-to-one messages a minute (each recipient counts), 20 group messages a second (each group counts) and 100 chat room messages a second (each room counts). The node waited and retried, but the limit was still reached: other senders may share the app.';
	if (status === 403 && code === 'exceed_limit') return "A limit of the app's Easemob plan was reached (groups or chat rooms per app, groups per user, members per group). Remove unused ones or ask Easemob to raise the limit; retrying does not help.";
	if (status === 403 && /unopened|not open/i.test(description)) return 'Enable this feature for the app in the Easemob console (it may be a paid add-on).';
	if (status === 403) return 'Easemob does not allow this call for the app or the given IDs. Check the IDs and the app settings in the console.';
	if (status === 404) return 'Check the ID: it may be misspelled, deleted or belong to another app.';
	if (status === 400) return 'Easemob rejected the request. Check the values named above.';
	if (status === 413) return 'The message is too large: Easemob accepts at most 5 KB for body and extension together.';
	if (status >= 500) return 'Easemob had an internal problem. Try again later.';
	return 'Check the node parameters.';
}

/**
 * The app token is fetched by n8n after the account was read (preAuthentication): before a failure
 * is described, the token now stored for the credential joins the secrets, so an answer that echoes
 * it cannot carry it into an error.
 */
async function rememberToken(ctx: IExecuteFunctions, account: EasemobAccount): Promise<void> {
	try {
		const credentials = await ctx.getCredentials(EASEMOB_CREDENTIAL);
		const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
		if (token !== '' && !account.secrets.includes(token)) account.secrets.push(token);
	} catch {
		// The credential was readable moments ago; if it is not now, there is no newer token to hide.
	}
}

/** Sends one request to the app through the item's session (rate slot, retries). */
export async function easemobRequest(
	ctx: IExecuteFunctions,
	account: EasemobAccount,
	session: ItemSession,
	request: EasemobRequest,
): Promise<IDataObject> {
	const node = ctx.getNode();
	const { itemIndex } = session;
	const fail = (failure: ApiFailure) => {
		const note = request.failureNote?.();
		return apiError(node, itemIndex, note ? { ...failure, hint: [failure.hint, note].filter(Boolean).join(' ') } : failure, account.secrets);
	};
	return await session.call(async () => {
		// Units Easemob counts (recipients, groups) are spent here, after the call slot, and count
		// until the answer arrives, rather than through `session.call`'s `spend` (spent before the call
		// slot, counted from then): Easemob counts a message when the call arrives, which may be a few
		// hundred ms after the units were spent (call slots, a busy event loop). Measured with `spend`:
		// 3 of 60 calls of 3 groups refused with 403.
		const answered: Array<() => void> = [];
		for (const { budget, units } of request.spend ?? []) answered.push(await budget.takeUntilAnswered(units / session.share, session.signal));
		try {
			return await attempt();
		} finally {
			for (const done of answered) done();
		}
	});

	async function attempt(): Promise<IDataObject> {
		let response;
		try {
			response = await sendWithCredential(ctx, EASEMOB_CREDENTIAL, {
				method: request.method,
				url: `${account.app.appUrl}${request.path}`,
				qs: request.qs,
				body: request.body as IDataObject,
				headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
				// A 401 must reach n8n, which then fetches a new token and repeats the request once (on
				// n8n 1.x too: see sendWithCredential).
				ignoreHttpStatusErrors: { ignore: true, except: [401] },
				timeout: 30_000,
			});
		} catch (error) {
			await rememberToken(ctx, account);
			const tokenError = findTokenError(error);
			if (tokenError) {
				const failure = fail({ message: tokenError.message, hint: tokenError.hint, httpCode: tokenError.httpStatus, code: tokenError.easemobCode, body: tokenError.body as JsonObject | undefined });
				// Only network trouble on the token endpoint is worth another try.
				if (tokenError.httpStatus === undefined) throw transient(failure, { maxRetries: 1 });
				throw failure;
			}
			const problem = describeNetworkError(error);
			if (problem.kind === 'http') {
				const body = bodyAsObject(httpErrorFacts(error).body);
				const code = typeof body.error === 'string' ? body.error : undefined;
				const said = [code, typeof body.error_description === 'string' ? body.error_description : undefined].filter(Boolean).join(': ');
				throw fail({
					message: `Easemob refused the app token${said ? ` (${said})` : ` (HTTP ${problem.httpStatus})`}`,
					hint: hintFor(problem.httpStatus ?? 401, code, said),
					httpCode: problem.httpStatus,
					code,
					body: { httpCode: problem.httpStatus ?? 401, ...(body as JsonObject) },
				});
			}
			const unknownDelivery = (request.kind === 'send' || request.kind === 'create') && !problem.notSent && problem.kind !== 'cancelled';
			const failure = fail(
				unknownDelivery && request.kind === 'create'
					? { message: `The ${request.creates ?? 'resource'} may have been created: ${problem.message}`, code: problem.code, hint: mayBeCreated(request.creates ?? 'resource') }
					: unknownDelivery
					? { message: `The message may have been delivered: ${problem.message}`, code: problem.code, hint: MAY_BE_DELIVERED }
					: {
							message: `Easemob could not be reached: ${problem.message}`,
							code: problem.code,
							hint: `Check the REST API host in the credential and that ${account.app.baseUrl} is reachable from n8n.`,
						},
			);
			if (problem.kind === 'cancelled' || problem.kind === 'tls') throw failure;
			if (!unknownDelivery || request.retryWhenDeliveryUnknown === true) throw transient(failure);
			throw failure;
		}

		const { statusCode, headers } = response;
		const body = bodyAsObject(response.body);
		if (statusCode >= 200 && statusCode < 300) return body;
		await rememberToken(ctx, account);

		const code = typeof body.error === 'string' ? body.error : undefined;
		const description = typeof body.error_description === 'string' ? body.error_description : '';
		if (request.acceptAnswer?.(statusCode, code, description)) return body;
		const said = [code, description].filter(Boolean).join(': ') || `HTTP ${statusCode}`;
		let message = `Easemob: ${said}`;
		if (statusCode === 404 && request.notFound && code !== 'organization_application_not_found') message = `${request.notFound} (${said})`;
		else if (code === 'organization_application_not_found') message = `Easemob knows no app with this Org Name and App Name (${said})`;
		else if (statusCode === 429 && code !== 'resource_limited') message = `Easemob rate limit reached (${said})`;

		// A 5xx or a 408 leaves open whether Easemob delivered a message (https://doc.easemob.com/document/server-side/error.html:
		// 408 "服务器等候请求时发生超时", 5xx "服务器在尝试处理请求时发生内部错误").
		const unknownDelivery = (request.kind === 'send' || request.kind === 'create') && (statusCode >= 500 || statusCode === 408);
		const sendRate = isSendRateAnswer(statusCode, code, description);
		if (unknownDelivery && request.kind === 'create') message = `The ${request.creates ?? 'resource'} may have been created: Easemob answered ${said}`;
		else if (unknownDelivery) message = `The message may have been delivered: Easemob answered ${said}`;
		else if (sendRate) message = `Easemob message limit reached (${said})`;
		const failure = fail({
			message,
			hint: unknownDelivery
				? `${hintFor(statusCode, code, description)} ${request.kind === 'create' ? mayBeCreated(request.creates ?? 'resource') : MAY_BE_DELIVERED}`
				: hintFor(statusCode, code, description),
			httpCode: statusCode,
			code,
			body: { httpCode: statusCode, ...(body as JsonObject) },
		});
		// Rate answers: Easemob refused the call and did nothing, so it is always safe to repeat.
		if (statusCode === 429 && code !== 'resource_limited') {
			throw transient(failure, { rateLimited: true, retryAfterMs: parseRetryAfter(headers['retry-after']) });
		}
		if (sendRate) throw transient(failure, { rateLimited: true, retryAfterMs: request.sendLimitWindowMs ?? 1000 });
		if (unknownDelivery) {
			if (request.retryWhenDeliveryUnknown === true) throw transient(failure);
			throw failure;
		}
		if (statusCode === 409) throw transient(failure, { retryAfterMs: 1000 });
		if (statusCode >= 500 || statusCode === 408) throw transient(failure);
		throw failure;
	}
}
