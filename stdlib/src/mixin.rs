/// A mixin shipped as `.mig` source: `use std.NAME` makes `include NAME` available.
#[derive(Debug)]
pub struct MixinSource {
    /// The mixin's name, also its `use` path after `std.`.
    pub name: &'static str,
    /// The path the source is reported under in diagnostics.
    pub path: &'static str,
    pub source: &'static str,
}

const MIXINS: &[MixinSource] = &[
    MixinSource {
        name: "soft_delete",
        path: "<std>/soft_delete.mig",
        source: include_str!("../mig/soft_delete.mig"),
    },
    MixinSource {
        name: "timestamps",
        path: "<std>/timestamps.mig",
        source: include_str!("../mig/timestamps.mig"),
    },
];

/// Every stdlib mixin, sorted by name.
pub fn mixins() -> &'static [MixinSource] {
    MIXINS
}

pub fn mixin_source(name: &str) -> Option<&'static MixinSource> {
    MIXINS.iter().find(|m| m.name == name)
}
