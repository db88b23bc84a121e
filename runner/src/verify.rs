//! verify (next)
