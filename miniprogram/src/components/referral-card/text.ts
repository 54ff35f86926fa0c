/** Chinese texts of the 推荐好友 card on Me (the referral track's prompt, issue 13). */
export const REFERRAL_CARD_TEXT = {
  title: '推荐好友',
  body: '推荐好友来试听，好友报名后双方都有礼。开启提醒，邀请有礼活动开始时第一时间通知你。',
  ask: '开启邀请有礼提醒',
  granted: (n: number) => `已开启，可接收 ${n} 条活动通知`,
  inWechat: '在微信小程序中打开即可开启提醒。',
} as const;
