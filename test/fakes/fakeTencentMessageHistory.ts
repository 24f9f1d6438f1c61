// Group history, group recall and message edits of the fake Tencent Cloud Chat API, each rule with
// the page that states it. Group messages are FakeTencent.groupMessages (send_group_msg fills them);
// one-to-one messages are FakeTencent.messages.
import type { FakeTencent, GroupMessage } from './fakeTencent';
import { Fail, isString } from './fakeTencent';

type Body = Record<string, unknown>;
type Answer = Record<string, unknown>;

/** What edits and recalls changed on a stored group message. */
interface GroupMessageState {
	recalled?: boolean;
	CloudCustomData?: string;
}

const isPositiveInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

export class FakeTencentMessageHistory {
	/** Per `GroupId:MsgSeq`: recalled, and the custom data an edit set. */
	readonly groupState = new Map<string, GroupMessageState>();
	/** Most messages group_msg_get_simple answers per call ("at most 20", https://trtc.io/document/34971). */
	groupPageSize = 20;

	constructor(private readonly fake: FakeTencent) {}

	routes(): Record<string, (body: Body) => Answer> {
		return {
			'group_open_http_svc/group_msg_get_simple': (b) => this.groupHistory(b),
			'group_open_http_svc/group_msg_recall': (b) => this.groupRecall(b),
			'openim/modify_c2c_msg': (b) => this.modifyC2c(b),
			'openim/modify_group_msg': (b) => this.modifyGroup(b),
		};
	}

	stateOf(groupId: string, seq: number): GroupMessageState {
		const key = `${groupId}:${seq}`;
		let state = this.groupState.get(key);
		if (!state) {
			state = {};
			this.groupState.set(key, state);
		}
		return state;
	}

	private groupMessage(groupId: string, seq: number): GroupMessage | undefined {
		return this.fake.groupMessages.find((m) => m.GroupId === groupId && m.MsgSeq === seq);
	}

	/**
	 * group_open_http_svc/group_msg_get_simple (https://trtc.io/document/34971, zh
	 * https://cloud.tencent.com/document/product/269/2738): GroupId and ReqMsgNumber required,
	 * ReqMsgSeq optional ("messages with a seq less than or equal to ReqMsgSeq"; without it the
	 * newest); "at most 20 messages per request", so a larger ReqMsgNumber gets 20. Newest first; the
	 * next page asks for the smallest seq returned minus 1. IsPlaceMsg 1 marks a seq whose message
	 * "expired, failed to be stored or was deleted": recalled messages are answered that way, without
	 * body (the page leaves open how a recall shows without WithRecalledMsg). IsFinished 1 when the
	 * range down to seq 1 is complete. Unknown group 10010; bad fields 10004 (send_group_msg's table,
	 * https://cloud.tencent.com/document/product/269/1629).
	 */
	private groupHistory(b: Body): Answer {
		if (!isString(b.GroupId)) throw new Fail(10004, 'GroupId is required');
		if (!isPositiveInteger(b.ReqMsgNumber)) throw new Fail(10004, 'ReqMsgNumber is required and must be a positive integer');
		if (b.ReqMsgSeq !== undefined && !isPositiveInteger(b.ReqMsgSeq)) throw new Fail(10004, 'ReqMsgSeq must be a positive integer');
		if (this.fake.groups.get(b.GroupId) === undefined) throw new Fail(10010, 'group does not exist');
		const all = this.fake.groupMessages.filter((m) => m.GroupId === b.GroupId);
		const newest = all.reduce((max, m) => Math.max(max, m.MsgSeq), 0);
		const top = Math.min(b.ReqMsgSeq === undefined ? newest : Number(b.ReqMsgSeq), newest);
		const count = Math.min(Number(b.ReqMsgNumber), this.groupPageSize);
		const page: Answer[] = [];
		for (let seq = top; seq >= 1 && page.length < count; seq--) {
			const m = all.find((message) => message.MsgSeq === seq);
			const state = this.groupState.get(`${b.GroupId}:${seq}`);
			if (!m || state?.recalled) {
				page.push({ MsgSeq: seq, IsPlaceMsg: 1, MsgBody: [], MsgTimeStamp: m?.MsgTime ?? 0, From_Account: m?.From_Account ?? '' });
				continue;
			}
			const cloudData = state?.CloudCustomData ?? (m.request.CloudCustomData as string | undefined);
			const item: Answer = {
				From_Account: m.From_Account,
				IsPlaceMsg: 0,
				MsgBody: m.MsgBody,
				MsgPriority: 1,
				MsgRandom: m.Random,
				MsgSeq: m.MsgSeq,
				MsgTimeStamp: m.MsgTime,
			};
			if (cloudData !== undefined) item.CloudCustomData = cloudData;
			page.push(item);
		}
		const lowest = page.length > 0 ? Number(page[page.length - 1].MsgSeq) : 0;
		return { GroupId: b.GroupId, IsFinished: page.length === 0 || lowest <= 1 ? 1 : 0, RspMsgList: page };
	}

