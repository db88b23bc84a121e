//! `migc verify`: prove a plan on a scratch database.

use crate::exit::Failure;
use crate::render::Format;
use migc_stdlib::Dialect;

pub struct Args<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub dialect: Option<Dialect>,
    pub url: Option<&'a str>,
    pub rows: u64,
    pub allow_destructive: bool,
    pub format: Format,
}

pub fn run(_args: &Args<'_>) -> Result<(), Failure> {
    Err(Failure::Usage("verify is not available yet".into()))
}
