// A Prompter that plays back scripted answers and records every question, for tests of the walk and of `run`.
import { isSeparator, PromptEscaped, PromptInterrupted, type ConfirmQuestion, type InputQuestion, type Prompter, type SelectQuestion } from './prompter.js';

/**
 * One scripted reply. An input reply that fails validation is recorded and the next input reply
 * is tried, as at a terminal. `escape` presses Esc (allowed only where the question is escapable);
 * `enter` presses Enter on a select without moving (refused on a placeholder, as at a terminal).
 */
export type ScriptStep = { select: unknown } | { input: string } | { confirm: boolean } | { interrupt: true } | { escape: true } | { enter: true };

/** A question as it was asked. */
export interface AskedQuestion {
  kind: 'select' | 'input' | 'confirm';
  message: string;
  default?: unknown;
  /** Selectable values of a select. */
  values?: unknown[];
  /** Validation messages shown for refused input. */
  errors: string[];
  /** The placeholder a select started on (no answer preselected). */
  placeholder?: string;
  /** Whether Esc leaves an input. */
  escapable?: boolean;
  answer?: unknown;
}

/** The scripted Prompter with what it saw. */
export interface ScriptedPrompter extends Prompter {
  asked: AskedQuestion[];
  screens: string[];
  output: string[];
  /** Steps not used yet. */
  remaining(): number;
}

/** Creates a Prompter that answers from `steps`; running out of steps or a wrong kind of step throws. */
export function createScriptedPrompter(steps: ScriptStep[]): ScriptedPrompter {
  const queue = [...steps];
  const asked: AskedQuestion[] = [];
  const screens: string[] = [];
  const output: string[] = [];
  const next = (kind: AskedQuestion['kind'], q: AskedQuestion): ScriptStep => {
    const step = queue.shift();
    if (!step) throw new Error(`script ran out at ${kind} "${q.message}"`);
    if ('interrupt' in step) throw new PromptInterrupted();
    if ('escape' in step) {
      if (!q.escapable) throw new Error(`script pressed Esc at "${q.message}", which Esc does not leave`);
      throw new PromptEscaped();
    }
    if ('enter' in step && kind === 'select') return step;
    if (!(kind in step)) throw new Error(`script expected ${Object.keys(step)[0]} but was asked ${kind} "${q.message}"`);
    return step;
  };
  return {
    asked,
    screens,
    output,
    remaining: () => queue.length,
    async select<V>(q: SelectQuestion<V>): Promise<V> {
      const values = q.choices.filter((c) => !isSeparator(c) && !c.disabled).map((c) => (c as { value: V }).value);
      const record: AskedQuestion = { kind: 'select', message: q.message, default: q.default, values, errors: [], placeholder: q.placeholder };
      asked.push(record);
      let step = next('select', record) as { select: unknown } | { enter: true };
      // Enter without moving: on a placeholder it is refused (the next step is tried), else it takes the default.
      while ('enter' in step) {
        if (q.default !== undefined) {
          step = { select: q.default };
          break;
        }
        if (q.placeholder === undefined) {
          step = { select: values[0] };
          break;
        }
        record.errors.push(q.placeholder);
        step = next('select', record) as { select: unknown } | { enter: true };
      }
      if (!values.includes(step.select as V)) {
        throw new Error(`script chose ${JSON.stringify(step.select)} not offered at "${q.message}": ${JSON.stringify(values)}`);
      }
      record.answer = step.select;
      return step.select as V;
    },
    async input(q: InputQuestion): Promise<string> {
      const record: AskedQuestion = { kind: 'input', message: q.message, default: q.default, errors: [], escapable: q.escapable };
      asked.push(record);
      for (;;) {
        const step = next('input', record) as { input: string };
        // An empty reply takes the default, as inquirer does.
        const value = step.input === '' && q.default !== undefined ? q.default : step.input;
        const verdict = q.validate ? q.validate(value) : true;
        if (verdict === true) {
          record.answer = value;
          return value;
        }
        record.errors.push(verdict);
      }
    },
    async confirm(q: ConfirmQuestion): Promise<boolean> {
      const record: AskedQuestion = { kind: 'confirm', message: q.message, default: q.default, errors: [] };
      asked.push(record);
      const step = next('confirm', record) as { confirm: boolean };
      record.answer = step.confirm;
      return step.confirm;
    },
    screen(text) {
      screens.push(text);
      output.push(text);
    },
    say(text) {
      output.push(text);
    },
  };
}
