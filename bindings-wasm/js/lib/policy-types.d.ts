// Generated from core/src/policy/violation_types.rs, the presets and the languages by `cargo run -p chpass --features schema --example binding_tables`: do not edit.
import type { LengthUnit } from '../index.js';

/** `too_short`: shorter than the minimum. */
export interface TooShortViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'too_short';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The least the rule asks for. */
    min: number;
    /** What the password has, in the same terms. */
    actual: number;
    /** What the lengths count: code points, UTF-16 units or UTF-8 bytes. */
    unit: LengthUnit;
  };
}
/** `too_long`: longer than the maximum (or than 1 MiB). */
export interface TooLongViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'too_long';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The most that is allowed. */
    max: number;
    /** What the password has, in the same terms. */
    actual: number;
    /** What the lengths count: code points, UTF-16 units or UTF-8 bytes. */
    unit: LengthUnit;
  };
}
/** `control_character`: a Unicode control character (NUL, tab, newline, …): `position` in code points from 0, `code_point` as `U+0007`. */
export interface ControlCharacterViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'control_character';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** Where, in code points from 0. */
    position: number;
    /** The character, as `U+0007`. */
    code_point: string;
  };
}
/** `pattern_mismatch`: the policy's regex does not match; the message is the description when given. */
export interface PatternMismatchViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'pattern_mismatch';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The policy's description of its regex, if it has one. */
    description: string | null;
  };
}
/** `policy_regex_limit`: the regex ran out of steps (`limit`: 1,000,000, or 64 per character): counted as a failure. */
export interface PolicyRegexLimitViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'policy_regex_limit';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The limit that was reached. */
    limit: number;
  };
}
/** `weak_password`: the zxcvbn score is below the minimum (OpenSearch: "Weak password"). */
export interface WeakPasswordViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'weak_password';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The least the rule asks for. */
    min: number;
    /** What the password has, in the same terms. */
    actual: number;
  };
}
/** `similar_to_username`: zxcvbn matched the user name (OpenSearch: "Password is similar to user name"). */
export interface SimilarToUsernameViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'similar_to_username';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: Record<never, never>;
}
/** `missing_lowercase`: too few lowercase letters. */
export interface MissingLowercaseViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'missing_lowercase';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The least the rule asks for. */
    min: number;
    /** What the password has, in the same terms. */
    actual: number;
  };
}
/** `missing_uppercase`: too few uppercase letters. */
export interface MissingUppercaseViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'missing_uppercase';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The least the rule asks for. */
    min: number;
    /** What the password has, in the same terms. */
    actual: number;
  };
}
/** `missing_digit`: too few digits. */
export interface MissingDigitViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'missing_digit';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The least the rule asks for. */
    min: number;
    /** What the password has, in the same terms. */
    actual: number;
  };
}
/** `missing_symbol`: too few symbols. */
export interface MissingSymbolViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'missing_symbol';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The least the rule asks for. */
    min: number;
    /** What the password has, in the same terms. */
    actual: number;
  };
}
/** `too_few_character_classes`: too few of the four classes. */
export interface TooFewCharacterClassesViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'too_few_character_classes';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The least the rule asks for. */
    min: number;
    /** What the password has, in the same terms. */
    actual: number;
  };
}
/** `contains_context_word`: contains the user name, email local part, service or a listed word. */
export interface ContainsContextWordViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'contains_context_word';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** The context word found. */
    word: string;
  };
}
/** `same_as_current`: equals the current password. */
export interface SameAsCurrentViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'same_as_current';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: Record<never, never>;
}
/** `common_password`: one of the 3,000 most common passwords. */
export interface CommonPasswordViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'common_password';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: Record<never, never>;
}
/** `blocklisted`: on the policy's own list. */
export interface BlocklistedViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'blocklisted';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: Record<never, never>;
}
/** `breached_password`: in known breaches (Pwned Passwords' count, or `null` from `blocklist.sha1`). */
export interface BreachedPasswordViolation {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'breached_password';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** How many breaches list it (`null`: a local list matched). */
    count: number | null;
  };
}

/** One broken rule; `params` is narrowed by `code`. */
export type Violation =
  | TooShortViolation
  | TooLongViolation
  | ControlCharacterViolation
  | PatternMismatchViolation
  | PolicyRegexLimitViolation
  | WeakPasswordViolation
  | SimilarToUsernameViolation
  | MissingLowercaseViolation
  | MissingUppercaseViolation
  | MissingDigitViolation
  | MissingSymbolViolation
  | TooFewCharacterClassesViolation
  | ContainsContextWordViolation
  | SameAsCurrentViolation
  | CommonPasswordViolation
  | BlocklistedViolation
  | BreachedPasswordViolation;
/** Every violation code. */
export type ViolationCode = Violation['code'];

/** `truncated_by_server`: the server keeps only the first `used` units (Keystone without `strict_password_check`), so any password that starts the same logs in. */
export interface TruncatedByServerNotice {
  /** Stable across versions and languages: what to branch or translate on. */
  code: 'truncated_by_server';
  /** In the context's `locale` (English by default); render your own from `code` and `params`. */
  message: string;
  /** The figures the message is made of. */
  params: {
    /** How much of the password the server keeps, in `unit`. */
    used: number;
    /** What the password has, in the same terms. */
    actual: number;
    /** What the lengths count: code points, UTF-16 units or UTF-8 bytes. */
    unit: LengthUnit;
  };
}

/** What the server will do with an accepted password that is not a refusal. */
export type Notice =
  | TruncatedByServerNotice;
/** Every notice code. */
export type NoticeCode = Notice['code'];

/** The names `Policy.preset` takes. */
export type PresetName =
  | 'nist-800-63b'
  | 'owasp-asvs-5-l1'
  | 'owasp-asvs-5-l2'
  | 'elasticsearch'
  | 'opensearch'
  | 'keystone';

/** The languages with a message catalog (`LOCALES`). */
export type Locale =
  | 'en'
  | 'de'
  | 'es'
  | 'fr'
  | 'it'
  | 'ja'
  | 'nl'
  | 'pl'
  | 'pt-BR'
  | 'zh-CN';
