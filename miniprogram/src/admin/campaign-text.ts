/** Chinese texts of the campaign manager's pages (issue 13 §3). */
import type { CampaignAction, CampaignStatusValue } from '@scrm/shared';

export const CAMPAIGN_TEXT = {
  listTitle: '营销活动',
  detailTitle: '活动详情',
  editTitle: '编辑活动',
  intro: '按计划自动发送培育消息：有订阅授权的发微信订阅消息，没有的发站内消息。每人每天最多 1 条、每周最多 3 条。',
  statuses: { draft: '草稿', active: '进行中', paused: '已暂停', archived: '已归档' } satisfies Record<
    CampaignStatusValue,
    string
  >,
  counts: { audienceSize: '受众', members: '在活动中', sent: '已发送', clicked: '打开/点击', converted: '转化' },
  empty: '还没有营销活动。从下方的内置路径创建一个吧。',
  create: '从内置路径创建',
  created: '已创建草稿',
  version: (n: number) => `第 ${n} 版`,
  actions: { activate: '启用', pause: '暂停', resume: '恢复', archive: '归档' } satisfies Record<
    CampaignAction,
    string
  >,
  confirmTitle: (action: string) => `确定${action}？`,
  confirm: {
    activate: '启用后，符合条件的用户将按计划收到消息（每人每天最多 1 条）。',
    pause: '暂停后不再发送新消息，已在活动中的用户保留进度，恢复后继续。',
    resume: '恢复后继续按计划发送。',
    archive: '归档后活动结束且不能再修改或启用。',
  } satisfies Record<CampaignAction, string>,
  done: '已完成',
  edit: '编辑受众与步骤',
  preview: '预览（以我为收件人）',
  previewNote: '以下是按当前版本、此刻发给你的内容，与实际发送完全一致。',
  previewChannel: { subscribe_message: '微信订阅消息', in_app_message: '站内消息（无订阅授权）' },
  previewRefused: (why: string) => `不会发送：${why}`,
  previewPage: (page: string) => `打开页面：${page}`,
  /** What the server did to a field to fit WeChat's rule (`RenderedField.adjustment`); `none` shows nothing. */
  adjustments: {
    cleaned: '已去掉微信不允许的字符',
    truncated: '超出字数，已截断',
    fallback: '缺少该信息，已用默认文字代替',
  } as Record<string, string>,
  testSend: '发送测试',
  testSendNote: '发送测试只发给你自己的微信，不计入发送、频次和用户的订阅次数。',
  /** What WeChat did with a test send (`delivery.status` of `POST …/test-send`). */
  testSendResult: (status: 'sent' | 'no_openid' | 'refused' | 'not_rendered', errcode: number | null) =>
    status === 'sent'
      ? '已发送到你的微信'
      : status === 'no_openid'
        ? '你的账号未绑定微信，无法发送'
        : status === 'not_rendered'
          ? '该步骤此刻无法生成消息'
          : errcode === 43101
            ? '你还没有订阅该模板消息，微信拒收（43101）'
            : `微信拒收（${errcode ?? '网络错误'}）`,
  steps: '步骤与漏斗',
  funnel: { planned: '计划', sentSubscribe: '订阅消息', sentInApp: '站内消息', clicked: '点击' },
  funnelOther: (skipped: number, failed: number, pending: number) =>
    `跳过 ${skipped} · 失败 ${failed} · 待发送 ${pending}`,
  unknownFunnel: (n: number) => `结果未知 ${n}`,
  ab: 'A/B 结果',
  abHead: { variant: '版本', sent: '发送', clicked: '点击', rate: '点击率' },
  noVariants: '本活动没有 A/B 版本',
  unknownSends: '结果未知的发送（不会重试，请人工核对）',
  audience: '受众',
  liveCount: (n: number) => `当前符合条件：${n} 人`,
  counting: '正在计算受众…',
  lifecycle: '限定生命周期阶段（不选则不限）',
  journey: '限定购买阶段（不选则不限）',
  sendHours: '每日发送时段（北京时间）',
  sendHoursFrom: '开始',
  sendHoursTo: '结束',
  editSteps: '步骤',
  stepDelay: '延迟（小时，可填小数）',
  stepDelayInvalid: '请输入小时数，如 0.5 或 24',
  fieldLimit: (max: number | null) => (max === null ? '' : `最多 ${max} 字`),
  save: '保存为新版本',
  saved: '已保存',
  archivedReadOnly: '活动已归档，不能再修改',
  anchors: {
    entry: '进入活动',
    registered: '注册',
    trial_start: '试听开始',
    journey_stage_entered: '进入当前购买阶段',
    lifecycle_stage_entered: '进入当前生命周期阶段',
    enrolled: '报名',
  } as Record<string, string>,
} as const;
