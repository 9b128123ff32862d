//! Remediation deadlines from the policy's SLA tables (A.5 section 10.3).
//!
//! The deadline of a finding depends on its severity, on whether the
//! application is critical, on whether it is internet-facing, and on the day
//! the finding was first seen:
//!
//! | exposure        | application  | critical              | high    | medium (moderate) |
//! |-----------------|--------------|-----------------------|---------|-------------------|
//! | internet-facing | critical     | end of next working day | 7 days | 6 months         |
//! | internet-facing | non-critical | 7 days                | 21 days | none              |
//! | internal        | critical     | 7 days                | 30 days | 12 months         |
//! | internal        | non-critical | 21 days               | 60 days | none              |
//!
//! bulkhead's `critical`, `high` and `medium` severities are the policy's
//! critical, high and moderate vulnerabilities; `low` and `info` findings have
//! no deadline. The next working day skips Saturday and Sunday (public
//! holidays are not known). Criticality and exposure come from the
//! `[application]` table of `bulkhead.toml`, per path glob where given; without
//! configuration the strictest class applies: internet-facing and critical.

use globset::{Glob, GlobMatcher};

use crate::config::{Application, Criticality, Exposure};
use crate::date::Date;
use crate::engine::catalogue::Severity;
use crate::finding::{Finding, Sla};

/// How long a finding may stay open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowance {
    /// At the end of the next working day (Monday to Friday).
    NextWorkingDay,
    /// Within this many calendar days.
    Days(u32),
    /// Within this many months (same day of the month, clamped).
    Months(u32),
}

impl Allowance {
    /// The due date for a finding first seen on `first_seen`.
    #[must_use]
    pub fn due(self, first_seen: Date) -> Date {
        match self {
            Allowance::NextWorkingDay => first_seen.next_working_day(),
            Allowance::Days(n) => first_seen.add_days(i64::from(n)),
            Allowance::Months(n) => first_seen.add_months(n),
        }
    }
}

/// The SLA of the policy table for a severity, application criticality and exposure;
/// `None` when the policy sets no deadline.
#[must_use]
pub fn allowance(
    severity: Severity,
    criticality: Criticality,
    exposure: Exposure,
) -> Option<Allowance> {
    use Allowance::{Days, Months, NextWorkingDay};
    use Criticality::{Critical, NonCritical};
    use Exposure::{Internal, InternetFacing};
    match (exposure, criticality, severity) {
        (_, _, Severity::Low | Severity::Info) => None,
        (InternetFacing, Critical, Severity::Critical) => Some(NextWorkingDay),
        (InternetFacing, Critical, Severity::High)
        | (InternetFacing, NonCritical, Severity::Critical) => Some(Days(7)),
        (InternetFacing, Critical, Severity::Medium) => Some(Months(6)),
        (InternetFacing, NonCritical, Severity::High) => Some(Days(21)),
        (Internal, Critical, Severity::Critical) => Some(Days(7)),
        (Internal, Critical, Severity::High) => Some(Days(30)),
        (Internal, Critical, Severity::Medium) => Some(Months(12)),
        (Internal, NonCritical, Severity::Critical) => Some(Days(21)),
        (Internal, NonCritical, Severity::High) => Some(Days(60)),
        (_, NonCritical, Severity::Medium) => None,
    }
}

/// The application class of each path: `[application]` with its path globs compiled.
#[derive(Debug, Clone)]
pub struct Classifier {
    criticality: Criticality,
    exposure: Exposure,
    paths: Vec<(GlobMatcher, Option<Criticality>, Option<Exposure>)>,
}

impl Classifier {
    /// Compile the `[application]` configuration. Globs that do not compile
    /// are left out (configuration validation reports them first).
    #[must_use]
    pub fn new(app: &Application) -> Classifier {
        Classifier {
            criticality: app.criticality.unwrap_or(Criticality::Critical),
            exposure: app.exposure.unwrap_or(Exposure::InternetFacing),
            paths: app
                .paths
                .iter()
                .filter_map(|p| {
                    let glob = Glob::new(p.glob.get_ref()).ok()?.compile_matcher();
                    Some((glob, p.criticality, p.exposure))
                })
                .collect(),
        }
    }

    /// Criticality and exposure of a repository-relative path: the first
    /// `[[application.paths]]` entry whose glob matches decides, fields it
    /// leaves out come from `[application]`.
    #[must_use]
    pub fn classify(&self, path: &str) -> (Criticality, Exposure) {
        match self.paths.iter().find(|(g, _, _)| g.is_match(path)) {
            Some((_, c, e)) => (c.unwrap_or(self.criticality), e.unwrap_or(self.exposure)),
            None => (self.criticality, self.exposure),
        }
    }
}

/// The SLA of one finding first seen on `first_seen`, judged on `today`.
#[must_use]
pub fn sla_for(
    severity: Severity,
    class: (Criticality, Exposure),
    first_seen: Date,
    today: Date,
) -> Sla {
    let due = allowance(severity, class.0, class.1).map(|a| a.due(first_seen));
    Sla {
        first_seen,
        due,
        days: due.map(|d| first_seen.days_until(d)),
        overdue: due.is_some_and(|d| today > d),
    }
}

