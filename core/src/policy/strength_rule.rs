//! OpenSearch's rules 4 and 5: a zxcvbn score below the policy's minimum, and a dictionary
//! match on the user name. The estimate comes from the estimator compiled in ([`crate::strength`],
//! feature `strength`) or from one installed at run time ([`install_strength_estimator`],
//! feature `strength-external`): the npm package's estimator is a wasm module of its own, which
//! `loadStrength()` downloads only for pages that use it.

use super::report::{Report, StrengthResult, Violation};
use super::spec::StrengthSpec;
use crate::error::Result;
use serde::{Deserialize, Serialize};

/// What a strength rule needs from an estimate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrengthVerdict {
    /// zxcvbn's score, 0–4.
    pub score: u8,
    /// log10 of zxcvbn's guesses.
    pub guesses_log10: f64,
    /// A dictionary match on the user inputs (the user name).
    pub matches_user_input: bool,
}

impl StrengthVerdict {
    /// Reads a verdict written as JSON (how the npm package's strength module answers its
    /// main module).
    pub fn from_value(
        value: &serde_json::Value,
    ) -> std::result::Result<Self, crate::text::InputError> {
        crate::json::read(value)
    }
}

/// `(password, user_inputs) -> verdict`, or `None` when it cannot answer (the rule is then
/// reported as not evaluated, never as passed).
#[cfg(feature = "strength-external")]
pub type ExternalEstimator = fn(&str, &[&str]) -> Option<StrengthVerdict>;

#[cfg(feature = "strength-external")]
static EXTERNAL: std::sync::OnceLock<ExternalEstimator> = std::sync::OnceLock::new();

/// Installs the estimator for strength rules; the first one installed stays, and it is used
/// even where one is compiled in. Until one is there (or the compiled-in one has its
/// dictionaries), a policy with a strength rule is `strength_dictionaries_not_loaded`.
#[cfg(feature = "strength-external")]
pub fn install_strength_estimator(estimator: ExternalEstimator) {
    let _ = EXTERNAL.set(estimator);
}

/// Where a policy's estimates come from, found when it is built.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Estimator {
    #[cfg(feature = "strength")]
    Builtin(&'static crate::strength::Dictionaries),
    #[cfg(feature = "strength-external")]
    External(ExternalEstimator),
}

impl Estimator {
    /// The estimator a strength rule will use; `None` in a build without one (the rule is
    /// then reported as not evaluated).
    pub(crate) fn loaded() -> Result<Option<Self>> {
        #[cfg(feature = "strength-external")]
        if let Some(&external) = EXTERNAL.get() {
            return Ok(Some(Estimator::External(external)));
        }
        #[cfg(feature = "strength")]
        let found = crate::strength::dictionaries().map(|d| Some(Estimator::Builtin(d)));
        #[cfg(all(feature = "strength-external", not(feature = "strength")))]
        let found = Err(crate::Error::StrengthDictionariesNotLoaded);
        #[cfg(not(any(feature = "strength", feature = "strength-external")))]
        let found = Ok(None);
        found
    }

    // without an estimator there is no variant: nothing to judge with
    #[cfg_attr(
        not(any(feature = "strength", feature = "strength-external")),
        allow(unused_variables)
    )]
    fn judge(self, password: &str, user_inputs: &[&str]) -> Option<StrengthVerdict> {
        match self {
            #[cfg(feature = "strength")]
            Estimator::Builtin(dictionaries) => Some(crate::strength::verdict_with(
                dictionaries,
                password,
                user_inputs,
            )),
            #[cfg(feature = "strength-external")]
            Estimator::External(estimate) => estimate(password, user_inputs),
        }
    }
}

/// Runs the rule with zxcvbn's user inputs being the user name alone, as the server does.
/// `false` when the estimator could not answer: the rule is then not evaluated.
pub(super) fn check(
    rule: &StrengthSpec,
    estimator: Estimator,
    password: &str,
    username: Option<&str>,
    report: &mut Report,
) -> bool {
    let inputs: Vec<&str> = username.into_iter().collect();
    let Some(verdict) = estimator.judge(password, &inputs) else {
        return false;
    };
    report.strength = Some(StrengthResult {
        score: verdict.score,
        guesses_log10: verdict.guesses_log10,
    });
    if verdict.score < rule.min_score {
        report.push(Violation::WeakPassword {
            min: rule.min_score,
            actual: verdict.score,
        });
    }
    if rule.reject_similar_to_username && !inputs.is_empty() && verdict.matches_user_input {
        report.push(Violation::SimilarToUsername);
    }
    true
}

/// The npm main module's build (scripts/test.sh runs it): installing is process-wide, so the
/// estimator compiled in stays out of this test binary.
#[cfg(all(test, feature = "strength-external", not(feature = "strength")))]
mod tests {
    use super::*;

    /// Answers for every password but one.
    fn fixed(password: &str, inputs: &[&str]) -> Option<StrengthVerdict> {
        (password != "unanswered").then_some(StrengthVerdict {
            score: 2,
            guesses_log10: 7.5,
            matches_user_input: !inputs.is_empty(),
        })
    }

    #[test]
    fn an_installed_estimator_judges_strength_rules() {
        let opensearch = || crate::Policy::preset("opensearch", &serde_json::json!({}));
        let code = opensearch().err().map(|e| e.code());
        assert_eq!(code, Some("strength_dictionaries_not_loaded"));
        install_strength_estimator(fixed);
        let context = crate::Context {
            username: Some("someone".into()),
            ..Default::default()
        };
        let report = opensearch().unwrap().validate("Aa1!aaaaaaaa", &context);
        assert_eq!(report.codes(), ["weak_password", "similar_to_username"]);
        assert_eq!(report.strength.map(|s| s.guesses_log10), Some(7.5));
        assert!(report.not_evaluated.is_empty());
        // an estimator that cannot answer: not evaluated, never passed
        let report = opensearch().unwrap().validate("unanswered", &context);
        assert_eq!(
            report.not_evaluated,
            ["weak_password", "similar_to_username"]
        );
        assert_eq!(report.strength, None);
        let report = opensearch()
            .unwrap()
            .validate("unanswered", &Default::default());
        assert_eq!(
            report.not_evaluated,
            ["weak_password", "similar_to_username"]
        );
        let verdict = serde_json::to_value(fixed("", &[]).unwrap()).unwrap();
        assert_eq!(
            StrengthVerdict::from_value(&verdict).unwrap(),
            fixed("", &[]).unwrap()
        );
    }
}
