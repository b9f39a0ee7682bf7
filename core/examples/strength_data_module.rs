//! Prints the npm package's `strength-data.js`: zxcvbn's dictionaries in the form
//! `chpass::strength::install_dictionaries` takes, as one JS string (scripts/build.sh runs it).

fn main() -> Result<(), serde_json::Error> {
    let text = serde_json::to_string(&chpass::strength::dictionaries_text())?;
    println!(
        "// zxcvbn 4.4.2's frequency lists (MIT, Dan Wheeler and Dropbox), loaded by loadStrength()."
    );
    println!("export default {text};");
    Ok(())
}
