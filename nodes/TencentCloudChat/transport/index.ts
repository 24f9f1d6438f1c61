import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import type { ApiFailure } from '../../shared/errors';
import { apiError } from '../../shared/errors';
import { bodyAsObject, describeNetworkError, sendWithCredential } from '../../shared/http';
import type { PaceDefaults } from '../../shared/paceOptions';
import { readPace } from '../../shared/paceOptions';
import { parseRetryAfter, transient } from '../../shared/retry';
import type { ItemSession, Pace } from '../../shared/runItems';
import type { BudgetSpend } from '../../shared/unitBudget';
import type { TencentSettings } from './settings';
import { tencentSettings } from './settings';
import { cachedUserSig, invalidateUserSig } from './userSig';

export const TENCENT_CREDENTIAL = 'tencentCloudChatApi';

/** Tencent documents 200 calls per second for most REST commands. */
export const TENCENT_PACE: PaceDefaults = {
	requestsPerSecond: 200,
	maxRequestsPerSecond: 200,
	maxConcurrent: 20,
	rateNote: 'Tencent allows 200 calls per second for most commands',
};

/** account_check is limited to 100 calls per second. */
export const TENCENT_CHECK_PACE: PaceDefaults = {
	requestsPerSecond: 100,
	maxRequestsPerSecond: 100,
	maxConcurrent: 20,
	rateNote: 'Tencent allows 100 account checks per second',
};

/** One Tencent Cloud Chat app as used by one node execution. */
export interface TencentAccount {
	settings: TencentSettings;
	pace: Pace;
	secrets: string[];
}

export async function tencentAccount(ctx: IExecuteFunctions, paceDefaults: PaceDefaults = TENCENT_PACE): Promise<TencentAccount> {
	const credentials = await ctx.getCredentials(TENCENT_CREDENTIAL);
	const settings = tencentSettings(credentials);
	const secrets = [settings.secretKey, cachedUserSig(settings.sdkAppId, settings.identifier, settings.secretKey)];
	return {
		settings,
		secrets,
		pace: readPace(ctx, `tencent:${settings.sdkAppId}`, paceDefaults, secrets),
	};
}

interface Explanation {
	message: string;
	hint: string;
	retry?: 'backoff' | 'rateLimited' | 'resign';
}

const RATE_LIMITED = new Set([60007, 60011, 60018, 60019]);
const TRANSIENT = new Set([60008, 60013, 60014, 50004, 50005, 90992, 91000, 10002, 20004, 20005, 70169, 40006]);

/** Tencent's error codes in words a user can act on (codes from the Chat error code list). */
export function explainTencentError(code: number, info: string): Explanation {
	const their = info ? `: ${info}` : '';
	const text = (message: string) => `${message} (Tencent error ${code}${their})`;
	if (RATE_LIMITED.has(code)) {
		return {
			message: text('Tencent Cloud Chat asked to slow down'),
			hint: 'Lower "Requests Per Second" in the node options, or spread the work over time.',
			retry: 'rateLimited',
		};
	}
	if (TRANSIENT.has(code)) {
		return {
			message: text('Tencent Cloud Chat had a temporary problem'),
			hint: 'This is usually temporary. Run the workflow again later; if it persists, contact Tencent support.',
			retry: 'backoff',
		};
	}
	switch (code) {
		case 70001:
			return {
				message: text('The UserSig expired'),
				hint: 'Check that the clock of the n8n server is correct.',
				retry: 'resign',
			};
		case 70003:
			return {
				message: text('Tencent could not read the UserSig'),
				hint: 'Check the SDKAppID and the Admin Identifier in the credential.',
			};
		case 70009:
			return {
				message: text('Tencent could not verify the UserSig: wrong secret key'),
				hint: 'The secret key does not belong to this SDKAppID. Copy both again from the Chat console (Applications → your app → Basic Configuration).',
			};
		case 70013:
			return {
				message: text('The Admin Identifier does not match the UserSig'),
				hint: 'Check the Admin Identifier in the credential.',
			};
		case 70014:
			return {
				message: text('The SDKAppID does not match the UserSig'),
				hint: 'Check the SDKAppID in the credential.',
			};
		case 70016:
		case 70020:
			return {
				message: text('Tencent does not know this SDKAppID or key in the chosen region'),
				hint: 'Choose the region (data center) your app was created in, in the credential.',
			};
		case 70050:
			return {
				message: text('Too many UserSig failures: Tencent paused this app for a minute'),
				hint: 'Fix the credential, wait a minute, then run the workflow again.',
			};
		case 60010:
		case 50003:
		case 90009:
			return {
				message: text('The Admin Identifier is not an App admin'),
				hint: 'Use "administrator" or an account listed as App admin in the Chat console (Account Management).',
			};
		case 60006:
		case 60016:
		case 60017:
			return {
				message: text('The app is disabled or the SDKAppID is invalid'),
				hint: 'Check the app in the Chat console.',
			};
		case 60020:
			return {
				message: text("The app's Pro package has expired"),
				hint: 'Renew the package in the Chat console.',
			};
		case 60021:
			return {
				message: text("n8n's IP address is not in the app's REST API allowlist"),
				hint: 'Add the IP address of the n8n server to the allowlist in the Chat console, or remove the allowlist.',
			};
		case 70107:
		case 50001:
		case 40003:
			return {
				message: text('The user has not been imported into the app'),
				hint: 'Check the UserID, or import the user first (User → Import).',
			};
		case 90003:
		case 90008:
			return {
				message: text('The sender or recipient does not exist'),
				hint: 'Check the UserIDs, or import the users first (User → Import).',
			};
		case 90054:
			return {
				message: text('The message key is invalid'),
				hint: 'Use the MsgKey that Send returned, with the same sender and recipient.',
			};
		case 90026:
			return {
				message: text('The message lifetime is invalid'),
				hint: 'Use 0 to 604800 seconds.',
			};
		case 10010:
		case 10015:
			return {
				message: text('The group does not exist'),
				hint: 'Check the Group ID.',
			};
		case 10007:
			return {
				message: text('No permission in this group'),
				hint: 'Check that the sender is a member of the group.',
			};
		case 10017:
			return {
				message: text('The sender is muted in this group'),
				hint: 'Unmute the sender or send as another account.',
			};
		case 10023:
			return {
				message: text('The group receives too many messages'),
				hint: 'Send fewer messages per second to this group.',
				retry: 'rateLimited',
			};
		case 70398:
			return {
				message: text('The app has reached its account limit'),
				hint: 'Upgrade the app edition or delete unused accounts.',
			};
		default:
			return {
				message: text('Tencent Cloud Chat refused the request'),
				hint: 'Check the values of the node parameters.',
			};
	}
}

