//! [`ta-stream`](https://docs.rs/ta-stream)'s `ta` window function (from
//! [`ta_stream_datafusion`]) on [Ballista](https://datafusion.apache.org/ballista/), the
//! distributed DataFusion, in its standalone mode: a scheduler and an executor started in this
//! process, talking gRPC and Arrow Flight over localhost as a cluster would.
//!
//! [`standalone`] starts that cluster with `ta` known to all three parties that need it:
//! - the **client** context, which plans the SQL into a logical plan;
//! - the **scheduler**, which decodes the logical plan, plans it physically and cuts it into
//!   stages at each shuffle;
//! - the **executor**, which decodes each stage's physical plan (the window function is named
//!   there, and looked up in its function registry) and runs the partitions.
//!
//! No codec is needed: `ta` has no state besides its name, and its spec (`'RSI(14)'`) is an
//! ordinary string literal argument, which DataFusion's protobuf serialization carries.
//!
//! ```no_run
//! use datafusion::prelude::SessionConfig;
//!
//! # #[tokio::main]
//! # async fn main() -> datafusion::error::Result<()> {
//! let ctx = ta_stream_ballista::standalone(SessionConfig::new().with_target_partitions(4)).await?;
//! ctx.register_parquet("bars", "bars/", Default::default()).await?;
//! ctx.sql("SELECT symbol, ts, ta('RSI(14)', close) OVER (PARTITION BY symbol ORDER BY ts) AS rsi
//!          FROM bars")
//!     .await?
//!     .show()
//!     .await?;
//! # Ok(())
//! # }
//! ```
//!
//! Against a real cluster, the executors are programs of your own that register `ta` in the
//! session state they are built from (Ballista's stock executor binary does not know it).

use ballista::prelude::{SessionConfigExt, SessionContextExt};
use datafusion::error::Result;
use datafusion::prelude::{SessionConfig, SessionContext};

/// Starts a standalone Ballista cluster (scheduler and executor in this process, on free
/// localhost ports) whose scheduler and executor know `ta`, and returns a client context that
/// knows it too and sends every query to that cluster.
///
/// `config` is upgraded for Ballista first (its defaults: no round-robin repartition, no
/// string views), so that the scheduler plans with the same settings as the client; its
/// `target_partitions` is the number of partitions of each shuffle, and
/// `ballista.standalone.parallelism` (see [`SessionConfigExt`]) the executor's task slots.
///
/// Needs a Tokio runtime: the servers are spawned on it (the tests use a multi-threaded one).
pub async fn standalone(config: SessionConfig) -> Result<SessionContext> {
    let local = SessionContext::new_with_config(config.upgrade_for_ballista());
    ta_stream_datafusion::register(&local);
    // The scheduler and the executor are built from this state, `ta` included.
    let ctx = SessionContext::standalone_with_state(local.state()).await?;
    // The client's state is rebuilt with Ballista's list of window functions, which replaces
    // the state's own: `ta` has to be registered again for the client to plan it.
    ta_stream_datafusion::register(&ctx);
    Ok(ctx)
}