/// Give every finding its SLA. `first_seen` tells when a finding was first
/// seen (the baseline's date); findings it does not know were first seen today.
pub fn assign(
    findings: &mut [Box<Finding>],
    app: &Application,
    today: Date,
    first_seen: &dyn Fn(&Finding) -> Option<Date>,
) {
    let classifier = Classifier::new(app);
    for f in findings {
        let seen = first_seen(f).unwrap_or(today).min(today);
        f.sla = Some(sla_for(
            f.severity,
            classifier.classify(&f.source.path),
            seen,
            today,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Criticality::{Critical, NonCritical};
    use Exposure::{Internal, InternetFacing};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn due(sev: Severity, c: Criticality, e: Exposure, seen: &str) -> Option<String> {
        allowance(sev, c, e).map(|a| a.due(d(seen)).to_string())
    }

    #[test]
    fn internet_facing_critical_application() {
        // Wednesday: critical findings are due at the end of Thursday.
        assert_eq!(
            due(Severity::Critical, Critical, InternetFacing, "2026-12-02").as_deref(),
            Some("2026-12-03")
        );
        // Friday, Saturday, Sunday: due on Monday.
        for seen in ["2026-12-04", "2026-12-05", "2026-12-06"] {
            assert_eq!(
                due(Severity::Critical, Critical, InternetFacing, seen).as_deref(),
                Some("2026-12-07"),
                "{seen}"
            );
        }
        assert_eq!(
            due(Severity::High, Critical, InternetFacing, "2026-12-04").as_deref(),
            Some("2026-12-11")
        );
        assert_eq!(
            due(Severity::Medium, Critical, InternetFacing, "2026-08-31").as_deref(),
            Some("2027-02-28")
        );
        assert_eq!(
            due(Severity::Low, Critical, InternetFacing, "2026-08-31"),
            None
        );
        assert_eq!(
            due(Severity::Info, Critical, InternetFacing, "2026-08-31"),
            None
        );
    }

    #[test]
    fn internet_facing_non_critical_application() {
        assert_eq!(
            due(
                Severity::Critical,
                NonCritical,
                InternetFacing,
                "2026-12-04"
            )
            .as_deref(),
            Some("2026-12-11")
        );
        assert_eq!(
            due(Severity::High, NonCritical, InternetFacing, "2026-12-04").as_deref(),
            Some("2026-12-25")
        );
        assert_eq!(
            due(Severity::Medium, NonCritical, InternetFacing, "2026-12-04"),
            None
        );
    }

    #[test]
    fn internal_applications() {
        assert_eq!(
            due(Severity::Critical, Critical, Internal, "2026-12-04").as_deref(),
            Some("2026-12-11")
        );
        assert_eq!(
            due(Severity::High, Critical, Internal, "2026-12-04").as_deref(),
            Some("2027-01-03")
        );
        assert_eq!(
            due(Severity::Medium, Critical, Internal, "2026-12-04").as_deref(),
            Some("2027-12-04")
        );
        assert_eq!(
            due(Severity::Critical, NonCritical, Internal, "2026-12-04").as_deref(),
            Some("2026-12-25")
        );
        assert_eq!(
            due(Severity::High, NonCritical, Internal, "2026-12-04").as_deref(),
            Some("2027-02-02")
        );
        assert_eq!(
            due(Severity::Medium, NonCritical, Internal, "2026-12-04"),
            None
        );
    }

    #[test]
    fn overdue_only_after_the_due_date() {
        let class = (Critical, InternetFacing);
        let s = sla_for(Severity::High, class, d("2026-01-01"), d("2026-01-08"));
        assert_eq!(s.due, Some(d("2026-01-08")));
        assert_eq!(s.days, Some(7));
        assert!(!s.overdue, "due today is not overdue yet");
        assert!(sla_for(Severity::High, class, d("2026-01-01"), d("2026-01-09")).overdue);
        let low = sla_for(Severity::Low, class, d("2020-01-01"), d("2026-01-09"));
        assert_eq!((low.due, low.days, low.overdue), (None, None, false));
    }

    #[test]
    fn path_globs_classify_and_the_default_is_strictest() {
        let app: Application = toml::from_str(
            "exposure = \"internal\"\n[[paths]]\nglob = \"services/payments/**\"\ncriticality = \"critical\"\nexposure = \"internet-facing\"\n[[paths]]\nglob = \"tools/**\"\ncriticality = \"non-critical\"\n",
        )
        .unwrap();
        let c = Classifier::new(&app);
        assert_eq!(
            c.classify("services/payments/k8s/deploy.yaml"),
            (Critical, InternetFacing)
        );
        assert_eq!(c.classify("tools/ci/Dockerfile"), (NonCritical, Internal));
        assert_eq!(c.classify("infra/main.tf"), (Critical, Internal));
        let none = Classifier::new(&Application::default());
        assert_eq!(none.classify("anything"), (Critical, InternetFacing));
    }
}
