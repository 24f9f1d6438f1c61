/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Easemob's history export, modelled on its page (not on the node):
//   HISTORY https://doc.easemob.com/document/server-side/message_historical.html
//   LIMITS  https://doc.easemob.com/document/server-side/limitationapi.html
// GET /{org}/{app}/chatmessages/{yyyyMMddHH} answers a signed link to a .gz file in cloud storage;
// the file holds one JSON message record per line. The fake serves those files itself, at
// /history-files/… on its own address, with the link's signature and expiry checked as cloud
// storage does. Wired into FakeEasemob (fakeEasemob.ts) by its `history` routes.
import { createHmac, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import type { RecordedRequest, Reply } from './fakeServer';
import { WindowCounter } from './fakeServer';
import type { FakeEasemobKit } from './fakeEasemobUsers';

/** One message record of an export file (HISTORY "历史消息记录的内容"). */
export interface HistoryRecord {
	msg_id: string;
	timestamp: number;
	direction: 'outgoing';
	to: string;
	from: string;
	chat_type: 'chat' | 'groupchat' | 'chatroom';
	payload: { bodies: Array<Record<string, unknown>>; ext?: Record<string, unknown>; from: string; to: string };
}

interface IssuedLink {
	file: Buffer;
	expiresAt: number;
}

const HOUR = /^(\d{4})(\d{2})(\d{2})(\d{2})$/;

/** The start of hour `yyyyMMddHH` read as UTC (the clock of data centres outside China, HISTORY `time`), or undefined. */
export function hourStart(time: string): number | undefined {
	const m = HOUR.exec(time);
	if (!m) return undefined;
	const [year, month, day, hour] = m.slice(1).map(Number);
	const at = Date.UTC(year, month - 1, day, hour);
	const back = new Date(at);
	if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || back.getUTCHours() !== hour) return undefined;
	return at;
}

export class FakeEasemobHistory {
	/** Export files per "app\nyyyyMMddHH". */
	readonly files = new Map<string, Buffer>();
	/** Links handed out, by their path token. */
	private readonly links = new Map<string, IssuedLink>();
	/** GET /chatmessages/{time}: 10 calls a minute per app (HISTORY "调用频率上限"; LIMITS 消息管理), the 11th → 429. */
	readonly callLimit = new WindowCounter(10, 60_000);
	/** "你最多可以获取最近 3 天的历史消息记录" (HISTORY): older hours are expired. */
	retentionMs = 3 * 24 * 3600_000;
	/** How long a link works. The page says only "仅在一定时间内有效"; the fake picks 30 minutes. */
	linkTtlMs = 30 * 60_000;
	/** Downloads of export files, in arrival order. */
	readonly downloads: RecordedRequest[] = [];
	/** The signing key of the fake's cloud storage (not an Easemob credential). */
	private readonly storageKey = randomUUID();

	constructor(private readonly kit: FakeEasemobKit) {}

	reset(): void {
		this.files.clear();
		this.links.clear();
		this.callLimit.clear();
		this.downloads.length = 0;
		this.retentionMs = 3 * 24 * 3600_000;
		this.linkTtlMs = 30 * 60_000;
	}

	/** Stores the export of one hour: its records gzipped, one JSON object per line. */
	addExport(app: string, time: string, records: HistoryRecord[]): Buffer {
		const file = gzipSync(Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n', 'utf8'));
		this.files.set(`${app}\n${time}`, file);
		return file;
	}

	/** GET chatmessages/{time}; false for any other route. */
	handle(route: string, req: RecordedRequest, reply: Reply, app: string, rest: string[]): boolean {
		if (req.method !== 'GET' || rest.length !== 2 || rest[0] !== 'chatmessages') return false;
		const time = rest[1];
		const appKey = `${this.kit.orgName()}#${app}`;
		const start = hourStart(time);
		// HISTORY 错误码: a `time` not in yyyyMMddHH → 400 illegal_argument, word for word.
		if (start === undefined) {
			this.kit.error(reply, 400, 'illegal_argument', `illegal arguments: appkey: ${appKey}, time: ${time}`, 'IllegalArgumentException');
			return true;
		}
		if (!this.callLimit.take(app)) {
			this.kit.reachedApiLimit(req, reply);
			return true;
		}
		// HISTORY 错误码: an hour past the storage time → 400 "…maybe chat message history is expired or unstored".
		if (start < Date.now() - this.retentionMs) {
			this.kit.error(reply, 400, 'illegal_argument', `illegal arguments: appkey: ${appKey}, time: ${time}, maybe chat message history is expired or unstored`, 'IllegalArgumentException');
			return true;
		}
		const file = this.files.get(`${app}\n${time}`);
		// HISTORY 错误码: no file for the hour → 404 storage_object_not_found, word for word.
		if (!file) {
			this.kit.error(reply, 404, 'storage_object_not_found', `Failed to find chat message history download url for appkey: ${appKey}, time: ${time}`, 'StorageObjectNotFoundException');
			return true;
		}
		// HISTORY 响应: data[0].url = storage address + Expires (Unix seconds) + OSSAccessKeyId + Signature.
		const token = randomUUID();
		const expiresAt = Date.now() + this.linkTtlMs;
		this.links.set(token, { file, expiresAt });
		const expires = Math.floor(expiresAt / 1000);
		const url = `${this.kit.baseUrl()}/history-files/${token}.gz?Expires=${expires}&OSSAccessKeyId=fake-storage&Signature=${encodeURIComponent(this.sign(token, expires))}`;
		reply.json(200, this.kit.envelope(req, app, { action: 'get', data: [{ url }] }));
		return true;
	}

	/** Serves /history-files/{token}.gz as cloud storage does; false for any other path. */
	serveDownload(req: RecordedRequest, reply: Reply): boolean {
		if (req.segments[0] !== 'history-files') return false;
		this.downloads.push(req);
		const token = (req.segments[1] ?? '').replace(/\.gz$/, '');
		const link = this.links.get(token);
		const expires = Number(req.query.get('Expires'));
		const signed = link && req.query.get('Signature') === this.sign(token, expires) && expires * 1000 === Math.floor(link.expiresAt / 1000) * 1000;
		// Cloud storage refuses a wrong signature or an expired link with 403 (the page: a link past its
		// time "会下载失败").
		if (req.method !== 'GET' || !link || !signed) reply.text(403, '<Error><Code>AccessDenied</Code></Error>', 'application/xml');
		else if (Date.now() > link.expiresAt) reply.text(403, '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>', 'application/xml');
		else reply.bytes(200, link.file, 'application/octet-stream');
		return true;
	}

	private sign(token: string, expires: number): string {
		return createHmac('sha1', this.storageKey).update(`${token}\n${expires}`).digest('base64');
	}
}
