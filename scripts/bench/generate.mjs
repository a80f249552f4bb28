// Generates a realistic, deterministic set of answer files for the built-in checklist (a mix of writers' styles, about 10% invalid in varied ways).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same files. */
export function makeRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The items of a checklist with what the generator needs to answer them. */
export function loadItems(checklistFile) {
  const checklist = parse(readFileSync(checklistFile, 'utf8'));
  const items = [];
  for (const area of checklist.areas) {
    const direct = area.items ?? [];
    const nested = (area.sections ?? []).flatMap((s) => s.items);
    for (const item of [...direct, ...nested]) items.push(item);
  }
  return { checklist, items, types: checklist.unitTypes.map((u) => u.id) };
}

const NOTES = [
  '已于3月中心组专题学习', '党委会传达会议精神并印发任务分工', '年内组织专题讲座，干部58人参加', '已形成问题清单5条，整改措施未明确责任人和时限',
  '网站和公众号均开设学习专栏', '有年度宣传计划，但议题设置清单不完整', '年内制作短视频4件、图解2件', '信息发布审核登记表齐全',
  '预案已修订印发，年内尚未组织演练', '等级保护测评已完成，整改2项', '“某某发布”每月更新，另一账号3个月未更新', '值班记录完整（含节假日）',
];
const EVIDENCE = ['2026-03-会议纪要.pdf', '培训签到表.pdf', 'https://example.org/notice/2026/0915.html', '整改台账.xlsx', '检查记录.docx'];
const PLACES = ['东城', '西山', '南湖', '北岭', '青石', '白沙', '云峰', '金河', '红岩', '柳溪'];
const TYPE_NAMES = { township: '镇党委', department: '县局', 'cyber-office': '县委网信办', 'internet-enterprise': '网络科技有限公司', 'cii-operator': '供电公司' };

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

/** Quotes a string for a YAML flow mapping when it needs it (here: always double-quoted JSON, which is valid YAML). */
function q(text) {
  return JSON.stringify(text);
}

function answerFor(random, item, unitType) {
  const kind = item.kind ?? 'status';
  const parts = [];
  const r = random();
  if (r < 0.04 && !item.veto) {
    parts.push('status: na', `note: ${q('本单位不涉及：' + pick(random, NOTES))}`);
    return `{ ${parts.join(', ')} }`;
  }
  if (kind === 'ratio') parts.push(`value: ${(Math.round(random() * 100) / 100).toFixed(2)}`);
  else if (kind === 'deduct') {
    const counts = (item.deductions ?? []).filter(() => random() < 0.3).map((d) => `${d.id}: ${1 + Math.floor(random() * 3)}`);
    parts.push(`deductions: { ${counts.join(', ')} }`);
  } else {
    const s = random();
    // Veto items fail rarely (a vetoed unit is news); other items follow a plausible spread.
    const status = item.veto ? (s < 0.02 ? 'fail' : 'pass') : s < 0.62 ? 'pass' : s < 0.85 ? 'partial' : 'fail';
    parts.push(`status: ${status}`);
  }
  if (random() < 0.7) parts.push(`note: ${random() < 0.5 ? q(pick(random, NOTES)) : pick(random, NOTES)}`);
  if (random() < 0.4) parts.push(`evidence: [${q(pick(random, EVIDENCE))}${random() < 0.3 ? ', ' + q(pick(random, EVIDENCE)) : ''}]`);
  void unitType;
  return `{ ${parts.join(', ')} }`;
}

/**
 * How a file is written: answer files come from many writers. \`init\` writes one flow mapping per
 * item; PyYAML, Go and many editors write block style with sequences at their key's indentation;
 * people fold long notes over several lines; JSON-minded tools quote keys; Windows editors end
 * lines with CRLF and may start with a BOM. Each of these is at least 10 % of the files.
 */
function pickStyle(random, invalid) {
  // Invalid files whose fault is in the flow layout itself keep it.
  const fixed = invalid === 'bad-yaml' || invalid === 'tab-indent' || invalid === 'gbk';
  const block = !fixed && random() < 0.45;
  return {
    block,
    folded: block && random() < 0.35,
    quotedKeys: !fixed && random() < 0.15,
    crlf: invalid !== 'gbk' && random() < 0.15,
    bom: invalid !== 'gbk' && random() < 0.12,
  };
}

/** A short name for a style, for tests and the bench's summary line. */
function styleName(style) {
  return [style.block ? 'block' : 'flow', style.folded && 'folded', style.quotedKeys && 'quoted-keys', style.crlf && 'crlf', style.bom && 'bom'].filter(Boolean).join('+');
}

