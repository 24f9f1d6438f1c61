import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

export interface HttpResponse {
	statusCode: number;
	body: unknown;
	headers: IDataObject;
}

/** Why a request got no HTTP answer, in words a user can act on. */
export interface NetworkProblem {
	kind: 'timeout' | 'refused' | 'reset' | 'dns' | 'cancelled' | 'tls' | 'http' | 'other';
	code?: string;
	/** Set when n8n itself threw for an HTTP status (e.g. a 401 that survived a token refresh). */
	httpStatus?: number;
	message: string;
	/** The request certainly never reached the provider, so repeating it cannot duplicate anything. */
	notSent: boolean;
}

interface ErrorLike {
	code?: unknown;
	message?: unknown;
	messages?: unknown;
	httpCode?: unknown;
	cause?: ErrorLike;
	context?: { data?: unknown };
	response?: { status?: unknown; data?: unknown; headers?: unknown };
}

/*
 * n8n wraps what its HTTP helpers throw in a NodeApiError, and the two majors keep different parts:
 * - n8n 2.x keeps the HTTP library's error as `cause` (with `code` and `response`).
 * - n8n 1.x drops an Error `cause` (n8n-workflow 1.x ExecutionBaseError redeclares the field) and
 *   keeps only `httpCode` (the status, or the network code such as ECONNREFUSED when there was no
 *   answer), `context.data` (an object body) and the original message in `messages`.
 * The functions below read both shapes, so the transports need not know which n8n runs them.
 */

/** The error and its causes, outermost first. */
function causeChain(error: unknown): ErrorLike[] {
	const chain: ErrorLike[] = [];
	for (let e = (error ?? {}) as ErrorLike | undefined; e && chain.length < 5; e = e.cause) chain.push(e);
	return chain;
}

/** The HTTP status, body and headers behind an error n8n threw for an HTTP answer (status undefined when there was none). */
export function httpErrorFacts(error: unknown): { status?: number; body?: unknown; headers: IDataObject } {
	const chain = causeChain(error);
	const response = chain.map((e) => e.response).find((r) => r && typeof r === 'object' && r.status !== undefined);
	if (response) {
		const headers = response.headers && typeof response.headers === 'object' ? (JSON.parse(JSON.stringify(response.headers)) as IDataObject) : {};
		return { status: Number(response.status), body: response.data, headers };
	}
	// n8n 1.x: only the wrapper's own fields are left (headers are gone).
	const outer = chain[0] ?? {};
	const status = typeof outer.httpCode === 'string' || typeof outer.httpCode === 'number' ? Number(outer.httpCode) : NaN;
	if (!Number.isInteger(status) || status < 100) return { headers: {} };
	return { status, body: outer.context?.data, headers: {} };
}

export function describeNetworkError(error: unknown): NetworkProblem {
	const chain = causeChain(error);
	const outer = chain[0] ?? {};
	// n8n 1.x puts a network code where the status would be (httpCode: 'ECONNREFUSED').
	const codes = chain.flatMap((e) => [e.code, e.httpCode]);
	const code = codes.find((c): c is string => typeof c === 'string' && /^[A-Z_]+$/.test(c));
	const status = Number(httpErrorFacts(error).status ?? outer.httpCode);
	const texts = chain.flatMap((e) => [e.message, ...(Array.isArray(e.messages) ? (e.messages as unknown[]) : [])]);
	// The status line arrived, then the connection closed mid-body: a success status with an error,
	// or any status whose body stream was aborted (what the body said is unknown).
	const cutShort = code === 'ERR_BAD_RESPONSE' && texts.some((t) => /aborted/i.test(String(t)));
	if (cutShort || (Number.isInteger(status) && status >= 200 && status < 300)) {
		return { kind: 'reset', code, message: 'The connection was closed before the whole answer arrived', notSent: false };
	}
	if (Number.isInteger(status) && status >= 100) {
		return { kind: 'http', httpStatus: status, code, message: `HTTP ${status}`, notSent: false };
	}
	switch (code) {
		case 'ECONNREFUSED':
			return { kind: 'refused', code, message: 'The server refused the connection', notSent: true };
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return { kind: 'dns', code, message: 'The server address could not be resolved', notSent: true };
		case 'ECONNABORTED':
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
		case 'UND_ERR_HEADERS_TIMEOUT':
		case 'UND_ERR_BODY_TIMEOUT':
			return { kind: 'timeout', code, message: 'The server did not answer in time', notSent: false };
		case 'ECONNRESET':
		case 'EPIPE':
		case 'UND_ERR_SOCKET':
			return { kind: 'reset', code, message: 'The connection was closed before the answer arrived', notSent: false };
		case 'ERR_CANCELED':
			return { kind: 'cancelled', code, message: 'The request was cancelled', notSent: false };
		case 'CERT_HAS_EXPIRED':
		case 'DEPTH_ZERO_SELF_SIGNED_CERT':
		case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
		case 'ERR_TLS_CERT_ALTNAME_INVALID':
			return { kind: 'tls', code, message: 'The server\'s TLS certificate was not accepted', notSent: true };
		default: {
			const text = texts.find((m): m is string => typeof m === 'string' && m !== '');
			return { kind: 'other', code, message: text ?? 'The request failed without an answer', notSent: false };
		}
	}
}

