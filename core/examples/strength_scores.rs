//! Reads passwords (one per line) and prints `score<TAB>log10(guesses)` for each: used to
//! compare with npm zxcvbn during development (js-tests do it through the npm package).

fn main() -> chpass::Result<()> {
    use std::io::BufRead;
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let s = chpass::strength::estimate(&line, &[])?;
        println!("{}\t{:.6}", s.score, s.guesses_log10);
    }
    Ok(())
}
