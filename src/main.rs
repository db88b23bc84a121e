fn main() -> std::process::ExitCode {
    migc::cli::main()
}
