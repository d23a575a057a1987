//! Deploys a new definition behind an alias, the canary way: validate it,
//! update the state machine, publish the revision as a version, then route
//! 10 % of the alias's executions to it, wait, and route them all.
//!
//! ```sh
//! cargo run --example deploy_alias -- <state-machine-arn> <definition.json> [alias] [bake-seconds]
//! ```
//!
//! The alias defaults to `PROD` and the bake time to 60 s; an alias that
//! does not exist yet is created at 100 %. Region, credentials and endpoint
//! come from the usual AWS environment variables and profile files.

use sfn_lite::types::{
    ValidateStateMachineDefinitionResultCode, ValidateStateMachineDefinitionSeverity,
};
use sfn_lite::{Client, ErrorCode};
use std::time::Duration;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(machine), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!(
            "usage: deploy_alias <state-machine-arn> <definition.json> [alias] [bake-seconds]"
        );
        std::process::exit(2);
    };
    let alias_name = args.get(2).map_or("PROD", String::as_str);
    let bake = Duration::from_secs(args.get(3).map_or(Ok(60), |s| s.parse())?);
    let definition = std::fs::read_to_string(path)?;
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
    let updated = client.update_state_machine(machine).definition(&definition).await?;
    let mut publish = client.publish_state_machine_version(machine).description(path.as_str());
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
