//! Facts: identifiers that tie a unit to cloud accounts, secret stores, state
//! backends, networks, principals, identity realms and data sources, each
//! tagged with the unit's environment and the exact place it is written.
//! Cross-environment checks ([`super::rules`]) join facts of production and
//! non-production units on equal (or overlapping) values.

use serde::Serialize;

use crate::model::kubernetes::Object;
use crate::model::terraform::Block;
use crate::model::{Node, Value};
use crate::source::{SourceRef, Span};

use super::Environment;

/// What a fact identifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    /// A cloud account, project or subscription the unit deploys into.
    Account,
    /// A secret (store and key) the unit reads or manages.
    Secret,
    /// A KMS key or key vault the unit uses.
    Key,
    /// The Terraform state location.
    StateBackend,
    /// An address range the unit's network owns.
    Network,
    /// An address range a firewall rule of the unit admits.
    AdmittedRange,
    /// An account a network peering of the unit connects to.
    PeerAccount,
    /// A principal (role, service account) the unit authorises or runs as.
    Principal,
    /// An identity realm (Keycloak realm, OIDC issuer, user pool, tenant).
    Realm,
    /// A data source the unit restores or reads (snapshots, backups, buckets).
    DataSource,
    /// A Kubernetes cluster the unit deploys to.
    Cluster,
}

/// One fact.
#[derive(Debug, Clone)]
pub struct Fact {
    /// What it identifies.
    pub kind: FactKind,
    /// The normalised value compared across units.
    pub value: String,
    /// The environment of the unit.
    pub env: Environment,
    /// An identifier of the unit (facts of one unit never match each other).
    pub unit: String,
    /// The file.
    pub source: SourceRef,
    /// Where the value is written.
    pub span: Span,
    /// The resource or object the value belongs to.
    pub resource: String,
}

/// Whether a value is a placeholder that must never count as equal to anything.
#[must_use]
pub fn is_placeholder(v: &str) -> bool {
    let t = v.trim();
    // `UPDATE_PROJECTS_BACKEND`, `YOUR_ACCOUNT_ID`: a name to fill in, not a value.
    if t.contains('_')
        && t.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        return true;
    }
    let l = t.to_ascii_lowercase();
    l.is_empty()
        || l.contains("replaceme")
        || l.contains("replace_me")
        || l.contains("update_me")
        || l.contains("changeme")
        || l.contains("xxxx")
        || l.contains("todo")
        || l.starts_with('<')
        || l.contains("${")
        || l.contains("{{")
        || l.chars().all(|c| c == '0' || c == '-')
        || l == "123456789012"
        || l == "000000000000"
}

/// The account id of an AWS ARN (`arn:aws:iam::111111111111:role/x`).
#[must_use]
pub fn arn_account(arn: &str) -> Option<&str> {
    let mut parts = arn.split(':');
    if parts.next()? != "arn" {
        return None;
    }
    let account = parts.nth(3)?;
    (account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit())).then_some(account)
}

/// Collects facts for one unit.
pub struct Collector<'a> {
    /// The unit's environment.
    pub env: &'a Environment,
    /// The unit's identifier.
    pub unit: &'a str,
    /// The unit's files.
    pub files: &'a [SourceRef],
    /// Facts found so far.
    pub out: Vec<Fact>,
}

