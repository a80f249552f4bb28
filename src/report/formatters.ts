// The report formatters, chosen by name: plain functions (report, ctx) => string.
import { escapeJsonText } from '../util/safe-text.js';
import type { Report } from '../model/report.js';
import { formatHtml } from './html-report.js';
import { formatMarkdown } from './markdown-report.js';
import type { FormatContext } from './view.js';

export type { FormatContext } from './view.js';

/** The report formats. */
export type ReportFormat = 'md' | 'json' | 'html';

/** Every report format, in the order help text lists them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'json', 'html'];

/**
 * A formatter: the report and a context (`lang` for the words around the data, `checklist` for
 * guidance, expected evidence and section titles) to the text of a file. JSON ignores the context.
 */
export type ReportFormatter = (report: Report, ctx: FormatContext) => string;

/** The JSON report, pretty-printed, with a final newline. */
export function formatJson(report: Report): string {
  return escapeJsonText(JSON.stringify(report, null, 2)) + '\n';
}

const FORMATTERS: Record<ReportFormat, ReportFormatter> = {
  md: formatMarkdown,
  json: formatJson,
  html: formatHtml,
};

/** The formatter for a format name. */
export function getFormatter(name: ReportFormat): ReportFormatter {
  const formatter = FORMATTERS[name];
  if (!formatter) throw new Error(`unknown report format: ${String(name)}`);
  return formatter;
}

/** The format a file name suggests (`.md`, `.json`, `.html`/`.htm`), for `--out` without `--format`. */
export function formatForFile(file: string): ReportFormat | undefined {
  const m = /\.(md|markdown|json|html?)$/i.exec(file);
  if (!m) return undefined;
  const ext = m[1].toLowerCase();
  return ext === 'json' ? 'json' : ext.startsWith('htm') ? 'html' : 'md';
}
