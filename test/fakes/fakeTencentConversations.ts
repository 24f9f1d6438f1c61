// Conversation read state and pinning of the fake Tencent Cloud Chat API, each rule with the page
// that states it. Unread counts live in FakeTencent.unread (`recipient|sender`), which sends fill.
import type { FakeTencent } from './fakeTencent';
import { Fail, isString } from './fakeTencent';

type Body = Record<string, unknown>;
type Answer = Record<string, unknown>;

export class FakeTencentConversations {
	constructor(private readonly fake: FakeTencent) {}

	routes(): Record<string, (body: Body) => Answer> {
		return {
			'openim/get_c2c_unread_msg_num': (b) => this.unreadCount(b),
			'openim/admin_set_msg_read': (b) => this.setRead(b),
			'recentcontact/top': (b) => this.top(b),
		};
	}

	/**
	 * openim/get_c2c_unread_msg_num (https://www.tencentcloud.com/document/product/1047/41046, zh
	 * https://cloud.tencent.com/document/product/269/56043): To_Account required (90003 when missing
	 * or unknown); without Peer_Account the answer is AllC2CUnreadMsgNum, with it (an array of at most
	 * 10) C2CUnreadMsgNumList[{Peer_Account, C2CUnreadMsgNum}], peers that do not exist in
	 * ErrorList[{Peer_Account, ErrorCode: 70107}]. 90001 for a malformed body.
	 */
	private unreadCount(b: Body): Answer {
		if (!isString(b.To_Account) || !this.fake.users.has(b.To_Account)) throw new Fail(90003, 'To_Account is missing or does not exist');
		const me = b.To_Account;
		if (b.Peer_Account === undefined) {
			let total = 0;
			for (const [key, count] of this.fake.unread) if (key.startsWith(`${me}|`)) total += count;
			return { AllC2CUnreadMsgNum: total };
		}
		if (!Array.isArray(b.Peer_Account) || b.Peer_Account.length === 0 || !b.Peer_Account.every(isString)) throw new Fail(90001, 'Peer_Account must be an array of UserIDs');
		if (b.Peer_Account.length > 10) throw new Fail(90001, 'Peer_Account holds at most 10 UserIDs');
		const list: Answer[] = [];
		const errors: Answer[] = [];
		for (const peer of b.Peer_Account as string[]) {
			if (!this.fake.users.has(peer)) errors.push({ Peer_Account: peer, ErrorCode: 70107 });
			else list.push({ Peer_Account: peer, C2CUnreadMsgNum: this.fake.unread.get(`${me}|${peer}`) ?? 0 });
		}
		return errors.length > 0 ? { C2CUnreadMsgNumList: list, ErrorList: errors } : { C2CUnreadMsgNumList: list };
	}

	/**
	 * openim/admin_set_msg_read (https://www.tencentcloud.com/document/product/1047/38996):
	 * Report_Account (the reader) and Peer_Account required; MsgReadTime optional, a timestamp in
	 * seconds typed String on the page ("messages before it are all read; default now"). Error table:
	 * 90001 JSON, 90003 / 90008 an account missing or unknown. Which of the two names which field is
	 * not said; 90008 is answered for Report_Account (the From side) and 90003 for Peer_Account.
	 * A number is accepted for MsgReadTime as well (the reading that refuses no valid time).
	 */
	private setRead(b: Body): Answer {
		if (!isString(b.Report_Account) || !this.fake.users.has(b.Report_Account)) throw new Fail(90008, 'Report_Account is missing or does not exist');
		if (!isString(b.Peer_Account) || !this.fake.users.has(b.Peer_Account)) throw new Fail(90003, 'Peer_Account is missing or does not exist');
		const key = `${b.Report_Account}|${b.Peer_Account}`;
		if (b.MsgReadTime === undefined) {
			this.fake.unread.delete(key);
			return {};
		}
		const readTime = Number(b.MsgReadTime);
		if ((typeof b.MsgReadTime !== 'string' && typeof b.MsgReadTime !== 'number') || !/^\d{1,10}$/.test(String(b.MsgReadTime))) throw new Fail(90001, 'MsgReadTime must be Unix seconds');
		// Messages after the read time stay unread (those sent with NoUnread never counted).
		const stillUnread = this.fake.messages.filter(
			(m) =>
				m.From_Account === b.Peer_Account &&
				m.To_Account === b.Report_Account &&
				m.MsgTimeStamp > readTime &&
				!((m.request.SendMsgControl as string[] | undefined) ?? []).includes('NoUnread'),
		).length;
		if (stillUnread === 0) this.fake.unread.delete(key);
		else this.fake.unread.set(key, Math.min(stillUnread, this.fake.unread.get(key) ?? stillUnread));
		return {};
	}

	/**
	 * recentcontact/top (https://trtc.io/document/78304): From_Account, OperationType (1 pin, 2 unpin)
	 * and RecentContactItem[{Type 1 with To_Account | Type 2 with GroupId}] required; the answer
	 * carries ErrorDisplay like the other recentcontact commands. Error codes as recentcontact/delete
	 * (50001 account not imported, 50002 invalid parameter, https://trtc.io/document/43088). The page
	 * does not say what pinning a conversation that is not in the list does: it is added, pinned, so a
	 * pin is never lost. The client SDK pages cap pinned conversations at 50; the REST page names no
	 * code for it, so the fake does not refuse more.
	 */
	private top(b: Body): Answer {
		if (!isString(b.From_Account)) throw new Fail(50002, 'From_Account is required');
		if (b.OperationType !== 1 && b.OperationType !== 2) throw new Fail(50002, 'OperationType must be 1 or 2');
		if (!Array.isArray(b.RecentContactItem) || b.RecentContactItem.length === 0) throw new Fail(50002, 'RecentContactItem is required');
		const items = b.RecentContactItem as Body[];
		for (const item of items) {
			if (item?.Type === 1 && isString(item.To_Account)) continue;
			if (item?.Type === 2 && isString(item.GroupId)) continue;
			throw new Fail(50002, 'each RecentContactItem needs Type 1 with To_Account or Type 2 with GroupId');
		}
		if (!this.fake.users.has(b.From_Account)) throw new Fail(50001, 'From_Account is not imported');
		const list = this.fake.conversationsOf(b.From_Account);
		for (const item of items) {
			const type = item.Type as 1 | 2;
			const peer = String(type === 1 ? item.To_Account : item.GroupId);
			const entry = list.get(`${type}:${peer}`);
			if (entry) entry.TopFlag = b.OperationType === 1 ? 1 : 0;
			else if (b.OperationType === 1) this.fake.addConversation(b.From_Account, type, peer, 0, true);
		}
		return { ErrorDisplay: '' };
	}
}