/** What a send command's de-duplication covers, for the "may have been delivered" error. */
export type SendKind = 'c2c' | 'batch' | 'group';

const MAY_HAVE_BEEN_DELIVERED: Record<SendKind, string> = {
	c2c: 'An earlier attempt got no clear answer, so the message may have been delivered. Check the conversation (Message → Get History) before sending it again: a new run sends it with new MsgSeq and MsgRandom values, which Tencent treats as a new message.',
	batch: 'An earlier attempt got no clear answer, so the message may have been delivered to some or all of these recipients. Check before sending it again: a new run sends it with new MsgSeq and MsgRandom values, which Tencent treats as a new message.',
	group: 'An earlier attempt got no clear answer, so the message may have been delivered to the group. Check the group before sending it again: a new run sends it with a new Random value, which Tencent treats as a new message.',
};

/**
 * How long after an attempt with an unclear outcome a retry may still start: Tencent drops a repeat
 * only within 120 s (one-to-one, https://cloud.tencent.com/document/product/269/2282) or 5 minutes
 * (group Random, https://cloud.tencent.com/document/product/269/1629) of the first. 20 s are kept
 * for the request to reach Tencent.
 */
const SAFE_RETRY_MS: Record<SendKind, number> = { c2c: 100_000, batch: 100_000, group: 280_000 };

const WINDOW_PASSED: Record<SendKind, string> = {
	c2c: 'Tencent recognises a repeat of a message only within 120 s of the first attempt, and that time has passed, so n8n did not send it again.',
	batch: 'Tencent recognises a repeat of a message only within 120 s of the first attempt, and that time has passed, so n8n did not send it again.',
	group: 'Tencent recognises a repeat of a group message only within 5 minutes of the first attempt, and that time has passed, so n8n did not send it again.',
};

export interface TencentRequestOptions {
	/** Units the platform counts besides calls (e.g. recipients of batchsendmsg), spent by every attempt. */
	spend?: readonly BudgetSpend[];
	/**
	 * The command sends a message. After an attempt whose outcome is unknown (no answer, a 5xx, a
	 * server-side timeout) every later error of this call says the message may have been delivered.
	 */
	send?: SendKind;
}

