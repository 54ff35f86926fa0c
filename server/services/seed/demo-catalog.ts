/**
 * The demo institution (issue 4 item 8): a language school with three campuses, six courses and
 * content tagged by the journey stage it signals (SPEC §2.2). Data only.
 */
export const DEMO_CAMPUSES = [
  { name: '上海徐汇校区', city: '上海', address: '徐汇区漕溪北路 88 号 5 楼' },
  { name: '上海浦东校区', city: '上海', address: '浦东新区张杨路 500 号 12 楼' },
  { name: '杭州西湖校区', city: '杭州', address: '西湖区文三路 259 号 3 楼' },
] as const;

export const DEMO_COURSES = [
  {
    code: 'ielts',
    name: '雅思 7 分冲刺班',
    category: '雅思',
    priceFen: 1_280_000,
    description: '12 周小班，听说读写全面提升',
  },
  {
    code: 'toefl',
    name: '托福 100 分强化班',
    category: '托福',
    priceFen: 1_380_000,
    description: '真题精讲与模考，留学申请好帮手',
  },
  {
    code: 'kids',
    name: '少儿英语启蒙',
    category: '少儿英语',
    priceFen: 680_000,
    description: '5–8 岁外教互动课，培养语感',
  },
  {
    code: 'nce',
    name: '新概念英语二册',
    category: '新概念',
    priceFen: 480_000,
    description: '夯实语法与词汇，中学生首选',
  },
  {
    code: 'kaoyan',
    name: '考研英语全程班',
    category: '考研英语',
    priceFen: 398_000,
    description: '阅读、写作、翻译一站式提分',
  },
  {
    code: 'biz',
    name: '商务英语口语',
    category: '商务英语',
    priceFen: 880_000,
    description: '会议、谈判与邮件，职场人士专属',
  },
] as const;

type Stage = 'exploring' | 'considering' | 'preferring';
type Kind = 'article' | 'video' | 'ebook';
interface DemoContent {
  title: string;
  kind: Kind;
  topic: string;
  stage: Stage;
  summary: string;
  gatedFile?: string;
}

export const DEMO_CONTENTS: readonly DemoContent[] = [
  {
    title: '雅思和托福该怎么选？一文讲清区别',
    kind: 'article',
    topic: '雅思',
    stage: 'exploring',
    summary: '考试结构、认可院校与备考难度对比',
  },
  {
    title: '零基础如何规划英语学习',
    kind: 'article',
    topic: '新概念',
    stage: 'exploring',
    summary: '从音标到语法，三个月打基础',
  },
  {
    title: '孩子几岁开始学英语最好？',
    kind: 'video',
    topic: '少儿英语',
    stage: 'exploring',
    summary: '语言敏感期与家长常见误区',
  },
  {
    title: '考研英语一和英语二的区别',
    kind: 'article',
    topic: '考研英语',
    stage: 'exploring',
    summary: '题型、分值与备考重点',
  },
  {
    title: '职场英语的五个高频场景',
    kind: 'video',
    topic: '商务英语',
    stage: 'exploring',
    summary: '会议、电话、邮件、汇报与社交',
  },
  {
    title: '托福口语 30 天提升计划',
    kind: 'article',
    topic: '托福',
    stage: 'exploring',
    summary: '每天 40 分钟的练习安排',
  },
  {
    title: '学员案例：从 5.5 到 7 分的 12 周',
    kind: 'article',
    topic: '雅思',
    stage: 'considering',
    summary: '一位高三学生的备考复盘',
  },
  {
    title: '雅思备考白皮书（2026 版）',
    kind: 'ebook',
    topic: '雅思',
    stage: 'considering',
    summary: '题型分析、评分标准与备考时间表',
    gatedFile: 'ielts-whitepaper.pdf',
  },
  {
    title: '少儿英语课程怎么选：三种教学法对比',
    kind: 'article',
    topic: '少儿英语',
    stage: 'considering',
    summary: '自然拼读、TPR 与绘本教学',
  },
  {
    title: '考研英语高分作文模板',
    kind: 'ebook',
    topic: '考研英语',
    stage: 'considering',
    summary: '大小作文各 10 篇范文',
    gatedFile: 'kaoyan-essays.pdf',
  },
  {
    title: '学员案例：托福 108 分拿到名校录取',
    kind: 'video',
    topic: '托福',
    stage: 'considering',
    summary: '申请季的时间管理',
  },
  {
    title: '商务英语学习指南',
    kind: 'ebook',
    topic: '商务英语',
    stage: 'considering',
    summary: '常用表达与邮件模板',
    gatedFile: 'business-english-guide.pdf',
  },
  {
    title: '雅思冲刺班课程大纲与价格',
    kind: 'article',
    topic: '雅思',
    stage: 'preferring',
    summary: '12 周课表、师资与报名优惠',
  },
  {
    title: '托福强化班课表与学费说明',
    kind: 'article',
    topic: '托福',
    stage: 'preferring',
    summary: '班型、课时与分期方式',
  },
  {
    title: '少儿英语启蒙课家长评价',
    kind: 'article',
    topic: '少儿英语',
    stage: 'preferring',
    summary: '来自 200 位家长的真实反馈',
  },
  {
    title: '新概念二册班：课程安排与价格',
    kind: 'article',
    topic: '新概念',
    stage: 'preferring',
    summary: '周末班与寒暑假班',
  },
  {
    title: '考研英语全程班学员评价',
    kind: 'video',
    topic: '考研英语',
    stage: 'preferring',
    summary: '上岸学员的真实体验',
  },
  {
    title: '商务英语口语课：试听与报名须知',
    kind: 'article',
    topic: '商务英语',
    stage: 'preferring',
    summary: '一对一与小班课的区别',
  },
];

export const DEMO_ADVISOR_NAMES = ['张老师', '王老师', '李老师', '陈老师', '刘老师', '杨老师'] as const;
export const DEMO_MANAGER_NAMES = ['赵主管', '孙主管', '周主管'] as const;

const FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['子涵', '欣怡', '梓萱', '浩然', '宇轩', '一诺', '思远', '语桐', '俊杰', '佳怡', '明轩', '雨泽'];

/** A demo name for the nth lead (deterministic). */
export function demoLeadName(n: number): string {
  return `${FAMILY[n % FAMILY.length]}${GIVEN[Math.floor(n / FAMILY.length) % GIVEN.length]}`;
}

/** The body text of a demo content item. */
export function demoContentBody(item: DemoContent): string {
  return `${item.summary}。\n\n这是演示内容：${item.title}。正文介绍了${item.topic}课程的学习方法、常见问题与学员经验。\n\n想了解更多，欢迎预约免费试听课，与课程顾问聊一聊你的目标。`;
}
