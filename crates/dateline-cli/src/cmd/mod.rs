//! One module per subcommand.

pub mod bench;
pub mod completions;
pub mod entities;
pub mod eval;
pub mod extract;
pub mod index;
pub mod search;
pub mod show;
pub mod stats;
