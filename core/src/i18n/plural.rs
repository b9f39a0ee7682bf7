//! A number's CLDR plural category in a language: ICU4X's rules natively (as for NFKC, with
//! icu_normalizer), the JS host's `Intl.PluralRules` on wasm32, which adds no bytes to the npm
//! modules. Both are CLDR's; `core/tests/vectors/i18n.json` keeps them in step.

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn category(tag: &str, n: u64) -> &'static str {
    use icu_plurals::{PluralCategory, PluralRules};
    let Ok(locale) = tag.parse::<icu_locale_core::Locale>() else {
        return "other";
    };
    match PluralRules::try_new_cardinal((&locale).into()).map(|rules| rules.category_for(n)) {
        Ok(PluralCategory::Zero) => "zero",
        Ok(PluralCategory::One) => "one",
        Ok(PluralCategory::Two) => "two",
        Ok(PluralCategory::Few) => "few",
        Ok(PluralCategory::Many) => "many",
        _ => "other",
    }
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn category(tag: &str, n: u64) -> &'static str {
    use js_sys::{Array, Intl::PluralRules, Object};
    use wasm_bindgen::JsValue;
    let rules = PluralRules::new(&Array::of1(&JsValue::from_str(tag)), &Object::new());
    match String::from(rules.select(n as f64)).as_str() {
        "zero" => "zero",
        "one" => "one",
        "two" => "two",
        "few" => "few",
        "many" => "many",
        _ => "other",
    }
}
