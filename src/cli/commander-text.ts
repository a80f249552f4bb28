// Commander in the user's language: its parse errors, usage words and defaults, through its own hooks.
import { Command, type Help, type Option } from 'commander';
import type { Lang } from '../i18n/lang.js';
import { translate } from '../i18n/translate.js';

/** Commander's error methods (marked private in its typings, but the ones it calls for each parse error). */
interface ErrorMethods {
  unknownOption(flag: string): void;
  unknownCommand(): void;
}

/** How commander ends a suggestion it appends to an error; only the suggested word is taken from it. */
const SUGGESTION = /\(Did you mean (.+)\?\)\s*$/;

/** Thrown to leave commander's error method once its message is caught. */
const CAUGHT = Symbol('caught');

/**
 * A commander Command whose parse errors are raised in `lang`: the methods commander calls for
 * each kind of error are overridden to raise the same error (same code) with our wording.
 * Subcommands are made by the same class.
 */
export class LocalizedCommand extends Command {
  constructor(
    name: string | undefined,
    private readonly lang: Lang,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalizedCommand(name, this.lang);
  }

  missingArgument(name: string): void {
    this.error(translate(this.lang, 'commander.missingArgument', { name }), { code: 'commander.missingArgument' });
  }

  optionMissingArgument(option: Option): void {
    this.error(translate(this.lang, 'commander.optionMissingArgument', { flags: option.flags }), { code: 'commander.optionMissingArgument' });
  }

  missingMandatoryOptionValue(option: Option): void {
    this.error(translate(this.lang, 'commander.missingMandatoryOptionValue', { flags: option.flags }), { code: 'commander.missingMandatoryOptionValue' });
  }

  _conflictingOption(option: Option, conflictingOption: Option): void {
    this.error(translate(this.lang, 'commander.conflictingOption', { option: option.flags, other: conflictingOption.flags }), { code: 'commander.conflictingOption' });
  }

  _excessArguments(receivedArgs: string[]): void {
    if ((this as unknown as { _allowExcessArguments: boolean })._allowExcessArguments) return;
    const expected = this.registeredArguments.length;
    this.error(translate(this.lang, 'commander.excessArguments', { command: this.name(), expected, received: receivedArgs.length }), { code: 'commander.excessArguments' });
  }

  unknownOption(flag: string): void {
    const suggestion = this.suggestionOf(() => (Command.prototype as unknown as ErrorMethods).unknownOption.call(this, flag));
    if (suggestion === null) return; // unknown options allowed here: commander raised nothing
    this.error(translate(this.lang, 'commander.unknownOption', { flag }) + this.didYouMean(suggestion), { code: 'commander.unknownOption' });
  }

  unknownCommand(): void {
    const name = String(this.args[0]);
    const suggestion = this.suggestionOf(() => (Command.prototype as unknown as ErrorMethods).unknownCommand.call(this));
    this.error(translate(this.lang, 'commander.unknownCommand', { name }) + this.didYouMean(suggestion ?? undefined), { code: 'commander.unknownCommand' });
  }

  /**
   * Runs commander's own error method with `error` caught, to keep its choice of a similar name
   * (the one part of its message taken over). Null when it raised no error.
   */
  private suggestionOf(raise: () => void): string | undefined | null {
    const own = this.error;
    let english: string | null = null;
    this.error = ((message: string) => {
      english = message;
      throw CAUGHT;
    }) as Command['error'];
    try {
      raise();
    } catch (thrown) {
      if (thrown !== CAUGHT) throw thrown;
    } finally {
      this.error = own;
    }
    if (english === null) return null;
    return SUGGESTION.exec(english)?.[1];
  }

  private didYouMean(suggestion: string | undefined): string {
    return suggestion ? translate(this.lang, 'commander.didYouMean', { suggestion }) : '';
  }
}

/**
 * Help hooks (commander's `configureHelp`) that say commander's own words in `lang`: the
 * `[options]` and `[command]` of usage lines and command lists, and an option's default.
 */
export function localizedHelp(lang: Lang): Partial<Help> {
  const words: Record<string, string> = {
    '[options]': translate(lang, 'commander.help.options'),
    '[command]': translate(lang, 'commander.help.command'),
  };
  const inLang = (text: string): string => text.split(' ').map((w) => words[w] ?? w).join(' ');
  return {
    styleUsage: inLang,
    styleSubcommandTerm: inLang,
    optionDescription(option: Option): string {
      // Shown for options that take a value, as commander does; booleans' defaults are for programmers.
      const shown = option.defaultValue !== undefined && (option.required || option.optional);
      if (!shown) return option.description;
      const value = option.defaultValueDescription ?? String(option.defaultValue);
      return option.description + translate(lang, 'commander.help.default', { value });
    },
  };
}
