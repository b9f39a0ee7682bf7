fn main() {
    std::process::exit(chpass_cli::run_from_env());
}
