//! Worst-case inputs at the analysis limit: milliseconds per estimate (issue 7: ≤ 10 ms).

fn main() -> chpass::Result<()> {
    let random: String = (0..256u32)
        .map(|i| char::from_u32(33 + (i * 7919) % 94).unwrap_or('x'))
        .collect();
    let cases = [
        ("256 x 'a'", "a".repeat(256)),
        ("abc repeated", "abc".repeat(86)),
        ("256 printable, every l33t character", random.clone()),
        (
            "100 printable (OpenSearch's maximum)",
            random[..100].to_string(),
        ),
        ("words repeated", "correcthorsebatterystaple".repeat(11)),
        ("digits", "1234567890".repeat(26)),
        ("dates", "19991231".repeat(32)),
        ("l33t words", "p4$$w0rd".repeat(32)),
        ("emoji", "😀".repeat(128)),
        ("1 MiB", "x".repeat(1 << 20)),
    ];
    let mut worst = 0.0f64;
    for (name, password) in &cases {
        let start = std::time::Instant::now();
        let mut n = 0;
        while start.elapsed().as_millis() < 200 {
            chpass::strength::estimate(password, &["alice"])?;
            n += 1;
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(n);
        worst = worst.max(ms);
        println!("{ms:8.3} ms  {name}");
    }
    println!("worst: {worst:.3} ms");
    Ok(())
}
