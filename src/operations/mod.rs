//! Every operation's input and output structs, their [`Operation`](crate::Operation)
//! impls and their [`RequestBuilder`](crate::RequestBuilder) setters, one file
//! per resource.

mod executions;
mod history;
mod lifecycle;
mod map_runs;
mod state_machines;

pub use executions::*;
pub use history::*;
pub use lifecycle::*;
pub use map_runs::*;
pub use state_machines::*;

/// The model's `Arn` maximum length.
pub(crate) const ARN_MAX: usize = 256;
/// The model's `LongArn` maximum length (Map Run ARNs).
pub(crate) const LONG_ARN_MAX: usize = 2000;
/// The model's `PageSize` maximum.
pub(crate) const PAGE_SIZE_MAX: i32 = 1000;
/// The model's `PageToken` maximum length.
pub(crate) const PAGE_TOKEN_MAX: usize = 1024;
