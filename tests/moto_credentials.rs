//! Credentials from STS end to end, against the local moto server (which
//! implements `AssumeRole` and `AssumeRoleWithWebIdentity`), then a Step
//! Functions call made with them. STS is reached the way users behind
//! proxies and local tests reach it: `AWS_ENDPOINT_URL_STS`, or the
//! profile's `[services]` section. Every test is under `moto::` (see
//! `moto_support` for how to filter them out).

#[allow(dead_code)]
mod moto_support;

mod moto {
    use super::moto_support;
    use aws_credential_types::provider::ProvideCredentials;
    use sfn_lite::Client;
    use sfn_lite::credentials::{DefaultChain, Environment, Profile, WebIdentity};
    use std::time::SystemTime;

    /// moto's endpoint, without the trailing slash.
    fn endpoint() -> String {
        moto_support::client().endpoint().trim_end_matches('/').to_owned()
    }

    fn env(home: &tempfile::TempDir, vars: &[(&str, &str)]) -> Environment {
        let home = home.path().display().to_string();
        let mut all = vec![("HOME".to_owned(), home), ("AWS_REGION".into(), "us-east-1".into())];
        all.extend(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        Environment::from_vars(all)
    }

    /// A Step Functions call signed with the chain's credentials.
    async fn call_with(env: Environment, endpoint: &str) {
        let client = Client::builder()
            .region("us-east-1")
            .endpoint_url(endpoint)
            .credentials_provider(DefaultChain::with_environment(env))
            .build()
            .unwrap();
        let (name, created) = moto_support::create_state_machine(
            &client,
            "creds",
            &moto_support::waiting_definition(0),
        )
        .await;
        let described = client.describe_state_machine(&created.state_machine_arn).await.unwrap();
        assert_eq!(described.name, name);
    }

    #[tokio::test]
    async fn web_identity_credentials_from_sts_sign_a_step_functions_call() {
        let endpoint = endpoint();
        let home = tempfile::tempdir().unwrap();
        let token_file = home.path().join("token");
        std::fs::write(&token_file, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZm4tbGl0ZSJ9.c2ln").unwrap();
        let token_file = token_file.display().to_string();
        let env = env(
            &home,
            &[
                ("AWS_WEB_IDENTITY_TOKEN_FILE", &token_file),
                ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/sfn-lite-irsa"),
                ("AWS_ROLE_SESSION_NAME", "sfn-lite-test"),
                ("AWS_ENDPOINT_URL_STS", &endpoint),
            ],
        );
        let c = WebIdentity::with_environment(env.clone()).provide_credentials().await.unwrap();
        assert!(c.access_key_id().starts_with("ASIA"), "{c:?}");
        assert!(c.session_token().is_some_and(|t| !t.is_empty()));
        assert!(c.expiry().is_some_and(|at| at > SystemTime::now()), "{c:?}");
        call_with(env, &endpoint).await;
    }

    #[tokio::test]
    async fn an_assume_role_chain_from_a_profile_signs_a_step_functions_call() {
        let endpoint = endpoint();
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir(home.path().join(".aws")).unwrap();
        std::fs::write(
            home.path().join(".aws/config"),
            format!(
                "[profile app]\nrole_arn = arn:aws:iam::123456789012:role/app\n\
                 source_profile = mid\nrole_session_name = app\nservices = local\n\
                 [profile mid]\nrole_arn = arn:aws:iam::123456789012:role/mid\n\
                 source_profile = base\n\
                 [profile base]\naws_access_key_id = testing\naws_secret_access_key = testing\n\
                 [services local]\nsts =\n  endpoint_url = {endpoint}\n"
            ),
        )
        .unwrap();
        let env = env(&home, &[("AWS_PROFILE", "app")]);
        let c = Profile::with_environment(env.clone()).provide_credentials().await.unwrap();
        assert!(c.access_key_id().starts_with("ASIA"), "{c:?}");
        assert_ne!(c.access_key_id(), "testing");
        assert!(c.expiry().is_some_and(|at| at > SystemTime::now()), "{c:?}");
        call_with(env, &endpoint).await;
    }
}