impl Collector<'_> {
    fn push(&mut self, kind: FactKind, value: String, node: &Node, resource: &str) {
        if is_placeholder(&value) {
            return;
        }
        let Some(source) = self.files.get(node.file as usize) else {
            return;
        };
        self.out.push(Fact {
            kind,
            value,
            env: self.env.clone(),
            unit: self.unit.to_string(),
            source: std::sync::Arc::clone(source),
            span: node.span,
            resource: resource.to_string(),
        });
    }

    /// [`Self::push`] for a fact of a Terraform block: its address is only
    /// formatted when the block has a fact (few blocks have one).
    fn push_at(&mut self, kind: FactKind, value: String, node: &Node, block: &Block) {
        self.push(kind, value, node, &block.address());
    }

    fn strings(node: Option<&Node>) -> Vec<&Node> {
        node.map_or_else(Vec::new, |n| {
            n.as_many()
                .iter()
                .filter(|x| matches!(x.value, Value::String(_)))
                .collect()
        })
    }

    /// The AWS account a Terraform unit deploys into, from its providers (if known).
    #[must_use]
    pub fn aws_account(blocks: &[Block]) -> Option<String> {
        for b in blocks
            .iter()
            .filter(|b| b.kind == "provider" && b.label(0) == Some("aws"))
        {
            if let Some(a) = b
                .body
                .get("allowed_account_ids")
                .and_then(|n| n.as_many().first())
                .and_then(Node::as_str)
            {
                if !is_placeholder(a) {
                    return Some(a.to_string());
                }
            }
            for ar in b.body.get("assume_role").map_or(&[][..], Node::as_many) {
                if let Some(acc) = ar
                    .get("role_arn")
                    .and_then(Node::as_str)
                    .and_then(arn_account)
                {
                    return Some(acc.to_string());
                }
            }
        }
        None
    }

    /// Facts of evaluated Terraform blocks.
    pub fn terraform(&mut self, blocks: &[Block]) {
        let account = Self::aws_account(blocks);
        let scope = account.clone().unwrap_or_else(|| "?".into());
        for b in blocks {
            let body = &b.body;
            match (b.kind.as_str(), b.label(0).unwrap_or("")) {
                ("provider", "aws") => {
                    for n in Self::strings(body.get("allowed_account_ids")) {
                        let v = n.as_str().unwrap_or("").to_string();
                        self.push_at(FactKind::Account, format!("aws:{v}"), n, b);
                    }
                    for ar in body.get("assume_role").map_or(&[][..], Node::as_many) {
                        if let Some(n) = ar.get("role_arn") {
                            if let Some(acc) = n.as_str().and_then(arn_account) {
                                self.push_at(FactKind::Account, format!("aws:{acc}"), n, b);
                            }
                        }
                    }
                }
                ("provider", "google" | "google-beta") => {
                    if let Some(n) = body.get("project").filter(|n| n.as_str().is_some()) {
                        let v = format!("gcp:{}", n.as_str().unwrap_or(""));
                        self.push_at(FactKind::Account, v, n, b);
                    }
                }
                ("provider", "azurerm" | "azuread") => {
                    if let Some(n) = body.get("subscription_id").filter(|n| n.as_str().is_some()) {
                        let v = format!("azure:{}", n.as_str().unwrap_or("").to_ascii_lowercase());
                        self.push_at(FactKind::Account, v, n, b);
                    }
                    if let Some(n) = body.get("tenant_id").filter(|n| n.as_str().is_some()) {
                        let v = format!(
                            "azure-tenant:{}",
                            n.as_str().unwrap_or("").to_ascii_lowercase()
                        );
                        self.push_at(FactKind::Realm, v, n, b);
                    }
                }
                ("provider", "keycloak") => {
                    if let Some(n) = body.get("url").filter(|n| n.as_str().is_some()) {
                        let realm = body.get("realm").and_then(Node::as_str).unwrap_or("master");
                        // Logging in through `master` says nothing about the realms served.
                        if realm != "master" {
                            let v = format!(
                                "keycloak:{}/{}",
                                n.as_str().unwrap_or("").trim_end_matches('/'),
                                realm
                            );
                            self.push_at(FactKind::Realm, v, n, b);
                        }
                    }
                }
                ("provider", "kubernetes" | "helm") => {
                    let cfg = if b.label(0) == Some("helm") {
                        body.get("kubernetes")
                            .and_then(|k| k.as_many().first())
                            .unwrap_or(body)
                    } else {
                        body
                    };
                    for key in ["host", "config_context"] {
                        if let Some(n) = cfg.get(key).filter(|n| n.as_str().is_some()) {
                            let v = format!("cluster:{}", n.as_str().unwrap_or(""));
                            self.push_at(FactKind::Cluster, v, n, b);
                        }
                    }
                }
                ("terraform", _) => {
                    for be in body.get("backend").map_or(&[][..], Node::as_many) {
                        let ty = be
                            .get("__labels__")
                            .and_then(|l| l.items().first())
                            .and_then(Node::as_str)
                            .unwrap_or("backend");
                        let bucket = be
                            .get("bucket")
                            .or_else(|| be.get("storage_account_name"))
                            .or_else(|| be.get("path"));
                        if let Some(n) =
                            bucket.filter(|n| n.as_str().is_some_and(|b| !is_placeholder(b)))
                        {
                            let key = be
                                .get("key")
                                .or_else(|| be.get("prefix"))
                                .and_then(Node::as_str)
                                .unwrap_or("");
                            let v = format!("{ty}:{}/{key}", n.as_str().unwrap_or(""));
                            self.push_at(FactKind::StateBackend, v, n, b);
                        }
                    }
                }
                ("resource" | "data", ty) => self.terraform_resource(ty, body, b, &scope),
                _ => {}
            }
        }
    }

    fn terraform_resource(&mut self, ty: &str, body: &Node, b: &Block, account: &str) {
        let secret_key = match ty {
            "aws_secretsmanager_secret" => Some(("name", "secretsmanager")),
            "aws_secretsmanager_secret_version" => Some(("secret_id", "secretsmanager")),
            "aws_ssm_parameter" => Some(("name", "ssm")),
            "vault_generic_secret" | "vault_kv_secret" | "vault_kv_secret_v2" => {
                Some(("path", "vault"))
            }
            "google_secret_manager_secret" => Some(("secret_id", "gcp-secret")),
            "google_secret_manager_secret_version" => Some(("secret", "gcp-secret")),
            "azurerm_key_vault" => Some(("name", "keyvault")),
            _ => None,
        };
        if let Some((attr, store)) = secret_key {
            if let Some(n) = body.get(attr).filter(|n| n.as_str().is_some()) {
                let raw = n.as_str().unwrap_or("");
                // ARNs carry their account; plain names are qualified by the unit's account.
                let v = match arn_account(raw) {
                    Some(_) => format!("{store}:{raw}"),
                    None => match ty {
                        "vault_generic_secret" | "vault_kv_secret" | "vault_kv_secret_v2" => {
                            let mount = body.get("mount").and_then(Node::as_str).unwrap_or("");
                            format!("{store}:{mount}/{raw}")
                        }
                        "azurerm_key_vault" => format!("{store}:{raw}"),
                        _ => format!("{store}:{account}:{raw}"),
                    },
                };
                self.push_at(FactKind::Secret, v, n, b);
            }
        }
        match ty {
            "aws_kms_key" | "aws_kms_alias" => {
                if let Some(n) = body
                    .get("name")
                    .or_else(|| body.get("key_id"))
                    .filter(|n| n.as_str().is_some())
                {
                    let raw = n.as_str().unwrap_or("");
                    if !raw.starts_with("alias/aws/") {
                        let v = format!("kms:{account}:{raw}");
                        self.push_at(FactKind::Key, v, n, b);
                    }
                }
            }
            "aws_vpc" => {
                if let Some(n) = body.get("cidr_block").filter(|n| n.as_str().is_some()) {
                    let v = n.as_str().unwrap_or("").to_string();
                    self.push_at(FactKind::Network, v, n, b);
                }
            }
            "aws_security_group" => {
                for rule in body.get("ingress").map_or(&[][..], Node::items) {
                    for n in Self::strings(rule.get("cidr_blocks")) {
                        let v = n.as_str().unwrap_or("").to_string();
                        self.push_at(FactKind::AdmittedRange, v, n, b);
                    }
                }
            }
            "aws_security_group_rule" | "aws_vpc_security_group_ingress_rule" => {
                let ingress = ty == "aws_vpc_security_group_ingress_rule"
                    || body.get("type").and_then(Node::as_str) == Some("ingress");
                if ingress {
                    for key in ["cidr_blocks", "cidr_ipv4"] {
                        for n in Self::strings(body.get(key)) {
                            let v = n.as_str().unwrap_or("").to_string();
                            self.push_at(FactKind::AdmittedRange, v, n, b);
                        }
                    }
                }
            }
            "aws_vpc_peering_connection" => {
                if let Some(n) = body.get("peer_owner_id").filter(|n| n.as_str().is_some()) {
                    let v = format!("aws:{}", n.as_str().unwrap_or(""));
                    self.push_at(FactKind::PeerAccount, v, n, b);
                }
            }
            "aws_iam_role" => {
                if let Some(doc) = body.get("assume_role_policy") {
                    self.trust_principals(doc, b);
                }
            }
            "aws_db_instance" | "aws_rds_cluster" | "aws_docdb_cluster" | "aws_neptune_cluster" => {
                for key in ["snapshot_identifier", "replicate_source_db"] {
                    if let Some(n) = body.get(key).filter(|n| n.as_str().is_some()) {
                        let v = format!("snapshot:{}", n.as_str().unwrap_or(""));
                        self.push_at(FactKind::DataSource, v, n, b);
                    }
                }
                for r in body
                    .get("restore_to_point_in_time")
                    .map_or(&[][..], Node::as_many)
                {
                    for key in ["source_db_instance_identifier", "source_cluster_identifier"] {
                        if let Some(n) = r.get(key).filter(|n| n.as_str().is_some()) {
                            let v = format!("snapshot:{}", n.as_str().unwrap_or(""));
                            self.push_at(FactKind::DataSource, v, n, b);
                        }
                    }
                }
            }
            "aws_ebs_volume" => {
                if let Some(n) = body.get("snapshot_id").filter(|n| n.as_str().is_some()) {
                    let v = format!("snapshot:{}", n.as_str().unwrap_or(""));
                    self.push_at(FactKind::DataSource, v, n, b);
                }
            }
            "keycloak_realm" => {
                if let Some(n) = body.get("realm").filter(|n| n.as_str().is_some()) {
                    let v = format!("keycloak-realm:{}", n.as_str().unwrap_or(""));
                    self.push_at(FactKind::Realm, v, n, b);
                }
            }
            "aws_cognito_user_pool_client" | "aws_cognito_user_pool_domain" => {
                if let Some(n) = body.get("user_pool_id").filter(|n| n.as_str().is_some()) {
                    let v = format!("cognito:{}", n.as_str().unwrap_or(""));
                    self.push_at(FactKind::Realm, v, n, b);
                }
            }
            _ => {}
        }
    }

    /// Principals trusted by a role's trust policy (a decoded document or JSON text).
    fn trust_principals(&mut self, doc: &Node, b: &Block) {
        let parsed;
        let doc = match &doc.value {
            Value::String(s) => {
                let Ok(json) = serde_json::from_str::<serde_json::Value>(s) else {
                    return;
                };
                parsed = json_to_node(&json, doc);
                &parsed
            }
            _ => doc,
        };
        let get = |n: &'_ Node, k: &str| -> Option<Node> {
            n.entries()
                .iter()
                .find(|e| e.key.eq_ignore_ascii_case(k))
                .map(|e| e.value.clone())
        };
        for st in get(doc, "Statement").map_or_else(Vec::new, |s| s.as_many().to_vec()) {
            let Some(p) = get(&st, "Principal") else {
                continue;
            };
            for e in p.entries() {
                if !matches!(e.key.as_str(), "AWS" | "Federated") {
                    continue;
                }
                for n in e.value.as_many() {
                    if let Some(s) = n.as_str() {
                        if s != "*" {
                            self.push_at(FactKind::Principal, format!("aws-principal:{s}"), n, b);
                        }
                    }
                }
            }
        }
    }

    /// Facts of an evaluated Terragrunt configuration: the account from the
    /// inputs (`aws_account_id`, usually merged from `account.hcl`) and the
    /// `remote_state` location.
    pub fn terragrunt(&mut self, config: &Node) {
        let inputs = config.get("inputs");
        for key in ["aws_account_id", "account_id"] {
            if let Some(n) = inputs
                .and_then(|i| i.get(key))
                .filter(|n| n.as_str().is_some())
            {
                let v = format!("aws:{}", n.as_str().unwrap_or(""));
                self.push(FactKind::Account, v, n, "terragrunt inputs");
            }
        }
        if let Some(rs) = config.get("remote_state") {
            let ty = rs
                .get("backend")
                .and_then(Node::as_str)
                .unwrap_or("backend");
            let cfg = rs.get("config");
            let bucket =
                cfg.and_then(|c| c.get("bucket").or_else(|| c.get("storage_account_name")));
            if let Some(n) = bucket.filter(|n| n.as_str().is_some_and(|b| !is_placeholder(b))) {
                let key = cfg
                    .and_then(|c| c.get("key").or_else(|| c.get("prefix")))
                    .and_then(Node::as_str)
                    .unwrap_or("");
                let v = format!("{ty}:{}/{key}", n.as_str().unwrap_or(""));
                self.push(FactKind::StateBackend, v, n, "terragrunt remote_state");
            }
        }
    }

    /// Facts of a Kubernetes object.
    pub fn kubernetes(&mut self, obj: &Object) {
        let addr = obj.address();
        match obj.kind.as_str() {
            "ExternalSecret" => {
                let store = obj
                    .root
                    .path("spec.secretStoreRef.name")
                    .and_then(Node::as_str)
                    .unwrap_or("?")
                    .to_string();
                let spec = obj.root.get("spec");
                for d in spec
                    .and_then(|s| s.get("data"))
                    .map_or(&[][..], Node::items)
                {
                    if let Some(n) = d.path("remoteRef.key").filter(|n| n.as_str().is_some()) {
                        let v = format!("external-secret:{store}:{}", n.as_str().unwrap_or(""));
                        self.push(FactKind::Secret, v, n, &addr);
                    }
                }
                for d in spec
                    .and_then(|s| s.get("dataFrom"))
                    .map_or(&[][..], Node::items)
                {
                    if let Some(n) = d.path("extract.key").filter(|n| n.as_str().is_some()) {
                        let v = format!("external-secret:{store}:{}", n.as_str().unwrap_or(""));
                        self.push(FactKind::Secret, v, n, &addr);
                    }
                }
            }
            "SecretProviderClass" => {
                if let Some(n) = obj
                    .root
                    .path("spec.parameters.keyvaultName")
                    .filter(|n| n.as_str().is_some())
                {
                    let v = format!("keyvault:{}", n.as_str().unwrap_or(""));
                    self.push(FactKind::Secret, v, n, &addr);
                }
            }
            "ServiceAccount" => {
                for key in [
                    "eks.amazonaws.com/role-arn",
                    "iam.gke.io/gcp-service-account",
                    "azure.workload.identity/client-id",
                ] {
                    if let Some(n) = obj.annotation(key).filter(|n| n.as_str().is_some()) {
                        let v = format!("workload-identity:{}", n.as_str().unwrap_or(""));
                        self.push(FactKind::Principal, v, n, &addr);
                    }
                }
            }
            "Application" => {
                if let Some(n) = obj
                    .root
                    .path("spec.destination.server")
                    .or_else(|| obj.root.path("spec.destination.name"))
                    .filter(|n| n.as_str().is_some())
                {
                    let v = format!("cluster:{}", n.as_str().unwrap_or(""));
                    self.push(FactKind::Cluster, v, n, &addr);
                }
            }
            _ => {}
        }
        // Issuer URLs in container environments (`OIDC_ISSUER`, `.../realms/<realm>`).
        for c in obj.containers() {
            for e in c.node.get("env").map_or(&[][..], Node::items) {
                let (Some(name), Some(v)) = (e.get("name").and_then(Node::as_str), e.get("value"))
                else {
                    continue;
                };
                let Some(text) = v.as_str() else { continue };
                let upper = name.to_ascii_uppercase();
                if upper.contains("ISSUER") || text.contains("/realms/") {
                    let url = text.trim_end_matches('/').to_string();
                    self.push(FactKind::Realm, format!("issuer:{url}"), v, &addr);
                }
            }
        }
    }
}

fn json_to_node(v: &serde_json::Value, at: &Node) -> Node {
    let value = match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(0.0)),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(a) => Value::List(a.iter().map(|x| json_to_node(x, at)).collect()),
        serde_json::Value::Object(o) => Value::Map(
            o.iter()
                .map(|(k, x)| crate::model::Entry {
                    key: k.clone(),
                    key_span: at.span,
                    value: json_to_node(x, at),
                })
                .collect(),
        ),
    };
    Node {
        span: at.span,
        file: at.file,
        value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_and_placeholders() {
        assert_eq!(
            arn_account("arn:aws:iam::111111111111:role/x"),
            Some("111111111111")
        );
        assert_eq!(arn_account("arn:aws:s3:::bucket"), None);
        assert!(is_placeholder("replaceme"));
        assert!(is_placeholder("123456789012"));
        assert!(is_placeholder("${var.account}"));
        assert!(!is_placeholder("111122223333"));
        assert!(is_placeholder("UPDATE_PROJECTS_BACKEND"));
        assert!(!is_placeholder("acme-terraform-state"));
    }
}
