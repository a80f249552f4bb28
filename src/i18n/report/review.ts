// The office's review in reports: the verified score beside the self-assessed one, the adjusted items, and the batch's review columns and notes.
import type { Catalogue } from '../catalog.js';

/** The review's wording in the unit reports and batch summaries. */
export const REVIEW_REPORT = {
  'review.why.overstated': {
    zh: '自评分 {self} 比核查分 {verified} 高 {difference} 分，超过 --max-overstatement {max}',
    en: 'self-assessed {self} is {difference} above the verified {verified}, more than --max-overstatement {max}',
  },
  'review.batch.count.reviewed': { zh: '已复核单位', en: 'Units reviewed' },
  'review.batch.count.overstated': { zh: '自评高出核查超过 {max} 分', en: 'Self-assessment over {max} point(s) above verified' },
  'review.batch.col.verified': { zh: '核查分', en: 'Verified' },
  'review.batch.col.self': { zh: '自评分', en: 'Self-assessed' },
  'review.batch.col.difference': { zh: '自评−核查', en: 'Self − verified' },
  'review.batch.note': {
    zh: '已复核 {reviewed} 个单位：核查分是县委网信办复核后的得分（未复核的单位为自评分），排名和等级以核查分为准；“自评−核查”为正表示自评偏高。',
    en: '{reviewed} unit(s) reviewed: the verified score is the score after the office\'s review (a unit not reviewed keeps its own), and ranks and grades go by it; a positive "self − verified" means the unit rated itself higher.',
  },
  'review.batch.overstatedLine': {
    zh: '自评分高出核查分超过 {max} 分（--max-overstatement）的单位：{count} 个。',
    en: 'Units whose self-assessment exceeds the verified score by more than {max} point(s) (--max-overstatement): {count}.',
  },
  'review.batch.changed': {
    zh: '答卷在复核之后已被修改（SHA-256 与复核记录不一致），核查分按当前答卷套用复核结论计算，请重新复核：{files}',
    en: 'answer files changed since their review (the SHA-256 differs from the review\'s); their verified scores apply the review to the current answers; review them again: {files}',
  },
  'review.batch.other.review': { zh: '复核记录（检查表 {id}，版本 {version}）', en: 'a review (checklist {id}, version {version})' },
  'review.batch.junit.review': { zh: '复核记录，不是答卷：已用于其答卷的核查分', en: 'a review, not an answer file: used for its answer file\'s verified score' },
  // Reports of one unit.
  'review.report.summary.line': { zh: '核查分 {score} 分，等级：{grade}', en: 'Verified score {score}, grade: {grade}' },
  'review.report.docx.score': { zh: '核查分', en: 'Verified score' },
  'review.report.section': { zh: '复核（核查）', en: 'Review (verification)' },
  'review.report.scores': {
    zh: '自评分 {self} 分（{selfGrade}），核查分 {verified} 分（{grade}），自评比核查{direction} {difference} 分。',
    en: 'Self-assessed {self} ({selfGrade}), verified {verified} ({grade}): the self-assessment is {difference} {direction}.',
  },
  'review.report.direction.higher': { zh: '高', en: 'higher' },
  'review.report.direction.lower': { zh: '低', en: 'lower' },
  'review.report.scoresEqual': {
    zh: '自评分 {self} 分（{selfGrade}），核查分 {verified} 分（{grade}），两者一致。',
    en: 'Self-assessed {self} ({selfGrade}), verified {verified} ({grade}): the same.',
  },
  'review.report.by': {
    zh: '复核人：{reviewer}；复核日期：{date}；复核记录：{file}。确认 {confirmed} 项，调整 {adjusted} 项。',
    en: 'Reviewer: {reviewer}; reviewed on {date}; review file: {file}. {confirmed} item(s) confirmed, {adjusted} adjusted.',
  },
  'review.report.changed': {
    zh: '答卷在复核之后已被修改（SHA-256 与复核记录不一致）：核查分是按当前答卷套用复核结论算出的，请重新复核。',
    en: 'The answer file has changed since it was reviewed (its SHA-256 differs from the review\'s): the verified score applies the review to the current answers; review it again.',
  },
  'review.report.noAdjusted': { zh: '复核未调整任何条目。', en: 'The review adjusted no item.' },
  'review.report.col.id': { zh: '编号', en: 'Item' },
  'review.report.col.text': { zh: '考核内容', en: 'What is checked' },
  'review.report.col.self': { zh: '自评', en: 'Self-assessed' },
  'review.report.col.verified': { zh: '核查', en: 'Verified' },
  'review.report.col.change': { zh: '得分变化', en: 'Change' },
  'review.report.col.reason': { zh: '调整理由', en: 'Reason' },
} as const satisfies Catalogue;
