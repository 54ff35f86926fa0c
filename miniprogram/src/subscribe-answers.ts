/** WeChat lets one `requestSubscribeMessage` call ask for at most this many templates. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

export interface SubscribeAnswer {
  type: 'subscribe_accept' | 'subscribe_reject';
  templateId: string;
}

/**
 * Whether one template's answer grants a message. WeChat documents 'accept', 'reject', 'ban' and
 * 'filter' (wx.requestSubscribeMessage), but a user who also turns on a reminder is answered
 * 'acceptWithAudio' (voice reminder, base library 2.10.0+), 'acceptWithAlert' or
 * 'acceptWithForcePush' (strong reminders, confirmed on the WeChat developer forum, 2024-05):
 * each of them is an acceptance and grants one message.
 */
export function isGrantingAnswer(answer: unknown): boolean {
  return typeof answer === 'string' && answer.startsWith('accept');
}

/**
 * The touchpoints one reply of `wx.requestSubscribeMessage` stands for: a grant for every
 * `accept…` answer; 'reject', 'ban' (the template is banned), 'filter' (filtered as a duplicate
 * title) and a template missing from the reply grant nothing.
 */
export function toSubscribeAnswers(
  askedTemplateIds: readonly string[],
  reply: Record<string, unknown>,
): SubscribeAnswer[] {
  return askedTemplateIds.slice(0, MAX_TEMPLATES_PER_REQUEST).map((templateId) => ({
    type: isGrantingAnswer(reply[templateId]) ? 'subscribe_accept' : 'subscribe_reject',
    templateId,
  }));
}

/**
 * What the `fail` of wx.requestSubscribeMessage means, by its errCode (WeChat doc
 * wx.requestSubscribeMessage → 错误码), for the log line every failure gets.
 */
export const SUBSCRIBE_ERROR_MEANINGS: Readonly<Record<number, string>> = {
  10001: 'no template ids were passed',
  10002: 'network: the template list could not be fetched',
  10003: 'network: the subscription could not be sent',
  10004: 'a template id is not a string',
  10005: 'the dialog could not be shown (the app went to the background, or no tap started it)',
  20001: 'no such template: the id is not configured for this AppID (订阅消息 → 我的模板)',
  20002: 'one-time and long-term templates were mixed in one request',
  20003: 'too many templates in one request',
  20004: 'the user turned subscription messages off for this mini-program (main switch)',
  20005: 'this mini-program is banned from subscription messages',
};

export interface SubscribeFailure {
  errCode: number | null;
  errMsg: string;
  meaning: string;
}

/** Reads a rejection of wx.requestSubscribeMessage (`{ errCode, errMsg }`, or anything else thrown). */
export function readSubscribeFailure(error: unknown): SubscribeFailure {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const errCode = typeof record.errCode === 'number' ? record.errCode : null;
  const errMsg =
    typeof record.errMsg === 'string' ? record.errMsg : error instanceof Error ? error.message : String(error);
  const meaning = (errCode === null ? undefined : SUBSCRIBE_ERROR_MEANINGS[errCode]) ?? 'unknown failure';
  return { errCode, errMsg, meaning };
}
