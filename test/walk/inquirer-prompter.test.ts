// The terminal prompts (@inquirer/testing and the inquirer-backed Prompter on fake streams): validation messages, Ctrl-C.
import { translate } from '../../src/i18n/translate.js';
import { PassThrough, Writable } from 'node:stream';
import { input, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io/io.js';
import { createInquirerPrompter } from '../../src/walk/inquirer-prompter.js';
import { PromptEscaped, PromptInterrupted } from '../../src/walk/prompter.js';
import { countValidator, ratioValidator } from '../../src/walk/walk.js';

describe('prompts as the terminal shows them (@inquirer/testing)', () => {
  it('the ratio input shows why a value is refused and accepts 3/4', async () => {
    const { answer, events, getScreen } = await render(input, { message: translate('zh', 'walk.ratio.message'), validate: ratioValidator('zh') });
    events.type('75');
    events.keypress('enter');
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 20));
    expect(getScreen()).toContain(translate('zh', 'walk.ratio.percentHint', { value: '75' }));
    for (let i = 0; i < 2; i++) events.keypress('backspace');
    events.type('3/4');
    events.keypress('enter');
    await expect(answer).resolves.toBe('3/4');
  });

  it('the deduction count input refuses a negative number (in English too)', async () => {
    const { answer, events, getScreen } = await render(input, { message: 'count', validate: countValidator('en') });
    events.type('-2');
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 20));
    expect(getScreen()).toContain('"-2" is not a count: enter 0 or a whole number');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('2');
    events.keypress('enter');
    await expect(answer).resolves.toBe('2');
  });

  it('a select preselects the previous answer', async () => {
    const { answer, events } = await render(select, {
      message: 'status',
      choices: [{ value: 'pass' }, { value: 'partial' }, { value: 'fail' }],
      default: 'fail',
    });
    events.keypress('enter');
    await expect(answer).resolves.toBe('fail');
  });
});

/** An Io whose stdin we type into and whose stdout we read. */
function fakeTerminal(): { io: Io; keys: PassThrough; screen: () => string } {
  const keys = new PassThrough() as PassThrough & { isTTY?: boolean };
  let out = '';
  const stdout = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stdout.columns = 100;
  // inquirer ends the stream it was given after each prompt; process.stdout ignores that, so must this one.
  stdout.end = (() => stdout) as Writable['end'];
  const io: Io = { stdin: keys, stdout, stderr: stdout, env: {}, cwd: process.cwd() };
  return { io, keys, screen: () => out };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 30));

describe('createInquirerPrompter on the command streams', () => {
  it('answers a select and an input from typed keys', async () => {
    const { io, keys, screen } = fakeTerminal();
    const prompter = await createInquirerPrompter(io, 'zh');
    const chosen = prompter.select({ message: '本项情况', choices: [{ value: 'pass', name: '符合' }, { separator: '──' }, { value: '@quit', name: '退出' }] });
    await tick();
    expect(screen()).toContain('移动'); // localised key help
    keys.write('\u001b[B'); // down, over the separator
    await tick();
    keys.write('\r');
    await expect(chosen).resolves.toBe('@quit');
    const typed = prompter.input({ message: '比例', validate: ratioValidator('zh') });
    await tick();
    keys.write('2\r');
    await tick();
    expect(screen()).toContain(translate('zh', 'walk.ratio.percentHint', { value: '2' }));
    keys.write('\u007f75%\r');
    await expect(typed).resolves.toBe('75%');
  });

  it('text from a file reaches the terminal visible: message, choices, the default shown, filled in with Tab, and answered', async () => {
    const evil = 'note \u001b]2;PWNED\u0007 \u001b[2J \u202eevil';
    const { io, keys, screen } = fakeTerminal();
    const prompter = await createInquirerPrompter(io, 'en');
    const chosen = prompter.select({ message: `type ${evil}`, choices: [{ value: 'a', name: `label ${evil}`, description: evil }, { value: 'b', name: 'plain' }] });
    await tick();
    keys.write('\r');
    await expect(chosen).resolves.toBe('a');
    // Enter takes the old note as it was: only what is shown is escaped.
    const kept = prompter.input({ message: `rule ${evil}`, default: evil });
    await tick();
    keys.write('\r');
    await expect(kept).resolves.toBe(evil);
    const tabbed = prompter.input({ message: 'note', default: evil });
    await tick();
    keys.write('\t');
    await tick();
    keys.write('\r');
    await expect(tabbed).resolves.toBe(evil);
    const sure = prompter.confirm({ message: `sure ${evil}?`, default: true });
    await tick();
    keys.write('\r');
    await expect(sure).resolves.toBe(true);
    expect(screen()).not.toContain('\u001b]2;PWNED');
    expect(screen()).not.toContain('\u001b[2J');
    expect(screen()).not.toContain('\u202e');
    expect(screen()).toContain('\\u{1b}]2;PWNED');
  });

  it('Ctrl-C and an aborted signal become PromptInterrupted', async () => {
    const { io, keys } = fakeTerminal();
    const prompter = await createInquirerPrompter(io, 'en');
    const asked = prompter.input({ message: 'note' });
    await tick();
    keys.write('\u0003');
    await expect(asked).rejects.toBeInstanceOf(PromptInterrupted);
    const controller = new AbortController();
    const aborting = await createInquirerPrompter(fakeTerminal().io, 'en', controller.signal);
    const pending = aborting.confirm({ message: 'sure?' });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(PromptInterrupted);
    await expect(aborting.input({ message: 'after abort' })).rejects.toBeInstanceOf(PromptInterrupted);
  });

  it('a placeholder holds the cursor: Enter there is refused with a hint, a move down chooses the first answer', async () => {
    const { io, keys, screen } = fakeTerminal();
    const prompter = await createInquirerPrompter(io, 'zh');
    const chosen = prompter.select({ message: '本项情况', choices: [{ value: 'pass', name: '符合' }, { value: 'fail', name: '不符合' }], placeholder: translate('zh', 'walk.placeholder') });
    await tick();
    expect(screen()).toContain(`❯ ${translate('zh', 'walk.placeholder')}`);
    keys.write('\r');
    await tick();
    expect(screen()).toContain(translate('zh', 'prompt.placeholder'));
    keys.write('\u001b[B');
    await tick();
    keys.write('\r');
    await expect(chosen).resolves.toBe('pass');
    // With a default (a revisited item) the placeholder is not shown and Enter keeps the default.
    const again = prompter.select({ message: '本项情况', choices: [{ value: 'pass', name: '符合' }, { value: 'fail', name: '不符合' }], default: 'fail', placeholder: 'never shown' });
    await tick();
    keys.write('\r');
    await expect(again).resolves.toBe('fail');
    expect(screen()).not.toContain('never shown');
  });

  it('Esc leaves an escapable input (PromptEscaped) and is ignored by any other', async () => {
    const { io, keys } = fakeTerminal();
    const prompter = await createInquirerPrompter(io, 'zh');
    const reason = prompter.input({ message: '不适用的理由', escapable: true, validate: (v) => (v ? true : '必填') });
    await tick();
    keys.write('年内');
    keys.write('\u001b');
    await expect(reason).rejects.toBeInstanceOf(PromptEscaped);
    const plain = prompter.input({ message: '备注' });
    await tick();
    keys.write('\u001b');
    await new Promise((r) => setTimeout(r, 600)); // readline tells a lone Esc from a key sequence after 500 ms
    keys.write('ok\r');
    await expect(plain).resolves.toBe('ok');
  });
});
