/**
 * The demo institution (issue 4 item 8): a language school with three campuses, six courses and
 * content tagged by the journey stage it signals (SPEC §2.2). Data only; article bodies are in
 * demo-articles.ts.
 */
import { DEMO_ARTICLE_BODIES } from './demo-articles.js';

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
    audience: '目标雅思 6.5–7 分、计划一年内出国读本科或硕士的高中生和大学生；建议入学前英语基础在 5–5.5 分左右。',
    format: '12 周 · 48 课时 · 6–10 人小班 · 每周两次课，另有每周一次全真模考',
    syllabus: [
      '第 1–2 周：入学诊断，逐项定位听说读写的失分点',
      '第 3–6 周：听力场景词与阅读题型精讲，建立做题方法',
      '第 7–9 周：写作大小作文框架与逐篇批改，口语话题库一对一打磨',
      '第 10–12 周：四次全真模考与考前冲刺，制定个人考试策略',
    ],
  },
  {
    code: 'toefl',
    name: '托福 100 分强化班',
    category: '托福',
    priceFen: 1_380_000,
    description: '真题精讲与模考，留学申请好帮手',
    audience: '申请美国、加拿大本科或研究生、目标托福 100 分以上的学生；适合已有 80 分左右基础、需要系统提分的同学。',
    format: '10 周 · 40 课时 · 8 人以内小班 · 周末全天或工作日晚间班',
    syllabus: [
      '第 1–2 周：TPO 诊断与学术词汇，阅读长难句拆解',
      '第 3–5 周：听力讲座笔记法，阅读十大题型',
      '第 6–8 周：独立与综合口语模板、综合写作与学术讨论写作',
      '第 9–10 周：机考环境模考三次，逐题复盘',
    ],
  },
  {
    code: 'kids',
    name: '少儿英语启蒙',
    category: '少儿英语',
    priceFen: 680_000,
    description: '5–8 岁外教互动课，培养语感',
    audience: '5–8 岁、刚开始接触英语或在幼儿园学过一点的孩子；家长不需要会说英语，每节课后有亲子练习指导。',
    format: '一学期 16 周 · 32 课时 · 每班 6 个孩子 · 中外教搭配，每次 45 分钟',
    syllabus: [
      '第 1–4 周：儿歌与 TPR 全身反应，熟悉课堂英语',
      '第 5–8 周：自然拼读入门，26 个字母的发音规律',
      '第 9–12 周：分级绘本共读，每周一个生活主题',
      '第 13–16 周：情景小剧场，期末亲子展示课',
    ],
  },
  {
    code: 'nce',
    name: '新概念英语二册',
    category: '新概念',
    priceFen: 480_000,
    description: '夯实语法与词汇，中学生首选',
    audience: '小学高年级到初中、课内英语成绩中等、希望打牢语法和词汇基础的学生。',
    format: '一学期 18 周 · 54 课时 · 12 人以内班级 · 周末班或寒暑假集中班',
    syllabus: [
      '第 1–6 周：第 1–32 课，时态体系与基础句型',
      '第 7–12 周：第 33–64 课，从句与非谓语动词',
      '第 13–18 周：第 65–96 课，课文背诵与写作仿写',
    ],
  },
  {
    code: 'kaoyan',
    name: '考研英语全程班',
    category: '考研英语',
    priceFen: 398_000,
    description: '阅读、写作、翻译一站式提分',
    audience: '准备参加全国硕士研究生招生考试、需要考英语一或英语二的大三学生和在职考生。',
    format: '从 3 月到考前 · 120 课时 · 直播加面授 · 每月一次阶段测试',
    syllabus: [
      '基础阶段（3–6 月）：核心词汇 5500 与长难句',
      '强化阶段（7–9 月）：阅读理解真题精讲，完形与新题型方法',
      '冲刺阶段（10–12 月）：大小作文与翻译逐篇批改，三次全真模考',
    ],
  },
  {
    code: 'biz',
    name: '商务英语口语',
    category: '商务英语',
    priceFen: 880_000,
    description: '会议、谈判与邮件，职场人士专属',
    audience: '需要用英语开会、写邮件、对接海外客户的职场人士；建议有大学英语四级左右基础。',
    format: '12 周 · 24 课时 · 4–6 人小班或一对一 · 工作日晚间 19:00 开课',
    syllabus: [
      '第 1–3 周：自我介绍、电话与视频会议常用表达',
      '第 4–6 周：商务邮件与报告写作',
      '第 7–9 周：汇报演示与数据描述',
      '第 10–12 周：谈判与跨文化沟通，结课模拟会议',
    ],
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
    title: '幼儿英语启蒙亲子指南（3–6 岁）',
    kind: 'ebook',
    topic: '少儿英语',
    stage: 'considering',
    summary: '在家就能做的 30 个英语小游戏与绘本书单',
    gatedFile: 'kids-parent-guide.pdf',
  },
  {
    title: '托福备考 60 天计划表',
    kind: 'ebook',
    topic: '托福',
    stage: 'considering',
    summary: '按天排好的听说读写练习与模考安排',
    gatedFile: 'toefl-60-days.pdf',
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

/** The body text of a demo content item: the article written for it, else a short generic one. */
export function demoContentBody(item: DemoContent): string {
  return (
    DEMO_ARTICLE_BODIES[item.title] ??
    `${item.summary}。\n\n本文整理了${item.topic}学习中家长和学员问得最多的问题，以及老师们的建议。\n\n如果想知道自己适合从哪里开始，欢迎预约一次免费试听课，和老师当面聊聊你的目标。`
  );
}