	/**
	 * group_open_http_svc/group_msg_recall (https://trtc.io/document/34965): GroupId and
	 * MsgSeqList[{MsgSeq}] required, "up to 10 message sequences" per request; the answer lists
	 * RecallRetList[{MsgSeq, RetCode}] (partial success). The page's example answers RetCode 10030 for
	 * one sequence without naming it; it is answered for a seq that holds no message. Recalling a
	 * recalled message again succeeds (the page says recalls cannot be undone; nothing is lost).
	 */
	private groupRecall(b: Body): Answer {
		if (!isString(b.GroupId)) throw new Fail(10004, 'GroupId is required');
		if (!Array.isArray(b.MsgSeqList) || b.MsgSeqList.length === 0) throw new Fail(10004, 'MsgSeqList is required');
		if (b.MsgSeqList.length > 10) throw new Fail(10004, 'at most 10 messages per request');
		const seqs = (b.MsgSeqList as Body[]).map((item) => item?.MsgSeq);
		if (!seqs.every(isPositiveInteger)) throw new Fail(10004, 'every MsgSeqList entry needs a MsgSeq');
		if (this.fake.groups.get(b.GroupId) === undefined) throw new Fail(10010, 'group does not exist');
		return {
			RecallRetList: (seqs as number[]).map((seq) => {
				if (!this.groupMessage(String(b.GroupId), seq)) return { MsgSeq: seq, RetCode: 10030 };
				this.stateOf(String(b.GroupId), seq).recalled = true;
				return { MsgSeq: seq, RetCode: 0 };
			}),
		};
	}

	/** MsgBody and/or CloudCustomData: "individually or at the same time" (both modify pages). */
	private readEdit(b: Body, code: number): { body?: unknown[]; cloudData?: string } {
		if (b.MsgBody === undefined && b.CloudCustomData === undefined) throw new Fail(code, 'MsgBody or CloudCustomData is required');
		if (b.CloudCustomData !== undefined && typeof b.CloudCustomData !== 'string') throw new Fail(code, 'CloudCustomData must be a string');
		if (b.MsgBody !== undefined) this.fake.checkMsgBody(b.MsgBody, code);
		return { body: b.MsgBody as unknown[] | undefined, cloudData: b.CloudCustomData as string | undefined };
	}

	/**
	 * openim/modify_c2c_msg (https://trtc.io/document/47722): From_Account, To_Account and MsgKey
	 * required; MsgBody and CloudCustomData optional, either or both overwrite the stored message.
	 * Error table as the openim commands: 90001 malformed, 90003 / 90008 To / From account missing or
	 * unknown; a MsgKey that names no message of these two users is answered 20001 ("invalid request",
	 * the modify pages' table, https://www.tencentcloud.com/zh/document/product/1047/47948).
	 */
	private modifyC2c(b: Body): Answer {
		if (!isString(b.From_Account) || !this.fake.users.has(b.From_Account)) throw new Fail(90008, 'From_Account is missing or does not exist');
		if (!isString(b.To_Account) || !this.fake.users.has(b.To_Account)) throw new Fail(90003, 'To_Account is missing or does not exist');
		if (!isString(b.MsgKey)) throw new Fail(90001, 'MsgKey is required');
		const edit = this.readEdit(b, 90001);
		const message = this.fake.messages.find((m) => m.MsgKey === b.MsgKey && m.From_Account === b.From_Account && m.To_Account === b.To_Account);
		if (!message) throw new Fail(20001, 'no message with this MsgKey between these accounts');
		if (edit.body) message.MsgBody = edit.body;
		if (edit.cloudData !== undefined) message.CloudCustomData = edit.cloudData;
		return {};
	}

	/**
	 * openim/modify_group_msg (https://trtc.io/document/47948, zh
	 * https://cloud.tencent.com/document/product/269/74741): GroupId and MsgSeq required, MsgBody and
	 * CloudCustomData as for one-to-one. Error table 20001 (invalid request), 90001 (malformed JSON);
	 * an unknown group or a seq without message is answered 20001 too: the page names no other code.
	 */
	private modifyGroup(b: Body): Answer {
		if (!isString(b.GroupId)) throw new Fail(90001, 'GroupId is required');
		if (!isPositiveInteger(b.MsgSeq)) throw new Fail(90001, 'MsgSeq is required');
		const edit = this.readEdit(b, 90001);
		const message = this.fake.groups.get(b.GroupId) !== undefined ? this.groupMessage(b.GroupId, b.MsgSeq) : undefined;
		if (!message || this.groupState.get(`${b.GroupId}:${b.MsgSeq}`)?.recalled) throw new Fail(20001, 'no message with this MsgSeq in the group');
		if (edit.body) message.MsgBody = edit.body;
		if (edit.cloudData !== undefined) this.stateOf(b.GroupId, b.MsgSeq).CloudCustomData = edit.cloudData;
		return {};
	}
}
