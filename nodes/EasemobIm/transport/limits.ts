import type { PaceDefaults } from '../../shared/paceOptions';

/**
 * POST /users/batch/status: 50 calls a second per app in Easemob's per-API table; the newest table
 * pools it with the other user APIs at 100 a second
 * (https://doc.easemob.com/document/server-side/limitationapi.html#用户体系管理). 50 stays under both.
 */
export const EASEMOB_BATCH_STATUS_PACE: PaceDefaults = {
	requestsPerSecond: 50,
	maxRequestsPerSecond: 50,
	maxConcurrent: 10,
	rateNote: 'Easemob allows 50 online-status calls a second per app',
};

/** Users per POST /users/batch/status call ("每次最多能传 100 个", account_presence_obtain_batch.html). */
export const STATUS_USERS_PER_CALL = 100;

/**
 * GET /chatmessages/{time}: 10 calls a minute per app
 * (https://doc.easemob.com/document/server-side/message_historical.html#调用频率上限). The limiter
 * spaces calls evenly, one every ~6 s.
 */
export const EASEMOB_HISTORY_PACE: PaceDefaults = {
	requestsPerSecond: 10 / 60,
	maxRequestsPerSecond: 10 / 60,
	maxConcurrent: 1,
	rateNote: 'Easemob allows 10 history exports a minute per app, 0.16 a second',
};
