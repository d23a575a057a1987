//! Every operation's input and output structs, their [`Operation`](crate::Operation)
//! impls, their [`Client`](crate::Client) methods and their
//! [`RequestBuilder`](crate::RequestBuilder) setters, one file per resource;
//! the model's constraints on inputs are checked in one place, `validate`.

mod activities;
mod aliases;
mod definitions;
mod executions;
mod history;
mod map_runs;
mod state_machines;
mod sync_executions;
mod tags;
mod tasks;
mod test_state;
mod validate;
mod versions;

pub use activities::*;
pub use aliases::*;
pub use definitions::*;
pub use executions::*;
pub use history::*;
pub use map_runs::*;
pub use state_machines::*;
pub use sync_executions::*;
pub use tags::*;
pub use tasks::*;
pub use test_state::*;
pub use versions::*;