/** A string written plain in block style where a YAML writer would (else double-quoted). */
function blockScalar(value) {
  if (typeof value !== 'string') return String(value);
  const plain = /^[\u4e00-\u9fffA-Za-z0-9“]/.test(value) && !/: | #|:$|\s$/.test(value) && !/^[-+.0-9][-+.0-9_eE]*$|^(?:true|false|null|yes|no|on|off)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Folds a long note over lines of about `width` characters, indented under its key (a plain multi-line scalar). */
function foldNote(text, indent, width) {
  const out = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out.map((part, i) => (i === 0 ? part : `\n${indent}${part}`)).join('');
}

/** Rewrites the flow-style lines in `style` (block layout, folded notes, quoted keys); the values stay the same except folded notes. */
function restyle(lines, style, random) {
  if (!style.block && !style.quotedKeys) return lines;
  const out = [];
  for (const line of lines) {
    const m = /^ {2}([A-Z][\w.]*): (\{.*\})$/.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const key = style.quotedKeys ? JSON.stringify(m[1]) : m[1];
    if (!style.block) {
      out.push(`  ${key}: ${m[2]}`);
      continue;
    }
    const answer = parse(m[2]);
    out.push(`  ${key}:`);
    for (const [k, v] of Object.entries(answer)) {
      const name = style.quotedKeys ? `'${k}'` : k;
      if (Array.isArray(v)) {
        out.push(`    ${name}:`, ...v.map((e) => `    - ${blockScalar(e)}`));
      } else if (v !== null && typeof v === 'object') {
        const entries = Object.entries(v);
        if (entries.length === 0) out.push(`    ${name}: {}`);
        else out.push(`    ${name}:`, ...entries.map(([dk, dv]) => `      ${dk}: ${dv}`));
      } else if (k === 'note' && style.folded && typeof v === 'string' && /^[\u4e00-\u9fff]/.test(v)) {
        const long = `${v}，${pick(random, NOTES)}，${pick(random, NOTES)}`;
        out.push(`    ${name}: ${foldNote(long, '      ', 16)}`);
      } else {
        out.push(`    ${name}: ${blockScalar(v)}`);
      }
    }
  }
  return out.join('\n').split('\n');
}

/** The kinds of invalid file, each a way real submissions go wrong. */
export const INVALID_KINDS = ['bad-yaml', 'unknown-item', 'value-1.5', 'na-without-note', 'wrong-version', 'gbk', 'duplicate-key', 'tab-indent', 'unknown-type', 'missing-unit'];

let gbkTable;
/** Encodes text as GBK (office software's default on Chinese Windows), through a reverse table of TextDecoder('gbk'). */
export function encodeGbk(text) {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const bytes = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

/**
 * Writes `count` answer files under `dir` (100 per county folder) and returns their paths with
 * the kind of each (`valid` or one of {@link INVALID_KINDS}).
 */
export function generateFiles(dir, count, options) {
  const { items, types, checklist } = loadItems(options.checklistFile);
  const random = makeRandom(options.seed ?? 20180420);
  const out = [];
  for (let n = 0; n < count; n++) {
    const county = `county-${String(Math.floor(n / 100) + 1).padStart(4, '0')}`;
    const folder = join(dir, county);
    if (n % 100 === 0) mkdirSync(folder, { recursive: true });
    const type = pick(random, types);
    const name = `${pick(random, PLACES)}${TYPE_NAMES[type] ?? '单位'}${n % 100}`;
    const invalid = random() < (options.invalidShare ?? 0.1) ? INVALID_KINDS[Math.floor(random() * INVALID_KINDS.length)] : undefined;
    const applying = items.filter((i) => !i.appliesTo || i.appliesTo.includes(type));
    const lines = [
      '# yaml-language-server: $schema=../../schemas/answers.schema.json',
      'schemaVersion: 1',
      `checklist: { id: ${checklist.id}, version: ${invalid === 'wrong-version' ? '0.9.0' : checklist.version} }`,
      invalid === 'missing-unit' ? '' : `unit: { name: ${q(name)}, type: ${invalid === 'unknown-type' ? 'village' : type}, code: "530${String(n).padStart(5, '0')}" }`,
      `assessor: { name: 张${pick(random, PLACES)}, role: 网络安全员, contact: "0871-${String(6100000 + n)}" }`,
      'period: "2026"',
      'answers:',
    ];
    const skip = random() < 0.05; // some units leave items unanswered (incomplete)
    applying.forEach((item, k) => {
      if (skip && k % 9 === 4) return;
      lines.push(`  ${item.id}: ${answerFor(random, item, type)}`);
    });
    if (invalid === 'unknown-item') lines.push('  A9.9.9: { status: pass }');
    if (invalid === 'duplicate-key') lines.push(`  ${applying[0].id}: { status: pass }`);
    if (invalid === 'value-1.5' || invalid === 'na-without-note') {
      const ratio = applying.find((i) => i.kind === 'ratio');
      const idx = lines.findIndex((l) => ratio && l.startsWith(`  ${ratio.id}:`));
      if (invalid === 'value-1.5' && idx >= 0) lines[idx] = `  ${ratio.id}: { value: 1.5, note: 超过全部 }`;
      else {
        const s = lines.findIndex((l) => /^ {2}A[\d.]+: \{ status/.test(l));
        lines[s] = lines[s].replace(/\{.*\}/, '{ status: na }');
      }
    }
    if (invalid === 'tab-indent') lines[lines.length - 1] = '\t' + lines[lines.length - 1].trimStart();
    if (invalid === 'bad-yaml') lines.splice(lines.length - 2, 1, lines[lines.length - 2].replace(/ \}$/, ''));
    const style = pickStyle(random, invalid);
    const text = restyle(lines.filter((l) => l !== ''), style, random).join(style.crlf ? '\r\n' : '\n') + (style.crlf ? '\r\n' : '\n');
    const file = join(folder, `unit-${String(n).padStart(6, '0')}.yaml`);
    writeFileSync(file, invalid === 'gbk' ? encodeGbk(text) : (style.bom ? '\ufeff' : '') + text);
    out.push({ file, kind: invalid ?? 'valid', style: styleName(style) });
  }
  return out;
}

/**
 * Writes a checklist of `items` items (20 areas of sections of 25 items, every kind, a few veto
 * and bonus items) and an answer file for it with most items answered and many open, for the
 * cost of scoring and ranking "what raises the score most" on a big checklist. Returns both paths.
 */
export function generateBigChecklist(dir, items, options = {}) {
  const random = makeRandom(options.seed ?? 20180420);
  mkdirSync(dir, { recursive: true });
  const areas = 20;
  const perSection = 25;
  const perArea = Math.ceil(items / areas);
  const lines = ['schemaVersion: 1', 'id: big-checklist', 'version: 1.0.0', 'title: 大检查表', 'unitTypes:', '  - { id: township, label: 乡镇 }', 'areas:'];
  const answers = ['schemaVersion: 1', 'checklist: { id: big-checklist, version: 1.0.0 }', 'unit: { name: 某某镇党委, type: township }', 'answers:'];
  let n = 0;
  for (let a = 1; a <= areas && n < items; a++) {
    lines.push(`  - id: A${a}`, `    title: 一级指标${a}`, '    sections:');
    for (let s = 1; (s - 1) * perSection < perArea && n < items; s++) {
      lines.push(`      - id: A${a}.${s}`, `        title: 二级指标${a}.${s}`, '        items:');
      for (let i = 1; i <= perSection && (s - 1) * perSection + i <= perArea && n < items; i++, n++) {
        const id = `A${a}.${s}.${i}`;
        const r = random();
        const points = 1 + Math.floor(random() * 4);
        if (r < 0.1) {
          lines.push(`          - { id: ${id}, text: 比例条目${n}, kind: ratio, points: ${points} }`);
          answers.push(`  ${id}: { value: ${(Math.round(random() * 100) / 100).toFixed(2)} }`);
        } else if (r < 0.2) {
          lines.push(`          - { id: ${id}, text: 扣分条目${n}, kind: deduct, points: ${points}, deductions: [ { id: d1, text: 每缺一次扣1分, points: 1 } ] }`);
          answers.push(`  ${id}: { deductions: { d1: ${Math.floor(random() * 3)} } }`);
        } else if (r < 0.21) {
          lines.push(`          - { id: ${id}, text: 否决条目${n}, points: 0, veto: true }`);
          answers.push(`  ${id}: { status: ${random() < 0.5 ? 'fail' : 'pass'} }`);
        } else {
          const bonus = r > 0.99 && !lines.some((l) => l.includes(`    weight:`));
          lines.push(`          - { id: ${id}, text: 条目${n}, points: ${points}${bonus ? ', bonus: true' : ''} }`);
          const s2 = random();
          if (s2 < 0.9) answers.push(`  ${id}: { status: ${s2 < 0.5 ? 'pass' : s2 < 0.75 ? 'partial' : 'fail'} }`);
        }
      }
    }
  }
  const checklistFile = join(dir, 'big-checklist.yaml');
  const answersFile = join(dir, 'big-answers.yaml');
  writeFileSync(checklistFile, lines.join('\n') + '\n');
  writeFileSync(answersFile, answers.join('\n') + '\n');
  return { checklistFile, answersFile };
}
