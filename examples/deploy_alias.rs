//! Deploys a new definition behind an alias, the canary way: validate it,
//! update the state machine, publish the revision as a version, then route
//! 10 % of the alias's executions to it, wait, and route them all.
//!
//! ```sh
//! cargo run --example deploy_alias -- <STATE_MACHINE_ARN> <DEFINITION> [ALIAS] [BAKE_SECONDS]
//! ```
//!
//! The alias defaults to `PROD` and the bake time to 60 s; an alias that
//! does not exist yet is created at 100 %. Exit code: 0 when deployed, 1 on
//! an error (a definition with errors changes nothing), 2 on bad arguments.
//! Region, credentials and endpoint come from the usual AWS environment
//! variables and profile files.

use clap::Parser;
use sfn_lite::types::{
    StateMachineArn, ValidateStateMachineDefinitionResultCode,
    ValidateStateMachineDefinitionSeverity,
};
use sfn_lite::{Client, ErrorCode};
use std::path::PathBuf;
use std::time::Duration;

/// Deploy a new definition behind an alias, the canary way: validate it,
/// update the state machine, publish the revision as a version, route 10 %
/// of the alias's executions to it, bake, then route them all. A definition
/// with errors changes nothing; an alias that does not exist yet is created
/// at 100 %.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The state machine, unqualified
    /// (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME).
    state_machine_arn: StateMachineArn,
    /// The file holding the new definition (Amazon States Language JSON).
    definition: PathBuf,
    /// The alias to shift.
    #[arg(default_value = "PROD")]
    alias: String,
    /// Seconds to run at 90/10 before routing everything to the new version.
    #[arg(default_value_t = 60)]
    bake_seconds: u64,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Args::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    if args.state_machine_arn.qualifier().is_some() {
        return Err("give the state machine's ARN without a version or alias".into());
    }
    let machine = args.state_machine_arn.to_string();
    let path = args.definition.display().to_string();
    let alias_name = args.alias.as_str();
    let bake = Duration::from_secs(args.bake_seconds);
    let definition = std::fs::read_to_string(&args.definition)
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    let client = Client::from_env().await?;

    // 1. Validate first: nothing changes if the definition has an error.
    let checked = client
        .validate_state_machine_definition(&definition)
        .severity(ValidateStateMachineDefinitionSeverity::Warning)
        .await?;
    for d in &checked.diagnostics {
        let at = d.location.as_ref().map(|l| format!(" at {}", l.expose())).unwrap_or_default();
        println!("{} {}{at}: {}", d.severity, d.code.expose(), d.message.expose());
    }
    if checked.result != ValidateStateMachineDefinitionResultCode::Ok {
        return Err("the definition has errors; nothing was changed".into());
    }

    // 2. Update, then publish exactly the revision this update made.
    let updated = client.update_state_machine(&machine).definition(&definition).await?;
    let mut publish = client.publish_state_machine_version(&machine).description(path.as_str());
    if let Some(revision) = updated.revision_id {
        publish = publish.revision_id(revision);
    }
    let new_version = publish.await?.state_machine_version_arn;
    println!("published {new_version}");

    // 3. Shift the alias: 90/10, bake, then 100.
    let alias_arn = format!("{machine}:{alias_name}");
    let current = match client.describe_state_machine_alias(&alias_arn).await {
        Ok(alias) => alias.routing_configuration.unwrap_or_default(),
        Err(e) if e.code() == Some(&ErrorCode::ResourceNotFound) => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    let old_version =
        current.iter().max_by_key(|r| r.weight).map(|r| r.state_machine_version_arn.clone());
    match old_version {
        None => {
            client.create_state_machine_alias(alias_name).route(&new_version, 100).await?;
            println!("created {alias_arn} → {new_version} (100 %)");
            return Ok(());
        }
        Some(old) if old == new_version => {
            println!("{alias_arn} already routes to {new_version}");
            return Ok(());
        }
        Some(old) => {
            client
                .update_state_machine_alias(&alias_arn)
                .route(&old, 90)
                .route(&new_version, 10)
                .await?;
            println!("{alias_arn}: 90 % {old}, 10 % {new_version}; baking {bake:?}");
            tokio::time::sleep(bake).await;
        }
    }
    client.update_state_machine_alias(&alias_arn).route(&new_version, 100).await?;
    println!("{alias_arn} → {new_version} (100 %)");
    Ok(())
}
