//! The `execreport` command: clap, progress bars and one thin file per command (`cli.rs`,
//! `cmd/`); everything else is the library.

mod cli;
mod cmd;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use clap::Parser;

use execreport::config::Workspace;
use execreport::session::Session;

/// mimalloc instead of the system allocator: hundreds of small allocations per page (shaping,
/// layout). Off in a `--no-default-features` build, for heap profilers.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_transparent_huge_pages();
    #[cfg(feature = "mimalloc")]
    allocator::return_freed_memory_sooner();
    let cli = Cli::parse();
    // The preview server writes to sockets and must outlive a closed connection.
    if !matches!(cli.command, Command::Preview(_)) {
        quiet_on_closed_stdout();
    }
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            if e.downcast_ref::<cmd::BadConfiguration>().is_some() {
                ExitCode::from(cmd::EXIT_CONFIG)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    // A new workspace: there is none to locate yet.
    if let Command::Init(args) = &cli.command {
        return cmd::init::run(args);
    }
    let cwd = std::env::current_dir()?;
    // A scheduled batch with a workspace that does not load must not be retried.
    let configuration = |e: anyhow::Error| match &cli.command {
        Command::Batch(_) | Command::Send(_) => e.context(cmd::BadConfiguration),
        _ => e,
    };
    let path =
        Workspace::locate(cli.config.as_deref(), &cwd).map_err(|e| configuration(e.into()))?;
    let session = match &cli.command {
        // The preview keeps serving while the workspace has errors: it loads it itself.
        Command::Preview(args) => return cmd::preview::run(&path, args),
        _ => Session::new(Workspace::load(&path).map_err(|e| configuration(e.into()))?),
    };
    cmd::share_cache(&session)?;
    let ws = &session.workspace;
    Ok(match &cli.command {
        Command::Render(args) => cmd::render::run(&session, args)?,
        Command::Batch(args) => cmd::batch::run(&session, args)?,
        Command::Send(args) => cmd::batch::run(
            &session,
            &cli::BatchArgs {
                send: true,
                ..args.clone()
            },
        )?,
        Command::Status(args) => cmd::status::run(ws, args)?,
        Command::Approve(args) => cmd::approve::run(ws, args)?,
        Command::Check => cmd::check::run(&session),
        Command::Connect(args) => cmd::connect::run(&session, args)?,
        Command::Sources(cli::SourcesCommand::Test(args)) => cmd::sources::test(&session, args)?,
        Command::Publish(args) => cmd::publish::run(&session, args)?,
        Command::Overview(args) => cmd::overview::run(&session, args)?,
        Command::Preview(_) | Command::Init(_) => unreachable!("handled above"),
    })
}

/// mimalloc asks the kernel for transparent huge pages on its arenas, and a batch fills many
/// 2 MiB pages only in part: a 1,000-client batch peaked at 135 MB with them, 101 MB without,
/// at the same speed (docs/benchmarks.md). Off for this process, before it allocates much.
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and only sets a flag of this
    // process; its result is not needed (an old kernel leaves huge pages on).
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// mimalloc's own options, through its C functions (the Rust crate exposes them only with a
/// feature whose dependency we do not otherwise need).
#[cfg(feature = "mimalloc")]
mod allocator {
    use std::ffi::{c_int, c_long};

    /// `mi_option_purge_delay` in mimalloc's `mi_option_t` (its 16th option in v2 and v3).
    pub const PURGE_DELAY: c_int = 15;

    unsafe extern "C" {
        #[cfg(test)]
        pub fn mi_option_get(option: c_int) -> c_long;
        fn mi_option_set(option: c_int, value: c_long);
    }

    /// Memory a report freed goes back to the kernel 100 ms later rather than mimalloc's
    /// 1 s: a batch's workers free a report's model and files every ~15 ms, and with the
    /// longer delay a 10,000-client batch peaked at 201–215 MB, with this one at 189 MB (and
    /// 1,000 clients at 91–93 MB instead of 103–104) for ~1.5 % more time (docs/benchmarks.md).
    /// `MIMALLOC_PURGE_DELAY` in the environment still decides when set.
    pub fn return_freed_memory_sooner() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: mimalloc's documented API; an option is a plain integer setting that
            // may be changed at any time.
            unsafe { mi_option_set(PURGE_DELAY, 100) }
        }
    }
}

/// Rust ignores SIGPIPE, so a write to a closed pipe (`execreport status | head -1`) fails and
/// `println!` panics. With the signal's default action the process ends quietly instead, as
/// ripgrep and typst do. Sockets are written with MSG_NOSIGNAL by the standard library, so
/// SMTP and HTTP connections still see an error rather than the signal.
fn quiet_on_closed_stdout() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread is started; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(all(test, feature = "mimalloc"))]
mod tests {
    use super::allocator::{PURGE_DELAY, mi_option_get, return_freed_memory_sooner};

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // mimalloc v3's default purge delay (1,000 ms) identifies the option's number: a
        // version that renumbers its options fails here rather than changing another one.
        // SAFETY: reading an option has no preconditions.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(unsafe { mi_option_get(PURGE_DELAY) }, 1000);
        }
        return_freed_memory_sooner();
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(unsafe { mi_option_get(PURGE_DELAY) }, 100);
        }
    }
}