/** Sends one REST command (`service/command`) with a JSON body through the item's session. */
export async function tencentRequest(
	ctx: IExecuteFunctions,
	account: TencentAccount,
	session: ItemSession,
	command: string,
	body: IDataObject,
	options: TencentRequestOptions = {},
): Promise<IDataObject> {
	const node = ctx.getNode();
	const { itemIndex } = session;
	const { settings } = account;
	/** When the first attempt with an unclear outcome started (a send only). */
	let unclearSince: number | undefined;
	/** The last attempt's failure, before the "may have been delivered" note. */
	let lastFailure: ApiFailure | undefined;
	const noted = (failure: ApiFailure): ApiFailure =>
		unclearSince !== undefined && options.send
			? {
					...failure,
					message: `${failure.message}; the message may have been delivered`,
					hint: `${MAY_HAVE_BEEN_DELIVERED[options.send]} ${failure.hint ?? ''}`.trim(),
				}
			: failure;
	/** The error of one attempt; `ambiguous` when Tencent may have carried the command out. */
	const fail = (failure: ApiFailure, ambiguous: boolean, attemptStart: number) => {
		if (ambiguous && options.send && unclearSince === undefined) unclearSince = attemptStart;
		lastFailure = failure;
		return apiError(node, itemIndex, noted(failure), account.secrets);
	};
	return await session.call(async () => {
		const attemptStart = Date.now();
		// A retry that would reach Tencent after its de-duplication window could deliver a second
		// message: report the earlier failure instead (not retried).
		if (options.send && unclearSince !== undefined && lastFailure && attemptStart - unclearSince > SAFE_RETRY_MS[options.send]) {
			throw apiError(node, itemIndex, noted({ ...lastFailure, hint: `${WINDOW_PASSED[options.send]} ${lastFailure.hint ?? ''}`.trim() }), account.secrets);
		}
		let response;
		try {
			response = await sendWithCredential(ctx, TENCENT_CREDENTIAL, {
				method: 'POST',
				url: `/v4/${command}`,
				body,
				headers: { 'Content-Type': 'application/json' },
				timeout: 30_000,
			});
		} catch (error) {
			const problem = describeNetworkError(error);
			const failure = fail(
				{
					message: `Tencent Cloud Chat could not be reached: ${problem.message}`,
					code: problem.code,
					hint: `Check the region in the credential and that ${settings.baseUrl} is reachable from n8n.`,
				},
				!problem.notSent,
				attemptStart,
			);
			// Every command is safe to repeat: sends carry the same MsgSeq and MsgRandom (groups: Random),
			// which Tencent de-duplicates.
			if (problem.kind !== 'cancelled' && problem.kind !== 'tls') throw transient(failure);
			throw failure;
		}

		const { statusCode, headers } = response;
		const answer = bodyAsObject(response.body);
		if (statusCode !== 200) {
			const failure = fail(
				{
					message: `Tencent Cloud Chat answered with HTTP ${statusCode}`,
					hint:
						statusCode >= 500 || statusCode === 429
							? 'This is usually temporary. Run the workflow again later.'
							: `Check the region or Custom Base URL in the credential (${settings.baseUrl}).`,
					httpCode: statusCode,
					body: { httpCode: statusCode, ...(answer as JsonObject) },
				},
				// A gateway's 5xx or 408 may come after the backend took the message.
				statusCode >= 500 || statusCode === 408,
				attemptStart,
			);
			if (statusCode === 429)
				throw transient(failure, {
					rateLimited: true,
					retryAfterMs: parseRetryAfter(headers['retry-after']),
				});
			if (statusCode >= 500 || statusCode === 408) throw transient(failure);
			throw failure;
		}

		const code = Number(answer.ErrorCode ?? 0);
		if (answer.ActionStatus === 'OK' && code === 0) return answer;
		if (answer.ActionStatus === undefined && answer.ErrorCode === undefined) {
			throw fail(
				{
					message: 'Tencent Cloud Chat sent an answer without ActionStatus',
					hint: `Check the Custom Base URL in the credential (${settings.baseUrl}).`,
					httpCode: statusCode,
				},
				false,
				attemptStart,
			);
		}
		const info = typeof answer.ErrorInfo === 'string' ? answer.ErrorInfo : '';
		const explanation = explainTencentError(code, info);
		const failure = fail(
			{
				message: explanation.message,
				hint: explanation.hint,
				httpCode: statusCode,
				code,
				requestId: typeof answer.RequestId === 'string' ? answer.RequestId : undefined,
				body: answer as JsonObject,
			},
			// Timeouts and internal errors on Tencent's side leave open whether the message was stored.
			explanation.retry === 'backoff',
			attemptStart,
		);
		if (explanation.retry === 'rateLimited') throw transient(failure, { rateLimited: true });
		if (explanation.retry === 'backoff') throw transient(failure);
		if (explanation.retry === 'resign') {
			invalidateUserSig(settings.sdkAppId, settings.identifier);
			throw transient(failure, { maxRetries: 1, retryAfterMs: 0 });
		}
		throw failure;
	}, options.spend ? { spend: options.spend } : undefined);
}

const ENVELOPE = new Set(['ActionStatus', 'ErrorCode', 'ErrorInfo', 'ErrorDisplay']);

/** The command's own fields, without the envelope. */
export function withoutEnvelope(answer: IDataObject): IDataObject {
	const rest: IDataObject = {};
	for (const [key, value] of Object.entries(answer)) {
		if (!ENVELOPE.has(key)) rest[key] = value;
	}
	return rest;
}
