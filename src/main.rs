use std::process::ExitCode;

use clap::Parser;
use execreport::cli::{Cli, Command};
use execreport::cmd;
use execreport::config::Workspace;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let cwd = std::env::current_dir()?;
    let path = Workspace::locate(cli.config.as_deref(), &cwd)?;
    let ws = match &cli.command {
        // The preview keeps serving while the workspace has errors: it loads it itself.
        Command::Preview(args) => return cmd::preview::run(&path, args),
        _ => Workspace::load(&path)?,
    };
    Ok(match &cli.command {
        Command::Render(args) => cmd::render::run(&ws, args)?,
        Command::Batch(args) => cmd::batch::run(&ws, args)?,
        Command::Send(args) => cmd::batch::run(
            &ws,
            &execreport::cli::BatchArgs {
                send: true,
                ..args.clone()
            },
        )?,
        Command::Status(args) => cmd::status::run(&ws, args)?,
        Command::Approve(args) => cmd::approve::run(&ws, args)?,
        Command::Check => cmd::check::run(&ws),
        Command::Preview(_) => unreachable!("handled above"),
    })
}
