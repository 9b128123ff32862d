//! Cross-environment checks (BH01xx): join the facts of production and
//! non-production units and report what they share. Each finding is placed
//! at the non-production side (or at the side that creates a connection) and
//! carries the production side as a related location. Unknown values and
//! placeholders never count as equal; values declared in the `shared` tier
//! or accepted by a reasoned exception are not reported.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::engine::matcher::parse_net;
use crate::engine::run::ActiveCheck;
use crate::finding::{Finding, Related};

use super::config::{EnvConfig, IdField};
use super::facts::{Fact, FactKind, arn_account};
use super::{EnvClass, tokens};

/// The check ids of this module.
pub mod ids {
    /// Production and non-production deploy into the same account, project or subscription.
    pub const SHARED_ACCOUNT: &str = "BH0101";
    /// Production and non-production use the same secret or key.
    pub const SHARED_SECRET: &str = "BH0102";
    /// Production and non-production keep Terraform state in the same place.
    pub const SHARED_STATE: &str = "BH0103";
    /// A network path connects production and non-production.
    pub const NETWORK_PATH: &str = "BH0104";
    /// One principal is authorised in both.
    pub const SHARED_PRINCIPAL: &str = "BH0105";
    /// One identity realm serves both.
    pub const SHARED_REALM: &str = "BH0106";
    /// Non-production reads production data.
    pub const PRODUCTION_DATA: &str = "BH0107";
    /// Both deploy to the same cluster.
    pub const SHARED_CLUSTER: &str = "BH0108";
}

fn check_for(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Account => ids::SHARED_ACCOUNT,
        FactKind::Secret | FactKind::Key => ids::SHARED_SECRET,
        FactKind::StateBackend => ids::SHARED_STATE,
        FactKind::Network | FactKind::AdmittedRange | FactKind::PeerAccount => ids::NETWORK_PATH,
        FactKind::Principal => ids::SHARED_PRINCIPAL,
        FactKind::Realm => ids::SHARED_REALM,
        FactKind::DataSource => ids::PRODUCTION_DATA,
        FactKind::Cluster => ids::SHARED_CLUSTER,
    }
}

fn describe(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Account => "account",
        FactKind::Secret => "secret",
        FactKind::Key => "encryption key",
        FactKind::StateBackend => "Terraform state location",
        FactKind::Network | FactKind::AdmittedRange => "network",
        FactKind::PeerAccount => "peered account",
        FactKind::Principal => "principal",
        FactKind::Realm => "identity realm",
        FactKind::DataSource => "data source",
        FactKind::Cluster => "cluster",
    }
}

/// The value as users know it (without the comparison prefix).
fn shown(value: &str) -> &str {
    value.split_once(':').map_or(value, |(_, v)| v)
}

struct Ctx<'a> {
    checks: &'a [ActiveCheck],
    cfg: &'a EnvConfig,
    out: Vec<Finding>,
}

impl Ctx<'_> {
    fn active(&self, id: &str) -> Option<&ActiveCheck> {
        self.checks.iter().find(|c| c.check.id == id)
    }

    fn report(&mut self, id: &str, at: &Fact, prod: Option<&Fact>, value: &str, message: String) {
        let Some(ac) = self.active(id) else {
            return;
        };
        if self
            .cfg
            .exception(&ac.check.id, &ac.check.name, value)
            .is_some()
        {
            return;
        }
        let related = prod
            .map(|p| {
                vec![Related {
                    source: Arc::clone(&p.source),
                    span: p.span,
                    message: format!("{} ({}) uses it here", p.resource, p.env.label()),
                }]
            })
            .unwrap_or_default();
        self.out.push(Finding {
            check: Arc::clone(&ac.check),
            severity: ac.severity,
            source: Arc::clone(&at.source),
            span: at.span,
            message: message.into(),
            resource: at.resource.as_str().into(),
            evidence: value.into(),
            related,
            environment: Some(at.env.label().into()),
            suppression: None,
            sla: None,
        });
    }
}

fn is_prod(f: &Fact) -> bool {
    f.env.class == EnvClass::Production
}

fn is_nonprod(f: &Fact) -> bool {
    f.env.class.is_non_production()
}

/// Whether the configured shared tier owns a value.
fn shared_tier(cfg: &EnvConfig, f: &Fact) -> bool {
    let v = shown(&f.value);
    let field = match f.kind {
        FactKind::Account | FactKind::PeerAccount => {
            if f.value.starts_with("gcp:") {
                IdField::GcpProject
            } else if f.value.starts_with("azure:") {
                IdField::AzureSubscription
            } else {
                IdField::AwsAccount
            }
        }
        FactKind::StateBackend => IdField::StateBucket,
        FactKind::Cluster => IdField::Cluster,
        _ => return false,
    };
    let key = if f.kind == FactKind::StateBackend {
        v.split('/').next().unwrap_or(v)
    } else {
        v
    };
    cfg.owner_of(field, key)
        .is_some_and(|(_, class)| class == EnvClass::Shared)
}

