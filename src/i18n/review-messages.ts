// Words of the office's review (复核): the `review` command and its walk, and the review parts of reports and batch summaries.
import { defineMessages } from './catalog.js';

/** The review catalogue. */
export const REVIEW_MESSAGES = {
  // Commands that read a review.
  'cli.opt.review': {
    zh: '按此复核记录计算核查分（默认：答卷旁的 <答卷>.review.yaml，存在时）',
    en: 'score with this review (default: <answers>.review.yaml beside the answer file, when there is one)',
  },
  'cli.reviewInvalid': {
    zh: '{file}：复核记录有 {count} 个错误，未生成报告',
    en: '{file}: the review has {count} error(s); no report was produced',
  },
  'cli.reviewUsed': {
    zh: '按复核记录 {file} 计算核查分（复核人：{reviewer}，{date}）',
    en: 'verified score from the review {file} (by {reviewer}, {date})',
  },
  'cli.example.scoreReview': { zh: '按复核记录给出自评分和核查分', en: 'the self-assessed and the verified score, from a review' },
  // Reports of one unit.
  'report.summary.line': { zh: '核查分 {score} 分，等级：{grade}', en: 'Verified score {score}, grade: {grade}' },
  'report.docx.score': { zh: '核查分', en: 'Verified score' },
  'report.section': { zh: '复核（核查）', en: 'Review (verification)' },
  'report.scores': {
    zh: '自评分 {self} 分（{selfGrade}），核查分 {verified} 分（{grade}），自评比核查{direction} {difference} 分。',
    en: 'Self-assessed {self} ({selfGrade}), verified {verified} ({grade}): the self-assessment is {difference} {direction}.',
  },
  'report.direction.higher': { zh: '高', en: 'higher' },
  'report.direction.lower': { zh: '低', en: 'lower' },
  'report.scoresEqual': {
    zh: '自评分 {self} 分（{selfGrade}），核查分 {verified} 分（{grade}），两者一致。',
    en: 'Self-assessed {self} ({selfGrade}), verified {verified} ({grade}): the same.',
  },
  'report.by': {
    zh: '复核人：{reviewer}；复核日期：{date}；复核记录：{file}。确认 {confirmed} 项，调整 {adjusted} 项。',
    en: 'Reviewer: {reviewer}; reviewed on {date}; review file: {file}. {confirmed} item(s) confirmed, {adjusted} adjusted.',
  },
  'report.changed': {
    zh: '答卷在复核之后已被修改（SHA-256 与复核记录不一致）：核查分是按当前答卷套用复核结论算出的，请重新复核。',
    en: 'The answer file has changed since it was reviewed (its SHA-256 differs from the review\'s): the verified score applies the review to the current answers; review it again.',
  },
  'report.noAdjusted': { zh: '复核未调整任何条目。', en: 'The review adjusted no item.' },
  'report.col.id': { zh: '编号', en: 'Item' },
  'report.col.text': { zh: '考核内容', en: 'What is checked' },
  'report.col.self': { zh: '自评', en: 'Self-assessed' },
  'report.col.verified': { zh: '核查', en: 'Verified' },
  'report.col.change': { zh: '得分变化', en: 'Change' },
  'report.col.reason': { zh: '调整理由', en: 'Reason' },
} as const;

/** The review messages in `lang`, with `{name}` placeholders filled. */
export const trv = defineMessages('review', REVIEW_MESSAGES);

/** A key of the review catalogue. */
export type ReviewMessageKey = keyof typeof REVIEW_MESSAGES;
