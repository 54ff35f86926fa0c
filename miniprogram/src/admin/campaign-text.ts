/** Chinese texts of the campaign manager's pages (issue 13 §3). */
import type { CampaignAction, CampaignDestination, CampaignStatusValue, StepAnchor } from '@scrm/shared';

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
  /** Why a step would not be sent (`StepPreview.refusal`, e.g. `render_refused: missing_trial: …`), in words. */
  previewRefused: (why: string) =>
    `不会发送：${
      why.startsWith('no_content')
        ? '此刻没有适合该用户的新内容'
        : why.includes('missing_trial')
          ? '该用户没有试听预约，填不了上课时间和地点'
          : why.includes('missing_course')
            ? '该用户没有意向课程'
            : why.includes('missing_content')
              ? '该步骤没有选择发送的内容'
              : why
    }`,
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
  audienceHint: '以下条件须同时满足；不选或不填则不限。',
  slots: {
    lifecycle: '生命周期阶段',
    journey: '购买阶段',
    score: '分数',
    campuses: '校区',
    courses: '意向课程',
    roles: '身份',
    sources: '来源',
    tags: '标签（有其一即可）',
    inactive: '不活跃',
    hasGrant: '订阅授权',
    'within.registered': '最近注册',
    'within.trial_booked': '最近预约试听',
    'within.enrolled': '最近报名',
    trialStatuses: '最近一次试听的状态',
  } as Record<string, string>,
  scoreFrom: '最低',
  scoreTo: '最高',
  inactiveFrom: '至少',
  inactiveTo: '天未互动，最多',
  days: '天',
  withinDays: '天内',
  noOptions: '暂无可选项',
  roles: { parent: '家长', student: '学生', unknown: '未知' } as Record<string, string>,
  trialStatuses: { booked: '已预约', attended: '已到课', no_show: '未到课', cancelled: '已取消' } as Record<
    string,
    string
  >,
  grantChoices: { none: '不限', step: '持有本步骤模板的授权' } as Record<string, string>,
  kept: '其他条件（保持不变）',
  numberInvalid: '请输入数字',
  sendHours: '每日发送时段（北京时间）',
  sendHoursFrom: '开始',
  sendHoursTo: '结束',
  editSteps: '步骤',
  addStep: '+ 添加步骤',
  addStepHint: '选择新步骤的消息模板：',
  removeStep: '删除步骤',
  stepLabel: '步骤名称',
  timing: '发送时间',
  directions: { after: '之后', before: '之前' } as Record<string, string>,
  units: { minute: '分钟', hour: '小时', day: '天' } as Record<string, string>,
  beforeOnlyTrial: '只有“试听开始”可以设在之前',
  template: '消息模板',
  link: '点击后打开',
  links: { home: '首页', content: '推荐内容', trial: '预约试听', register: '登记', me: '我的' } satisfies Record<
    CampaignDestination,
    string
  >,
  placeholders:
    '可用占位符：{leadName} 姓名、{contentTitle} 内容标题、{courseName} 课程、{sessionTime} 上课时间、{campusName} 校区、{campusAddress} 地址',
  variants: 'A/B 版本',
  addVariant: '+ 添加版本',
  removeVariant: '删除',
  variantTitle: (key: string) => `版本 ${key.toUpperCase()}`,
  variantWeight: '比例',
  variantHint: '留空或与步骤文字相同即沿用步骤文字；每人固定分到一个版本。',
  fieldCount: (length: number, max: number, hasPlaceholders: boolean) =>
    hasPlaceholders ? `固定文字 ${length}/${max}，占位符按人填入，超出截断` : `${length}/${max}`,
  draftPreview: '预览修改后的消息（以我为收件人）',
  draftPreviewNote: '以下是按当前修改、此刻发给你的内容；有 A/B 版本的步骤逐个版本列出。',
  hidePreview: '收起预览',
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
  } satisfies Record<StepAnchor, string>,
} as const;
