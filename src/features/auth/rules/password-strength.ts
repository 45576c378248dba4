/**
 * Password strength: at least 12 characters and not guessable, as zxcvbn estimates it against its list of
 * common passwords and this system's own words. Apart from rules.ts because the web imports rules.ts and
 * must not carry zxcvbn's dictionaries.
 */
import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { Message } from '../../../core/errors.ts';
import { foldDiacritics } from '../../../core/text.ts';
import { MIN_PASSWORD_LENGTH } from '../rules.ts';

/** zxcvbn's 3: "safely unguessable", about 10^8 guesses or more. */
const MIN_SCORE = 3;
/**
 * What a guesser of this system tries first, folded: its names and slogan, "password" and "administrator" in
 * Vietnamese. Without them "SafeAdapt@2021", the demo's published password, scores the maximum.
 */
const SYSTEM_WORDS = [
  'safeadapt',
  'thichungantoan',
  'thichung',
  'antoan',
  'matkhau',
  'quantri',
  'covid',
  'vietnam',
];

/** Only the first 64 characters are estimated: the cost grows fast with length, and longer is only stronger. */
const CHECKED_LENGTH = 64;

let checker: ZxcvbnFactory | undefined;
// Built (and its packages loaded, ≈ 0.15 s) on first use: a moment the server's start and most CLI commands skip.
const strength = () => {
  if (checker) return checker;
  const require = createRequire(import.meta.url);
  const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const { adjacencyGraphs, dictionary } =
    require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  checker = new Factory({
    dictionary: { ...dictionary, system: SYSTEM_WORDS },
    graphs: adjacencyGraphs,
    maxLength: CHECKED_LENGTH,
  });
  return checker;
};

/**
 * Why a password is refused, or null. `personal` are the account's own words (username, full name), which
 * count as guessable too. Vietnamese is also read without diacritics ("Mậtkhẩu" is "matkhau"): the weaker
 * reading decides.
 */
export function passwordProblem(password: string, personal: string[] = []): Message | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return {
      vi: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự (một câu ngắn dễ nhớ là lựa chọn tốt).`,
      en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters (a short sentence is easy to remember).`,
    };
  const words = personal.flatMap((w) => {
    const parts = foldDiacritics(w).split(/[\s._-]+/);
    return [parts.join(''), ...parts].filter((part) => part.length >= 3);
  });
  const readings = new Set([password, foldDiacritics(password)]);
  if (Math.min(...[...readings].map((p) => strength().check(p, words).score)) < MIN_SCORE)
    return {
      vi: 'Mật khẩu quá dễ đoán: tránh mật khẩu phổ biến, tên người, tên đăng nhập, tên hệ thống, ngày tháng và dãy phím như "123456", "qwerty".',
      en: 'The password is too easy to guess: avoid common passwords, names, the username, the name of the system, dates and keyboard runs such as "123456" or "qwerty".',
    };
  return null;
}