/// Run every cross-environment check over the facts of a scan.
#[must_use]
pub fn run(facts: &[Fact], checks: &[ActiveCheck], cfg: &EnvConfig) -> Vec<Finding> {
    let mut ctx = Ctx {
        checks,
        cfg,
        out: Vec::new(),
    };
    equal_values(&mut ctx, facts);
    state_buckets(&mut ctx, facts);
    network_paths(&mut ctx, facts);
    production_data(&mut ctx, facts);
    configured_accounts(&mut ctx, facts);
    ctx.out
}

/// Accounts, secrets, keys, principals, realms and clusters: the same value in both.
fn equal_values(ctx: &mut Ctx<'_>, facts: &[Fact]) {
    let mut groups: BTreeMap<(FactKind, &str), Vec<&Fact>> = BTreeMap::new();
    for f in facts {
        if matches!(
            f.kind,
            FactKind::Account
                | FactKind::Secret
                | FactKind::Key
                | FactKind::Principal
                | FactKind::Realm
                | FactKind::Cluster
        ) {
            groups
                .entry((f.kind, f.value.as_str()))
                .or_default()
                .push(f);
        }
    }
    for ((kind, value), group) in groups {
        let Some(prod) = first_by_place(group.iter().copied().filter(|f| is_prod(f))) else {
            continue;
        };
        if shared_tier(ctx.cfg, prod) {
            continue;
        }
        for f in group
            .iter()
            .filter(|f| is_nonprod(f) && f.unit != prod.unit)
        {
            let message = format!(
                "{} ({}) uses {} `{}`, which production also uses ({}): environments must not share {}s",
                f.resource,
                f.env.label(),
                describe(kind),
                shown(value),
                prod.resource,
                describe(kind)
            );
            ctx.report(check_for(kind), f, Some(prod), value, message);
        }
    }
}

fn first_by_place<'a>(it: impl Iterator<Item = &'a Fact>) -> Option<&'a Fact> {
    it.min_by(|a, b| (&a.source.path, a.span.start).cmp(&(&b.source.path, b.span.start)))
}

/// State in the same bucket (a collision when the key is the same too).
fn state_buckets(ctx: &mut Ctx<'_>, facts: &[Fact]) {
    let state: Vec<&Fact> = facts
        .iter()
        .filter(|f| f.kind == FactKind::StateBackend)
        .collect();
    for f in state.iter().filter(|f| is_nonprod(f)) {
        let (ty, rest) = f.value.split_once(':').unwrap_or(("", &f.value));
        let bucket = rest.split('/').next().unwrap_or(rest);
        let prod = first_by_place(state.iter().copied().filter(|p| {
            is_prod(p)
                && p.unit != f.unit
                && p.value
                    .split_once(':')
                    .is_some_and(|(t, r)| t == ty && r.split('/').next() == Some(bucket))
        }));
        let Some(prod) = prod else { continue };
        if shared_tier(ctx.cfg, prod) {
            continue;
        }
        let same_key = prod.value == f.value;
        let message = if same_key {
            format!(
                "{} ({}) writes its Terraform state to `{}`, the same location as production: one environment overwrites the other's state",
                f.resource,
                f.env.label(),
                rest
            )
        } else {
            format!(
                "{} ({}) keeps its Terraform state in bucket `{bucket}`, which also holds production state (and its secrets)",
                f.resource,
                f.env.label()
            )
        };
        let value = format!("{ty}:{bucket}");
        ctx.report(ids::SHARED_STATE, f, Some(prod), &value, message);
    }
}

