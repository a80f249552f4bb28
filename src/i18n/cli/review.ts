// wangxin review on the command line, and the commands that read a review: help, the walk's screens and prompts, errors and status lines.
import type { Catalogue } from '../catalog.js';

/** wangxin review on the command line, and the review options of score and batch. */
export const REVIEW_CLI = {
  // The review walk.
  'review.walk.title': { zh: '复核', en: 'Review' },
  'review.walk.reviewedOf': { zh: '已复核 {done}/{total}', en: '{done}/{total} reviewed' },
  'review.walk.own': { zh: '单位自评：{answer}', en: "The unit's answer: {answer}" },
  'review.walk.note': { zh: '情况说明：{note}', en: 'Note: {note}' },
  'review.walk.given': { zh: '单位提供的佐证材料：', en: 'Evidence the unit gave:' },
  'review.walk.noEvidence': { zh: '单位提供的佐证材料：无', en: 'Evidence the unit gave: none' },
  'review.walk.rectify': { zh: '整改计划：{measures}（责任人：{owner}；期限：{due}）', en: 'Rectification: {measures} (owner: {owner}; due {due})' },
  'review.walk.previous.confirmed': { zh: '已复核：确认', en: 'Reviewed: confirmed' },
  'review.walk.previous.adjusted': { zh: '已复核：调整为 {answer}；理由：{reason}', en: 'Reviewed: adjusted to {answer}; reason: {reason}' },
  'review.walk.message': { zh: '复核结论', en: 'Your verdict' },
  'review.walk.confirm': { zh: '确认自评结果', en: "Confirm the unit's answer" },
  'review.walk.adjust': { zh: '调整为核查结果…', en: 'Adjust to the verified answer…' },
  'review.walk.verified.status': { zh: '核查结果', en: 'Verified answer' },
  'review.walk.reason': { zh: '调整理由（必填）：', en: 'Reason for the adjustment (required):' },
  'review.walk.reason.required': { zh: '请写明调整理由', en: 'Say why the answer is adjusted' },
  'review.walk.sameAsAnswer': { zh: '{id} 的核查结果与自评相同，已记为“确认”。', en: "{id}: the verified answer is the unit's own, recorded as confirmed." },
  'review.walk.resume': { zh: '继续复核：已复核 {done}/{total} 项，从 {id} 开始。', en: 'Going on with the review: {done}/{total} reviewed, starting at {id}.' },
  'review.walk.none': { zh: '没有需要复核的条目（单位未作答，或没有条目符合 --only）。', en: 'No item to review (the unit answered none, or none matches --only).' },
  'review.walk.end': { zh: '已到最后一项：已复核 {done}/{total} 项。', en: 'That was the last item: {done}/{total} reviewed.' },
  'review.walk.end.message': { zh: '下一步', en: 'What next' },
  'review.walk.nav.finish': { zh: '✔ 完成复核', en: '✔ Finish the review' },
  'review.walk.nav.skip': { zh: '→ 跳过（暂不复核）', en: '→ Skip (not reviewed yet)' },
  'review.walk.nav.skipKeep': { zh: '→ 下一项（保留原结论）', en: '→ Next (keep the verdict)' },
  'review.walk.finish.confirmStale': {
    zh: '答卷在上次复核后改过，还有 {count} 项未重新看过（沿用上次的复核结论，可能已与答卷不符），确定完成复核吗？',
    en: 'The answers changed since the last review and {count} item(s) have not been looked at again (their earlier verdicts stand, and may no longer fit the answers). Finish anyway?',
  },
  'review.walk.finish.confirm': { zh: '还有 {count} 项未复核（按单位自评计），确定完成复核吗？', en: '{count} item(s) not reviewed (they count as the unit answered them). Finish anyway?' },
  // The review command.
  'review.cli.description': {
    zh: '县委网信办复核单位的答卷：逐条确认或调整为核查结果（须写理由），记录在 <答卷>.review.yaml 中',
    en: "the office reviews a unit's answer file: confirm each answer or set the verified one with a reason, recorded in <answers>.review.yaml",
  },
  'review.cli.arg.answers': { zh: '单位的答卷（YAML 或 .xlsx 工作簿）', en: "the unit's answer file (YAML, or an .xlsx workbook)" },
  'review.cli.opt.reviewer': { zh: '复核人姓名（新建复核时必填）', en: "the reviewer's name (needed to start a review)" },
  'review.cli.opt.out': { zh: '复核记录文件（默认：答卷旁的 <答卷>.review.yaml）', en: 'the review file (default: <answers>.review.yaml beside the answer file)' },
  'review.cli.opt.only': {
    zh: '只复核这些条目，逗号分隔：fail 不符合、partial 部分符合、veto 一票否决项、evidence-missing 缺佐证材料',
    en: 'review only these items, comma-separated: fail, partial, veto (veto items), evidence-missing',
  },
  'review.cli.error.noTty': {
    zh: 'review 是交互式命令，需要在终端中运行（标准输入不是终端）。查看核查分请用 wangxin score，批量汇总请用 wangxin batch',
    en: 'review is interactive and needs a terminal (standard input is not one). For verified scores use wangxin score; for the office summary, wangxin batch',
  },
  'review.cli.error.noReviewer': { zh: '请用 --reviewer 给出复核人姓名', en: "give the reviewer's name with --reviewer" },
  'review.cli.error.badOnly': { zh: '--only 只能是 {allowed} 中的一个或几个（逗号分隔），收到“{value}”', en: '--only takes one or more of {allowed}, comma-separated, not "{value}"' },
  'review.cli.error.stdout': { zh: '复核记录须写入文件，不能是“-”', en: 'the review is written to a file, not "-"' },
  'review.cli.invalidAnswers': { zh: '{file}：答卷有错误，无法复核（请单位先修正）', en: '{file}: the answer file has errors and cannot be reviewed (the unit fixes it first)' },
  'review.cli.invalidReview': { zh: '{file}：复核记录有错误，无法继续（请修正或删除后重新复核）', en: '{file}: the review has errors and cannot be continued (fix or delete it and review again)' },
  'review.cli.locked': {
    zh: '复核记录 {file} 正在被另一个命令编辑（进程 {pid}，主机 {host}，始于 {since}）；锁文件：{lock}',
    en: 'the review {file} is being edited by another command (process {pid} on {host}, since {since}); lock: {lock}',
  },
  'review.cli.changed': {
    zh: '答卷在上次复核之后已被修改：从第一项起逐项重新复核（原结论作为默认），全部复核完成后才记录新的 SHA-256。',
    en: 'The answer file has changed since the review: every item is asked again from the first (the earlier verdicts as defaults), and the new SHA-256 is recorded once the review is finished.',
  },
  'review.cli.reviewerChanged': { zh: '复核人改为 {reviewer}（原为 {old}）。', en: 'Reviewer now {reviewer} (was {old}).' },
  'review.cli.created': { zh: '新建复核记录 {file}', en: 'New review {file}' },
  'review.cli.continuing': { zh: '继续复核 {file}', en: 'Continuing the review {file}' },
  'review.cli.changedOnDisk': {
    zh: '复核记录 {file} 在复核过程中被其他程序修改，为免覆盖已停止（文件保持原样）；请重新运行 review',
    en: 'the review {file} was changed by another program during the review; stopped so as not to overwrite it (the file is left as it is); run review again',
  },
  'review.cli.saveFailed': { zh: '无法保存复核记录 {file}：{reason}', en: 'cannot save the review {file}: {reason}' },
  'review.cli.finished': {
    zh: '复核完成：确认 {confirmed} 项，调整 {adjusted} 项。自评分 {self} 分（{selfGrade}），核查分 {verified} 分（{grade}）。复核记录：{file}',
    en: 'Review finished: {confirmed} confirmed, {adjusted} adjusted. Self-assessed {self} ({selfGrade}), verified {verified} ({grade}). Review: {file}',
  },
  'review.cli.scoreHint': { zh: '查看核查报告：{command}', en: 'The verified report: {command}' },
  'review.cli.quit': { zh: '已保存（已复核 {done}/{total} 项）：{file}', en: 'Saved ({done}/{total} reviewed): {file}' },
  'review.cli.interrupted': { zh: '已中断，复核已保存（已复核 {done}/{total} 项）：{file}', en: 'Interrupted; the review is saved ({done}/{total} reviewed): {file}' },
  'review.cli.resumeHint': { zh: '继续复核：{command}', en: 'To go on: {command}' },
  'review.cli.example.review': { zh: '复核某镇的答卷（结果记录在 township.review.yaml）', en: "review a township's answers (recorded in township.review.yaml)" },
  'review.cli.example.only': { zh: '只复核不符合、部分符合和缺佐证材料的条目', en: 'review only the failed, partial and evidence-missing items' },
  // Commands that read a review.
  'review.cli.opt.review': {
    zh: '按此复核记录计算核查分（默认：答卷旁的 <答卷>.review.yaml，存在时）',
    en: 'score with this review (default: <answers>.review.yaml beside the answer file, when there is one)',
  },
  'review.cli.reviewInvalid': {
    zh: '{file}：复核记录有 {count} 个错误，未生成报告',
    en: '{file}: the review has {count} error(s); no report was produced',
  },
  'review.cli.reviewUsed': {
    zh: '按复核记录 {file} 计算核查分（复核人：{reviewer}，{date}）',
    en: 'verified score from the review {file} (by {reviewer}, {date})',
  },
  'review.cli.example.scoreReview': { zh: '按复核记录给出自评分和核查分', en: 'the self-assessed and the verified score, from a review' },
  // Batch summaries.
  'review.cli.opt.maxOverstatement': {
    zh: '自评分比核查分高出超过 N 分的单位视为问题（以退出码 1 结束）',
    en: 'a unit whose self-assessed score exceeds its verified score by more than N points is a finding (exit 1)',
  },
  'review.cli.error.badMaxOverstatement': {
    zh: '--max-overstatement 须为 0 到 100 之间的十进制数（如 5 或 2.5），收到“{value}”',
    en: '--max-overstatement must be a decimal number from 0 to 100 (such as 5 or 2.5), not "{value}"',
  },
  'review.cli.example.batchReview': {
    zh: '按复核后的核查分排名；自评比核查高出 10 分以上即失败',
    en: 'rank on verified scores; fail a unit that rated itself over 10 points higher',
  },
} as const satisfies Catalogue;
