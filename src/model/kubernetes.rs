//! Typed view of Kubernetes objects, with the pod spec of every workload kind
//! normalised so that container checks are written once.

use crate::model::Node;
use crate::source::Span;

/// One Kubernetes object (one YAML document, or one item of a `List`).
#[derive(Debug, Clone)]
pub struct Object {
    /// Position of the document in its file.
    pub document: usize,
    /// `apiVersion`.
    pub api_version: String,
    /// `kind`.
    pub kind: String,
    /// `metadata.name` (empty when missing or generated).
    pub name: String,
    /// `metadata.namespace`, if set.
    pub namespace: Option<String>,
    /// The whole object.
    pub root: Node,
}

/// Where a workload keeps its pod template, by kind.
#[must_use]
pub fn pod_spec_path(kind: &str) -> Option<&'static [&'static str]> {
    match kind {
        "Pod" => Some(&["spec"]),
        "Deployment"
        | "StatefulSet"
        | "DaemonSet"
        | "ReplicaSet"
        | "ReplicationController"
        | "Job" => Some(&["spec", "template", "spec"]),
        "CronJob" => Some(&["spec", "jobTemplate", "spec", "template", "spec"]),
        _ => None,
    }
}

/// The kind of container list a container comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContainerKind {
    /// `containers`
    App,
    /// `initContainers`
    Init,
    /// `ephemeralContainers`
    Ephemeral,
}

/// A container of a pod spec.
#[derive(Debug, Clone, Copy)]
pub struct Container<'a> {
    /// The container node.
    pub node: &'a Node,
    /// Which list it is in.
    pub kind: ContainerKind,
    /// Its `name`.
    pub name: &'a str,
}

impl Object {
    /// A short, stable identifier: `Deployment/web` or `Deployment/prod/web`.
    #[must_use]
    pub fn address(&self) -> String {
        match &self.namespace {
            Some(ns) => format!("{}/{}/{}", self.kind, ns, self.name),
            None => format!("{}/{}", self.kind, self.name),
        }
    }

    /// The pod spec of a workload (Pod, Deployment, StatefulSet, DaemonSet,
    /// ReplicaSet, ReplicationController, Job, CronJob).
    #[must_use]
    pub fn pod_spec(&self) -> Option<&Node> {
        let path = pod_spec_path(&self.kind)?;
        let mut cur = &self.root;
        for seg in path {
            cur = cur.get(seg)?;
        }
        Some(cur)
    }

    /// Metadata of the pod template (the object's own metadata for a Pod).
    #[must_use]
    pub fn pod_metadata(&self) -> Option<&Node> {
        match self.kind.as_str() {
            "Pod" => self.root.get("metadata"),
            "CronJob" => self
                .root
                .path("spec.jobTemplate.spec.template")?
                .get("metadata"),
            _ if pod_spec_path(&self.kind).is_some() => {
                self.root.path("spec.template")?.get("metadata")
            }
            _ => None,
        }
    }

    /// All containers of the pod spec, app containers first.
    #[must_use]
    pub fn containers(&self) -> Vec<Container<'_>> {
        let Some(spec) = self.pod_spec() else {
            return vec![];
        };
        let mut out = Vec::new();
        for (key, kind) in [
            ("containers", ContainerKind::App),
            ("initContainers", ContainerKind::Init),
            ("ephemeralContainers", ContainerKind::Ephemeral),
        ] {
            if let Some(list) = spec.get(key) {
                for c in list.items() {
                    out.push(Container {
                        node: c,
                        kind,
                        name: c.get("name").and_then(Node::as_str).unwrap_or(""),
                    });
                }
            }
        }
        out
    }

    /// The span to report for the object as a whole: its `kind` value, else the document.
    #[must_use]
    pub fn header_span(&self) -> Span {
        self.root
            .entry("metadata")
            .and_then(|m| m.value.entry("name"))
            .map(|e| e.value.span)
            .or_else(|| self.root.get("kind").map(|k| k.span))
            .unwrap_or(self.root.span)
    }

    /// A label of the object's metadata.
    #[must_use]
    pub fn label(&self, key: &str) -> Option<&Node> {
        self.root.path("metadata.labels")?.get(key)
    }

    /// An annotation of the object's metadata.
    #[must_use]
    pub fn annotation(&self, key: &str) -> Option<&Node> {
        self.root.path("metadata.annotations")?.get(key)
    }
}