/// Firewall rules admitting the other environment's networks; peerings with its accounts.
fn network_paths(ctx: &mut Ctx<'_>, facts: &[Fact]) {
    let mut networks: Vec<(&Fact, ipnet::IpNet)> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Network)
        .filter_map(|f| parse_net(&f.value).map(|n| (f, n)))
        .collect();
    networks.sort_by(|a, b| {
        (&a.0.source.path, a.0.span.start).cmp(&(&b.0.source.path, b.0.span.start))
    });
    let configured = ctx.cfg.cidrs();
    for f in facts.iter().filter(|f| f.kind == FactKind::AdmittedRange) {
        let Some(admitted) = parse_net(&f.value) else {
            continue;
        };
        // Broad private ranges (10.0.0.0/8) admit everything internal; only ranges
        // aimed at another environment's network count as a path to it.
        if admitted.prefix_len() < 12 {
            continue;
        }
        let cross = |class: EnvClass| {
            (f.env.class == EnvClass::Production && class.is_non_production())
                || (f.env.class.is_non_production() && class == EnvClass::Production)
        };
        let hit = networks.iter().find(|(n, net)| {
            n.unit != f.unit
                && cross(n.env.class)
                && (net.contains(&admitted) || admitted.contains(net))
        });
        if let Some((other, _)) = hit {
            let message = format!(
                "{} ({}) admits `{}`, the network of {} ({}): environments must not be connected",
                f.resource,
                f.env.label(),
                f.value,
                other.resource,
                other.env.label()
            );
            ctx.report(ids::NETWORK_PATH, f, Some(other), &f.value, message);
            continue;
        }
        if let Some((name, _, _)) = configured.iter().find(|(_, class, net)| {
            cross(*class) && (net.contains(&admitted) || admitted.contains(net))
        }) {
            let message = format!(
                "{} ({}) admits `{}`, which bulkhead.toml assigns to environment `{name}`: environments must not be connected",
                f.resource,
                f.env.label(),
                f.value
            );
            ctx.report(ids::NETWORK_PATH, f, None, &f.value, message);
        }
    }
    for f in facts.iter().filter(|f| f.kind == FactKind::PeerAccount) {
        let other = first_by_place(facts.iter().filter(|a| {
            a.kind == FactKind::Account
                && a.value == f.value
                && a.unit != f.unit
                && ((is_prod(f) && is_nonprod(a)) || (is_nonprod(f) && is_prod(a)))
        }));
        if let Some(other) = other {
            let message = format!(
                "{} ({}) peers with account `{}`, which {} uses: environments must not be connected",
                f.resource,
                f.env.label(),
                shown(&f.value),
                other.env.label()
            );
            ctx.report(ids::NETWORK_PATH, f, Some(other), &f.value, message);
        }
    }
}

/// Snapshots and replicas of production restored in non-production.
fn production_data(ctx: &mut Ctx<'_>, facts: &[Fact]) {
    let prod_accounts: Vec<&Fact> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Account && is_prod(f))
        .collect();
    for f in facts
        .iter()
        .filter(|f| f.kind == FactKind::DataSource && is_nonprod(f))
    {
        let source = shown(&f.value);
        let by_account = arn_account(source).and_then(|acc| {
            let v = format!("aws:{acc}");
            prod_accounts.iter().copied().find(|a| a.value == v)
        });
        let configured = arn_account(source)
            .and_then(|acc| ctx.cfg.owner_of(IdField::AwsAccount, acc))
            .filter(|(_, class)| *class == EnvClass::Production);
        let by_name = tokens::class_of_name(source.rsplit([':', '/']).next().unwrap_or(source))
            .filter(|(class, _)| *class == EnvClass::Production);
        if by_account.is_none() && configured.is_none() && by_name.is_none() {
            continue;
        }
        let why = if by_account.is_some() || configured.is_some() {
            "comes from the production account".to_string()
        } else {
            "is named after production".to_string()
        };
        let message = format!(
            "{} ({}) is created from `{source}`, which {why}: production data must not be used outside production",
            f.resource,
            f.env.label()
        );
        ctx.report(ids::PRODUCTION_DATA, f, by_account, &f.value, message);
    }
}

/// Non-production units deploying into an account configured as production.
fn configured_accounts(ctx: &mut Ctx<'_>, facts: &[Fact]) {
    for f in facts
        .iter()
        .filter(|f| f.kind == FactKind::Account && is_nonprod(f))
    {
        let (field, id) = match f.value.split_once(':') {
            Some(("aws", id)) => (IdField::AwsAccount, id),
            Some(("gcp", id)) => (IdField::GcpProject, id),
            Some(("azure", id)) => (IdField::AzureSubscription, id),
            _ => continue,
        };
        if let Some((name, EnvClass::Production)) = ctx.cfg.owner_of(field, id) {
            // Already reported against a scanned production unit?
            let dup = ctx.out.iter().any(|x| {
                x.check.id == ids::SHARED_ACCOUNT
                    && x.source.path == f.source.path
                    && x.span == f.span
            });
            if dup {
                continue;
            }
            let message = format!(
                "{} ({}) deploys into `{id}`, which bulkhead.toml assigns to production environment `{name}`",
                f.resource,
                f.env.label()
            );
            ctx.report(ids::SHARED_ACCOUNT, f, None, &f.value, message);
        }
    }
}
