//! `migc status`: what the state table of a database says.

use super::apply::{connect, failure, url};
use crate::exit::Failure;

pub fn run(text: &str) -> Result<(), Failure> {
    let url = url(text)?;
    let mut conn = connect(&url, false)?;
    print!("{}", migc_runner::status(conn.as_mut()).map_err(failure)?);
    Ok(())
}
