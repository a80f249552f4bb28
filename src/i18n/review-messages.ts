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
  // Batch summaries.
  'cli.opt.maxOverstatement': {
    zh: '自评分比核查分高出超过 N 分的单位视为问题（以退出码 1 结束）',
    en: 'a unit whose self-assessed score exceeds its verified score by more than N points is a finding (exit 1)',
  },
  'cli.error.badMaxOverstatement': {
    zh: '--max-overstatement 须为 0 到 100 之间的十进制数（如 5 或 2.5），收到“{value}”',
    en: '--max-overstatement must be a decimal number from 0 to 100 (such as 5 or 2.5), not "{value}"',
  },
  'cli.example.batchReview': {
    zh: '按复核后的核查分排名；自评比核查高出 10 分以上即失败',
    en: 'rank on verified scores; fail a unit that rated itself over 10 points higher',
  },
  'why.overstated': {
    zh: '自评分 {self} 比核查分 {verified} 高 {difference} 分，超过 --max-overstatement {max}',
    en: 'self-assessed {self} is {difference} above the verified {verified}, more than --max-overstatement {max}',
  },
  'batch.count.reviewed': { zh: '已复核单位', en: 'Units reviewed' },
  'batch.count.overstated': { zh: '自评高出核查超过 {max} 分', en: 'Self-assessment over {max} points above verified' },
  'batch.col.verified': { zh: '核查分', en: 'Verified' },
  'batch.col.self': { zh: '自评分', en: 'Self-assessed' },
  'batch.col.difference': { zh: '自评−核查', en: 'Self − verified' },
  'batch.note': {
    zh: '已复核 {reviewed} 个单位：核查分是县委网信办复核后的得分（未复核的单位为自评分），排名和等级以核查分为准；“自评−核查”为正表示自评偏高。',
    en: '{reviewed} unit(s) reviewed: the verified score is the score after the office\'s review (a unit not reviewed keeps its own), and ranks and grades go by it; a positive "self − verified" means the unit rated itself higher.',
  },
  'batch.overstatedLine': {
    zh: '自评分高出核查分超过 {max} 分（--max-overstatement）的单位：{count} 个。',
    en: 'Units whose self-assessment exceeds the verified score by more than {max} points (--max-overstatement): {count}.',
  },
  'batch.changed': {
    zh: '答卷在复核之后已被修改（SHA-256 与复核记录不一致），核查分按当前答卷套用复核结论计算，请重新复核：{files}',
    en: 'answer files changed since their review (the SHA-256 differs from the review\'s); their verified scores apply the review to the current answers; review them again: {files}',
  },
  'batch.other.review': { zh: '复核记录（检查表 {id}，版本 {version}）', en: 'a review (checklist {id}, version {version})' },
  'batch.junit.review': { zh: '复核记录，不是答卷：已用于其答卷的核查分', en: 'a review, not an answer file: used for its answer file\'s verified score' },
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
