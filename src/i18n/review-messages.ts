// Words of the office's review (复核): the `review` command and its walk, and the review parts of reports and batch summaries.
import { defineMessages } from './catalog.js';

/** The review catalogue. */
export const REVIEW_MESSAGES = {
  // The review walk.
  'walk.title': { zh: '复核', en: 'Review' },
  'walk.reviewedOf': { zh: '已复核 {done}/{total}', en: '{done}/{total} reviewed' },
  'walk.own': { zh: '单位自评：{answer}', en: "The unit's answer: {answer}" },
  'walk.note': { zh: '情况说明：{note}', en: 'Note: {note}' },
  'walk.given': { zh: '单位提供的佐证材料：', en: 'Evidence the unit gave:' },
  'walk.noEvidence': { zh: '单位提供的佐证材料：无', en: 'Evidence the unit gave: none' },
  'walk.missing': { zh: '（答卷所在文件夹中没有此文件）', en: "(not in the answer file's folder)" },
  'walk.rectify': { zh: '整改计划：{measures}（责任人：{owner}；期限：{due}）', en: 'Rectification: {measures} (owner: {owner}; due {due})' },
  'walk.previous.confirmed': { zh: '已复核：确认', en: 'Reviewed: confirmed' },
  'walk.previous.adjusted': { zh: '已复核：调整为 {answer}；理由：{reason}', en: 'Reviewed: adjusted to {answer}; reason: {reason}' },
  'walk.message': { zh: '复核结论', en: 'Your verdict' },
  'walk.confirm': { zh: '确认自评结果', en: "Confirm the unit's answer" },
  'walk.adjust': { zh: '调整为核查结果…', en: 'Adjust to the verified answer…' },
  'walk.verified.status': { zh: '核查结果', en: 'Verified answer' },
  'walk.reason': { zh: '调整理由（必填）：', en: 'Reason for the adjustment (required):' },
  'walk.reason.required': { zh: '请写明调整理由', en: 'Say why the answer is adjusted' },
  'walk.sameAsAnswer': { zh: '{id} 的核查结果与自评相同，已记为“确认”。', en: "{id}: the verified answer is the unit's own, recorded as confirmed." },
  'walk.resume': { zh: '继续复核：已复核 {done}/{total} 项，从 {id} 开始。', en: 'Going on with the review: {done}/{total} reviewed, starting at {id}.' },
  'walk.none': { zh: '没有需要复核的条目（单位未作答，或没有条目符合 --only）。', en: 'No item to review (the unit answered none, or none matches --only).' },
  'walk.end': { zh: '已到最后一项：已复核 {done}/{total} 项。', en: 'That was the last item: {done}/{total} reviewed.' },
  'walk.end.message': { zh: '下一步', en: 'What next' },
  'walk.nav.finish': { zh: '✔ 完成复核', en: '✔ Finish the review' },
  'walk.nav.skip': { zh: '→ 跳过（暂不复核）', en: '→ Skip (not reviewed yet)' },
  'walk.nav.skipKeep': { zh: '→ 下一项（保留原结论）', en: '→ Next (keep the verdict)' },
  'walk.finish.confirm': { zh: '还有 {count} 项未复核（按单位自评计），确定完成复核吗？', en: '{count} item(s) not reviewed (they count as the unit answered them). Finish anyway?' },
  // The review command.
  'cli.description': {
    zh: '县委网信办复核单位的答卷：逐条确认或调整为核查结果（须写理由），记录在 <答卷>.review.yaml 中',
    en: "the office reviews a unit's answer file: confirm each answer or set the verified one with a reason, recorded in <answers>.review.yaml",
  },
  'cli.arg.answers': { zh: '单位的答卷（YAML 或 .xlsx 工作簿）', en: "the unit's answer file (YAML, or an .xlsx workbook)" },
  'cli.opt.reviewer': { zh: '复核人姓名（新建复核时必填）', en: "the reviewer's name (needed to start a review)" },
  'cli.opt.out': { zh: '复核记录文件（默认：答卷旁的 <答卷>.review.yaml）', en: 'the review file (default: <answers>.review.yaml beside the answer file)' },
  'cli.opt.only': {
    zh: '只复核这些条目，逗号分隔：fail 不符合、partial 部分符合、veto 一票否决项、evidence-missing 缺佐证材料',
    en: 'review only these items, comma-separated: fail, partial, veto (veto items), evidence-missing',
  },
  'cli.error.noTty': {
    zh: 'review 是交互式命令，需要在终端中运行（标准输入不是终端）。查看核查分请用 wangxin score，批量汇总请用 wangxin batch',
    en: 'review is interactive and needs a terminal (standard input is not one). For verified scores use wangxin score; for the office summary, wangxin batch',
  },
  'cli.error.noReviewer': { zh: '请用 --reviewer 给出复核人姓名', en: "give the reviewer's name with --reviewer" },
  'cli.error.badOnly': { zh: '--only 只能是 {allowed} 中的一个或几个（逗号分隔），收到“{value}”', en: '--only takes one or more of {allowed}, comma-separated, not "{value}"' },
  'cli.error.stdout': { zh: '复核记录须写入文件，不能是“-”', en: 'the review is written to a file, not "-"' },
  'cli.invalidAnswers': { zh: '{file}：答卷有错误，无法复核（请单位先修正）', en: '{file}: the answer file has errors and cannot be reviewed (the unit fixes it first)' },
  'cli.invalidReview': { zh: '{file}：复核记录有错误，无法继续（请修正或删除后重新复核）', en: '{file}: the review has errors and cannot be continued (fix or delete it and review again)' },
  'cli.locked': {
    zh: '复核记录 {file} 正在被另一个命令编辑（进程 {pid}，主机 {host}，始于 {since}）；锁文件：{lock}',
    en: 'the review {file} is being edited by another command (process {pid} on {host}, since {since}); lock: {lock}',
  },
  'cli.changed': {
    zh: '答卷在上次复核之后已被修改：从第一项起逐项重新复核（原结论作为默认），全部复核完成后才记录新的 SHA-256。',
    en: 'The answer file has changed since the review: every item is asked again from the first (the earlier verdicts as defaults), and the new SHA-256 is recorded once the review is finished.',
  },
  'cli.reviewerChanged': { zh: '复核人改为 {reviewer}（原为 {old}）。', en: 'Reviewer now {reviewer} (was {old}).' },
  'cli.created': { zh: '新建复核记录 {file}', en: 'New review {file}' },
  'cli.continuing': { zh: '继续复核 {file}', en: 'Continuing the review {file}' },
  'cli.changedOnDisk': {
    zh: '复核记录 {file} 在复核过程中被其他程序修改，为免覆盖已停止（文件保持原样）；请重新运行 review',
    en: 'the review {file} was changed by another program during the review; stopped so as not to overwrite it (the file is left as it is); run review again',
  },
  'cli.saveFailed': { zh: '无法保存复核记录 {file}：{reason}', en: 'cannot save the review {file}: {reason}' },
  'cli.finished': {
    zh: '复核完成：确认 {confirmed} 项，调整 {adjusted} 项。自评分 {self} 分（{selfGrade}），核查分 {verified} 分（{grade}）。复核记录：{file}',
    en: 'Review finished: {confirmed} confirmed, {adjusted} adjusted. Self-assessed {self} ({selfGrade}), verified {verified} ({grade}). Review: {file}',
  },
  'cli.scoreHint': { zh: '查看核查报告：{command}', en: 'The verified report: {command}' },
  'cli.quit': { zh: '已保存（已复核 {done}/{total} 项）：{file}', en: 'Saved ({done}/{total} reviewed): {file}' },
  'cli.interrupted': { zh: '已中断，复核已保存（已复核 {done}/{total} 项）：{file}', en: 'Interrupted; the review is saved ({done}/{total} reviewed): {file}' },
  'cli.resumeHint': { zh: '继续复核：{command}', en: 'To go on: {command}' },
  'cli.example.review': { zh: '复核某镇的答卷（结果记录在 township.review.yaml）', en: "review a township's answers (recorded in township.review.yaml)" },
  'cli.example.only': { zh: '只复核不符合、部分符合和缺佐证材料的条目', en: 'review only the failed, partial and evidence-missing items' },
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
