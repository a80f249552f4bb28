// The batch result as JUnit XML: one test case per submitted file, failing exactly when the file fails the batch.
import { INVISIBLE_CLASS } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import type { BatchSummary, FileVerdict, OtherFile } from '../model/batch.js';
import { formatLocation } from '../diagnostics/render.js';
import type { Lang } from '../i18n/lang.js';
import { formatFixed } from '../score/round.js';
import { explainReason } from './batch-reasons.js';

/** What the formatter needs besides the summary. */
export interface JunitContext {
  lang: Lang;
  /** Seconds the batch took, for the `time` attributes. */
  seconds?: number;
}

/**
 * Characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF (paired
 * surrogates). Everything else (other controls, lone surrogates, U+FFFE/U+FFFF) is removed.
 */
const ILLEGAL_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Every character any step of {@link escapeXml} changes or removes; lone and paired surrogates alike
 * take the slow path, which tells them apart.
 */
const XML_SPECIAL = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE_CLASS}\\ud800-\\udfff\\ufffe\\uffff&<>"']`);

/**
 * C0 controls but tab and line breaks (illegal in XML 1.0), DEL, C1 controls and the invisible
 * characters (bidi, zero-width): shown as `\u{…}`, as every other output shows them.
 */
const XML_SHOWN = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${INVISIBLE_CLASS}]`, 'g');

/** Escapes text for an XML attribute value or text node (also escapes `>`, so `]]>` never appears). */
export function escapeXml(text: string): string {
  // Most names and paths need nothing: one test instead of ten replaces (the JUnit of a big batch
  // escapes tens of thousands of them).
  if (!XML_SPECIAL.test(text)) return text;
  return text
    // Controls cannot be written (C0) or can hide or reorder text in a CI viewer (DEL, C1, bidi
    // overrides: "Trojan Source"): shown as \u{…}, like the Markdown and HTML reports do.
    .replace(XML_SHOWN, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
    .replace(ILLEGAL_XML, '')
    // One pass for the entities: `&` is escaped together with the others, never twice.
    .replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITY[c]);
}

const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes text for an XML text node: like attributes, but line breaks stay readable. */
function escapeText(text: string): string {
  const escaped = escapeXml(text);
  return escaped.includes('&#') ? escaped.replace(/&#10;/g, '\n').replace(/&#9;/g, '\t') : escaped;
}

/**
 * Why a file fails, as sentences a person understands, in `lang`: as the summaries say it, but
 * naming the file:line:col, every unanswered item and the exact score, which a CI log reader looks for.
 */
export function failureMessages(f: FileVerdict, lang: Lang, failUnder?: number, maxOverstatement?: number): string[] {
  const s = f.summary;
  return f.reasons.map((reason) => {
    switch (reason) {
      case 'unreadable':
      case 'invalid': {
        // The file:line:col a CI log links to.
        const first = f.errors[0];
        const head = translate(lang, `reason.${reason}`);
        return first ? `${head}: ${formatLocation(first)} ${first.message[lang]}` : head;
      }
      case 'vetoed':
        return translate(lang, 'reason.vetoed', { items: s!.vetoItems.join(', ') });
      case 'belowThreshold':
        return translate(lang, 'reason.belowThreshold', { score: formatFixed(s!.score, 2), min: failUnder });
      case 'incomplete': {
        const list = s!.unanswered.slice(0, 10).join(', ') + (s!.unanswered.length > 10 ? ', …' : '');
        return translate(lang, 'reason.incomplete', { count: s!.unanswered.length, items: list });
      }
      default:
        return explainReason(f, reason, { lang, failUnder, maxOverstatement, itemText: () => undefined });
    }
  });
}

/**
 * Formats the batch as a JUnit XML report in the common `<testsuites><testsuite>` shape Jenkins
 * and GitLab read: classname is the unit type (or `invalid`), name is the unit and its file.
 */
export function formatJunit(summary: BatchSummary, ctx: JunitContext): string {
  return formatJunitLines(summary, ctx).join('\n');
}

/**
 * {@link formatJunit}'s lines one at a time, not yet joined: a batch of 10,000 units writes them
 * as they come rather than holding megabytes of lines at once.
 */
export function* junitLines(summary: BatchSummary, ctx: JunitContext): Generator<string> {
  const { lang } = ctx;
  const time = (ctx.seconds ?? 0).toFixed(3);
  const suite = escapeXml(translate(lang, 'junit.suite'));
  // Files that are not answer files (checklists) are skipped test cases: listed, never a failure.
  // `--roster`: each unit that has not submitted is a test case too, failing unless --allow-missing.
  const missing = summary.roster?.missing ?? [];
  const allowMissing = summary.policy.allowMissing === true;
  // Other files and no answer file at all: the batch fails (nothing to score), and so does a test case.
  const nothing = summary.files.length === 0 && summary.otherFiles.length > 0 ? 1 : 0;
  const tests = summary.files.length + summary.otherFiles.length + missing.length + nothing;
  const skipped = summary.otherFiles.length + summary.files.filter((f) => f.supersededBy !== undefined && !f.failed).length + (allowMissing ? missing.length : 0);
  const failures = summary.counts.failed + (allowMissing ? 0 : missing.length) + nothing;
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield `<testsuites name="${suite}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}">`;
  yield `  <testsuite name="${suite}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}" timestamp="${escapeXml(summary.generatedAt)}">`;
  for (const f of summary.files) {
    const s = f.summary;
    const classname = s ? s.unit.type : 'invalid';
    const name = s ? `${s.unit.name} (${f.file})` : f.file;
    const open = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(name)}" file="${escapeXml(f.file)}" time="0">`;
    if (f.supersededBy !== undefined && !f.failed) {
      // `--allow-duplicates`: a superseded copy is not scored, so it is skipped rather than passed.
      yield* [open, `      <skipped message="${escapeXml(translate(lang, 'reason.duplicate', { kept: f.supersededBy }))}" />`, '    </testcase>'];
      continue;
    }
    if (!f.failed) {
      yield `${open.slice(0, -1)} />`;
      continue;
    }
    const messages = failureMessages(f, lang, summary.policy.failUnder, summary.policy.maxOverstatement);
    const type = f.reasons.join(',');
    const details = [...messages];
    for (const d of f.errors.slice(1)) details.push(`${formatLocation(d)} ${d.message[lang]}`);
    if (f.errorCount > f.errors.length) details.push(translate(lang, 'md.moreErrors', { count: f.errorCount - f.errors.length }));
    if (s) details.push(translate(lang, 'junit.ok', { unit: s.unit.name, score: formatFixed(s.score, 2), grade: s.grade.label }));
    yield* [open, `      <failure message="${escapeXml(messages.join('; '))}" type="${escapeXml(type)}">${escapeText(details.join('\n'))}</failure>`, '    </testcase>'];
  }
  const otherMessage: Record<OtherFile['kind'], string> = {
    checklist: escapeXml(translate(lang, 'junit.other')),
    review: escapeXml(translate(lang, 'review.batch.junit.review')),
    roster: escapeXml(translate(lang, 'junit.other.roster')),
    output: escapeXml(translate(lang, 'junit.other.output')),
  };
  for (const o of summary.otherFiles) {
    yield* [`    <testcase classname="other" name="${escapeXml(o.file)}" file="${escapeXml(o.file)}" time="0">`, `      <skipped message="${otherMessage[o.kind]}" />`, '    </testcase>'];
  }
  if (nothing) {
    const message = escapeXml(translate(lang, 'batch.cli.nothingScored', { other: summary.otherFiles.length }));
    yield* [`    <testcase classname="batch" name="${message}" time="0">`, `      <failure message="${message}" type="nothingScored" />`, '    </testcase>'];
  }
  const missingMessage = escapeXml(translate(lang, 'junit.missing'));
  for (const u of missing) {
    yield* [
      `    <testcase classname="${escapeXml(u.type)}" name="${escapeXml(u.name)}" time="0">`,
      allowMissing ? `      <skipped message="${missingMessage}" />` : `      <failure message="${missingMessage}" type="missing" />`,
      '    </testcase>',
    ];
  }
  yield* ['  </testsuite>', '</testsuites>', ''];
}

/** The JUnit XML of a batch as lines (see {@link junitLines}, which gives them one at a time). */
export function formatJunitLines(summary: BatchSummary, ctx: JunitContext): string[] {
  return [...junitLines(summary, ctx)];
}
