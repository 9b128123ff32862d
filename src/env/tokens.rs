//! Environment names in paths, file names, namespaces and values: whole-token
//! matching with the usual spellings.

use super::EnvClass;

/// Segments under which a plain `test`/`tests` folder names an environment
/// (elsewhere `test/` holds test code, not an environment).
const ENV_CONTAINERS: &[&str] = &[
    "env",
    "envs",
    "environment",
    "environments",
    "overlays",
    "stages",
    "stage",
    "clusters",
    "accounts",
    "live",
    "deployments",
    "variables",
    "vars",
    "tfvars",
    "config",
    "configs",
    "apps",
];

/// The environment class a single token names, if any.
#[must_use]
pub fn class_of_token(token: &str) -> Option<EnvClass> {
    let t = token.to_ascii_lowercase();
    Some(match t.as_str() {
        "prod" | "production" | "prd" | "prods" => EnvClass::Production,
        "stage" | "staging" | "stg" | "preprod" | "preproduction" | "uat" | "nonprod"
        | "nonproduction" | "acceptance" | "acc" => EnvClass::Staging,
        "test" | "tests" | "tst" | "qa" | "e2e" | "perf" | "load" | "integration" => EnvClass::Test,
        "dev" | "develop" | "development" | "sandbox" | "sbx" | "review" | "ephemeral" => {
            EnvClass::Development
        }
        "shared" | "management" | "mgmt" | "bootstrap" | "seed" => EnvClass::Shared,
        _ => return None,
    })
}

/// Split a path segment or name into lower-case word tokens (on `-`, `_`,
/// `.`, spaces and digits), keeping the multi-word spellings `non-prod` and
/// `pre-prod` together.
#[must_use]
pub fn tokens(s: &str) -> Vec<String> {
    let mut lower = s.to_ascii_lowercase();
    for (spelled, joined) in [
        ("non-prod", "nonprod"),
        ("non_prod", "nonprod"),
        ("pre-prod", "preprod"),
        ("pre_prod", "preprod"),
        ("log-archive", "logarchive"),
    ] {
        // Called for every path and name: copy only when there is something to join.
        if lower.contains(spelled) {
            lower = lower.replace(spelled, joined);
        }
    }
    lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The class named by a name (namespace, file name, value), with the token
/// that named it. The last matching token wins (`shop-dev` → development).
#[must_use]
pub fn class_of_name(name: &str) -> Option<(EnvClass, String)> {
    tokens(name)
        .into_iter()
        .rev()
        .find_map(|t| class_of_token(&t).map(|c| (c, t)))
}

/// The class a repository-relative path names, with the segment that named it.
/// The deepest matching segment wins; a bare `test`/`tests` folder counts only
/// under an environment container such as `envs/`.
#[must_use]
pub fn class_of_path(path: &str) -> Option<(EnvClass, String)> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let under_env_container = |i: usize| {
        i.checked_sub(1).is_some_and(|p| {
            ENV_CONTAINERS
                .iter()
                .any(|c| c.eq_ignore_ascii_case(segments[p]))
        })
    };
    // Test code (`test/integration/...`) holds fixtures, not environments.
    if segments.iter().enumerate().any(|(i, seg)| {
        (seg.eq_ignore_ascii_case("test") || seg.eq_ignore_ascii_case("tests"))
            && !under_env_container(i)
    }) {
        return None;
    }
    // A trailing `/` marks a folder: then there is no file name to judge.
    let last = if path.ends_with('/') {
        usize::MAX
    } else {
        segments.len().saturating_sub(1)
    };
    for (i, seg) in segments.iter().enumerate().rev() {
        // File names name an environment only in the usual per-environment
        // files (`prod.tfvars`, `values-prod.yaml`, `Dockerfile.prod`,
        // `docker-compose.prod.yml`), not in any manifest name.
        if i == last && !is_per_environment_file(seg) {
            continue;
        }
        let toks = tokens(seg);
        for t in toks.iter().rev() {
            let Some(class) = class_of_token(t) else {
                continue;
            };
            return Some((class, (*seg).to_string()));
        }
    }
    None
}

/// Files whose name conventionally carries the environment.
fn is_per_environment_file(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    l.ends_with(".tfvars")
        || l.ends_with(".tfvars.json")
        || l.starts_with("values")
        || l.ends_with("-values.yaml")
        || l.ends_with("-values.yml")
        || l.starts_with("dockerfile")
        || l.ends_with(".dockerfile")
        || l.starts_with("containerfile")
        || l.starts_with("docker-compose")
        || l.starts_with("compose.")
        || l.starts_with(".env")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_tokens_only() {
        assert_eq!(
            class_of_path("envs/prod/main.tf").map(|x| x.0),
            Some(EnvClass::Production)
        );
        assert_eq!(class_of_path("modules/products/main.tf"), None);
        assert_eq!(class_of_path("reproduce/main.tf"), None);
        assert_eq!(class_of_path("backstage/app.yaml"), None);
        assert_eq!(class_of_path("devices/app.yaml"), None);
        assert_eq!(
            class_of_path("non-prod/us-east-1/qa/mysql/terragrunt.hcl").map(|x| x.0),
            Some(EnvClass::Test)
        );
        assert_eq!(
            class_of_path("non-prod/us-east-1/mysql/terragrunt.hcl").map(|x| x.0),
            Some(EnvClass::Staging)
        );
        assert_eq!(
            class_of_path("config/prod.tfvars").map(|x| x.0),
            Some(EnvClass::Production)
        );
        assert_eq!(
            class_of_path("chart/values-production.yaml").map(|x| x.0),
            Some(EnvClass::Production)
        );
        assert_eq!(
            class_of_path("k8s/overlays/staging-eu/kustomization.yaml").map(|x| x.0),
            Some(EnvClass::Staging)
        );
        assert_eq!(
            class_of_path("svc/Dockerfile.prod").map(|x| x.0),
            Some(EnvClass::Production)
        );
        // test code is not an environment; envs/test is
        assert_eq!(class_of_path("test/integration/envs/main.tf"), None);
        assert_eq!(
            class_of_path("envs/test/main.tf").map(|x| x.0),
            Some(EnvClass::Test)
        );
        // `live` is ambiguous (Terragrunt's deployed tree)
        assert_eq!(
            class_of_path("infrastructure-live/us-east-1/app/terragrunt.hcl"),
            None
        );
        assert_eq!(
            class_of_name("shop-dev").map(|x| x.0),
            Some(EnvClass::Development)
        );
        assert_eq!(
            class_of_name("prod-us").map(|x| x.0),
            Some(EnvClass::Production)
        );
    }
}
