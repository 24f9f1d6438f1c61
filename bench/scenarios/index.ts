 
import { easemobChatRoomSend, easemobConversationDelete, easemobOnlineStatus, easemobSendTo600Users, easemobSendToGroups, easemobSendToUsers } from './easemob';
import { tencentConversationDelete, tencentMessageSend } from './tencent';
import { thuliumDeleteContent } from './thulium';
import type { Scenario } from './types';

/** Every scenario the benchmark runs, in table order. */
export const SCENARIOS: Scenario[] = [
	tencentConversationDelete,
	tencentMessageSend,
	easemobConversationDelete,
	easemobSendToUsers,
	easemobSendToGroups,
	easemobSendTo600Users,
	easemobOnlineStatus,
	easemobChatRoomSend,
	thuliumDeleteContent,
];

export function scenarioById(id: string): Scenario {
	const scenario = SCENARIOS.find((s) => s.id === id);
	if (!scenario) throw new Error(`Unknown scenario "${id}". Known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
	return scenario;
}
