/** WeChat lets one `requestSubscribeMessage` call ask for at most this many templates. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

export interface SubscribeAnswer {
  type: 'subscribe_accept' | 'subscribe_reject';
  templateId: string;
}

/**
 * The touchpoints one reply of `wx.requestSubscribeMessage` stands for: WeChat answers each asked
 * template with 'accept', 'reject', 'ban' (the user turned the template off) or 'filter' (the
 * template was filtered out); only 'accept' grants a message, and a template missing from the
 * reply granted nothing either.
 */
export function toSubscribeAnswers(
  askedTemplateIds: readonly string[],
  reply: Record<string, unknown>,
): SubscribeAnswer[] {
  return askedTemplateIds.slice(0, MAX_TEMPLATES_PER_REQUEST).map((templateId) => ({
    type: reply[templateId] === 'accept' ? 'subscribe_accept' : 'subscribe_reject',
    templateId,
  }));
}