/** Asks n8n to throw a 401, so that it fetches a new token and repeats the request once (n8n 2.x syntax). */
function refreshesOn401(ignore: IHttpRequestOptions['ignoreHttpStatusErrors']): boolean {
	return typeof ignore === 'object' && ignore !== null && Array.isArray(ignore.except) && ignore.except.includes(401);
}

/**
 * Sends one authenticated request and returns status, body and headers for every HTTP status
 * (the transport decides what a status means). Throws when there is no HTTP answer, and, with
 * `ignoreHttpStatusErrors: { ignore: true, except: [401] }`, for a 401 that survived n8n's token
 * refresh; any other `ignoreHttpStatusErrors` is replaced (every status comes back).
 *
 * The token refresh works on both majors. n8n 2.x honours `except`: the 401 is thrown inside n8n,
 * which refreshes and repeats. n8n 1.x reads any object as `true` and hands the 401 back; then the
 * request is sent again with status errors on, so that n8n sees the 401 and refreshes. A 401 means
 * the request was not processed, so sending it again cannot duplicate anything.
 */
export async function sendWithCredential(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	credentialType: string,
	options: IHttpRequestOptions,
): Promise<HttpResponse> {
	const refresh = refreshesOn401(options.ignoreHttpStatusErrors);
	const send = async (ignoreHttpStatusErrors: IHttpRequestOptions['ignoreHttpStatusErrors']): Promise<HttpResponse> => {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, {
			json: true,
			...options,
			ignoreHttpStatusErrors,
			returnFullResponse: true,
		})) as { statusCode: number; body: unknown; headers?: IDataObject };
		return { statusCode: response.statusCode, body: response.body, headers: response.headers ?? {} };
	};
	if (!refresh) return await send(true);
	const first = await send({ ignore: true, except: [401] });
	if (first.statusCode !== 401) return first;
	// n8n 1.x: the 401 came back instead of being thrown.
	let thrown: unknown;
	try {
		return await send(false);
	} catch (error) {
		thrown = error;
	}
	// Status errors are on for this one request only: hand back every status but 401, as n8n 2.x does.
	const facts = httpErrorFacts(thrown);
	if (facts.status !== undefined && facts.status !== 401) return { statusCode: facts.status, body: facts.body, headers: facts.headers };
	// n8n's own NodeApiError, passed on as it is: wrapping it again would lose its body on n8n 1.x when
	// the package loads another copy of n8n-workflow than n8n itself.
	throw thrown;
}

/** JSON bodies arrive parsed; an empty or text body becomes `{}` or a `{ text }` object. */
export function bodyAsObject(body: unknown): IDataObject {
	if (body === undefined || body === null || body === '') return {};
	if (typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	if (typeof body === 'string') {
		try {
			const parsed = JSON.parse(body) as unknown;
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
		} catch {
			// not JSON: keep the text below
		}
		return { text: body.slice(0, 500) };
	}
	return { value: body as IDataObject[] };
}
