//! Kustomize overlays: which manifests each overlay renders, so that an
//! overlay's environment (and namespace) applies to the base resources it
//! pulls in.
//!
//! The graph follows `resources`, `bases` and `components` entries that are
//! local folders or files. A *leaf overlay* is a kustomization that no other
//! kustomization references; its environment comes from its path
//! (`overlays/production`) or its `namespace` (`shop-prod`). A manifest
//! reached from several leaf overlays belongs to each of their environments.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Node;
use crate::parse::yaml::{self, YamlLimits};
use crate::source::SourceFile;

/// One kustomization file.
#[derive(Debug, Clone, Default)]
pub struct Kustomization {
    /// Folder of the kustomization (repository-relative).
    pub dir: String,
    /// Path of the kustomization file.
    pub path: String,
    /// Referenced local paths, resolved relative to the repository root.
    pub refs: Vec<String>,
    /// `namespace:` set by this kustomization.
    pub namespace: Option<String>,
    /// 1-based line of `namespace:`.
    pub namespace_line: Option<u32>,
    /// Labels set on everything (`commonLabels`, `labels[].pairs`).
    pub labels: BTreeMap<String, String>,
    /// Strategic-merge patch files (`patches[].path`, `patchesStrategicMerge`).
    pub patches: Vec<String>,
}

/// How one leaf overlay renders a manifest file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rendering {
    /// The leaf overlay's folder.
    pub overlay: String,
    /// The overlay's kustomization file.
    pub overlay_file: String,
    /// The namespace the overlay (or the nearest kustomization on the way) sets.
    pub namespace: Option<String>,
    /// Patch files applied on the way, innermost first.
    pub patches: Vec<String>,
}

/// All kustomizations of a scan and the leaf overlays that render each file.
#[derive(Debug, Default)]
pub struct OverlayIndex {
    /// Kustomizations by folder.
    pub kustomizations: BTreeMap<String, Kustomization>,
    /// Manifest path → the leaf overlays that render it.
    pub renderings: BTreeMap<String, Vec<Rendering>>,
    /// Every patch file of every kustomization (for [`OverlayIndex::is_patch`],
    /// asked once per manifest: a scan of all kustomizations each time was
    /// quadratic in the size of the repository).
    pub patch_files: std::collections::HashSet<String>,
}

/// Normalise `a/b/../c` to `a/c` (paths stay inside the root; `..` past it is dropped).
#[must_use]
pub fn normalise(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

fn join(dir: &str, rel: &str) -> String {
    if dir.is_empty() {
        normalise(rel)
    } else {
        normalise(&format!("{dir}/{rel}"))
    }
}

/// Read one kustomization file.
#[must_use]
pub fn parse(src: &SourceFile) -> Option<Kustomization> {
    let loaded = yaml::load(src, 0, YamlLimits::default()).ok()?;
    let root: Node = loaded.documents.into_iter().next()?.root;
    let dir = src
        .path
        .rfind('/')
        .map_or("", |i| &src.path[..i])
        .to_string();
    let mut refs = Vec::new();
    for key in ["resources", "bases", "components"] {
        for item in root.get(key).map_or(&[][..], Node::items) {
            let Some(s) = item.as_str() else { continue };
            // Remote bases (URLs, git refs) are not part of the repository.
            if s.contains("://") || s.starts_with("github.com/") || s.contains("?ref=") {
                continue;
            }
            refs.push(join(&dir, s));
        }
    }
    let mut patches = Vec::new();
    for p in root.get("patches").map_or(&[][..], Node::items) {
        if let Some(path) = p.get("path").and_then(Node::as_str) {
            patches.push(join(&dir, path));
        }
    }
    for p in root
        .get("patchesStrategicMerge")
        .map_or(&[][..], Node::items)
    {
        if let Some(path) = p.as_str().filter(|s| !s.contains('\n')) {
            patches.push(join(&dir, path));
        }
    }
    let ns = root.get("namespace");
    let mut labels = BTreeMap::new();
    for e in root.get("commonLabels").map_or(&[][..], Node::entries) {
        if let Some(v) = e.value.scalar_text() {
            labels.insert(e.key.clone(), v);
        }
    }
    for l in root.get("labels").map_or(&[][..], Node::items) {
        for e in l.get("pairs").map_or(&[][..], Node::entries) {
            if let Some(v) = e.value.scalar_text() {
                labels.insert(e.key.clone(), v);
            }
        }
    }
    Some(Kustomization {
        dir,
        path: src.path.clone(),
        refs,
        namespace: ns.and_then(Node::as_str).map(str::to_string),
        namespace_line: ns.map(|n| src.line_col(n.span.start).line),
        labels,
        patches,
    })
}

/// Apply a strategic-merge patch to an object: maps merge key by key; lists
/// of named items (containers, env) merge by `name`; other lists are replaced.
pub fn merge_patch(base: &mut Node, patch: &Node) {
    use crate::model::Value;
    match (&mut base.value, &patch.value) {
        (Value::Map(entries), Value::Map(pentries)) => {
            for pe in pentries {
                match entries.iter_mut().find(|e| e.key == pe.key) {
                    Some(e) => merge_patch(&mut e.value, &pe.value),
                    None => entries.push(pe.clone()),
                }
            }
        }
        (Value::List(items), Value::List(pitems))
            if pitems
                .iter()
                .all(|p| p.get("name").and_then(Node::as_str).is_some())
                && items
                    .iter()
                    .all(|i| i.get("name").and_then(Node::as_str).is_some()) =>
        {
            for p in pitems {
                let name = p.get("name").and_then(Node::as_str);
                match items
                    .iter_mut()
                    .find(|i| i.get("name").and_then(Node::as_str) == name)
                {
                    Some(i) => merge_patch(i, p),
                    None => items.push(p.clone()),
                }
            }
        }
        _ => *base = patch.clone(),
    }
}

impl OverlayIndex {
    /// Build the index from every kustomization of a scan.
    #[must_use]
    pub fn build(list: Vec<Kustomization>) -> Self {
        let kustomizations: BTreeMap<String, Kustomization> =
            list.into_iter().map(|k| (k.dir.clone(), k)).collect();
        let referenced: BTreeSet<&String> = kustomizations
            .values()
            .flat_map(|k| k.refs.iter())
            .filter(|r| kustomizations.contains_key(*r))
            .collect();
        let mut renderings: BTreeMap<String, Vec<Rendering>> = BTreeMap::new();
        for (dir, k) in &kustomizations {
            if referenced.contains(dir) {
                continue;
            }
            // Walk down from the leaf overlay; the nearest namespace wins.
            let mut stack: Vec<(String, Option<String>, Vec<String>)> =
                vec![(dir.clone(), k.namespace.clone(), Vec::new())];
            let mut seen: BTreeSet<String> = BTreeSet::new();
            while let Some((d, ns, outer_patches)) = stack.pop() {
                if !seen.insert(d.clone()) || seen.len() > 1_000 {
                    continue;
                }
                let Some(kz) = kustomizations.get(&d) else {
                    continue;
                };
                // Patches apply innermost first: this level's before the outer ones.
                let mut patches = kz.patches.clone();
                patches.extend(outer_patches.iter().cloned());
                for r in &kz.refs {
                    if let Some(child) = kustomizations.get(r) {
                        stack.push((
                            r.clone(),
                            ns.clone().or_else(|| child.namespace.clone()),
                            patches.clone(),
                        ));
                    } else {
                        renderings.entry(r.clone()).or_default().push(Rendering {
                            overlay: dir.clone(),
                            overlay_file: k.path.clone(),
                            namespace: ns.clone(),
                            patches: patches.clone(),
                        });
                    }
                }
            }
        }
        for v in renderings.values_mut() {
            v.sort();
            v.dedup();
        }
        let patch_files = kustomizations
            .values()
            .flat_map(|k| k.patches.iter().cloned())
            .collect();
        OverlayIndex {
            kustomizations,
            renderings,
            patch_files,
        }
    }

    /// Whether a file is a patch of some kustomization: a fragment of an
    /// object, not an object of its own.
    #[must_use]
    pub fn is_patch(&self, path: &str) -> bool {
        self.patch_files.contains(path)
    }

    /// The leaf overlays that render a manifest file.
    #[must_use]
    pub fn renderings_of(&self, path: &str) -> &[Rendering] {
        self.renderings.get(path).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(dir: &str, refs: &[&str], ns: Option<&str>) -> Kustomization {
        Kustomization {
            dir: dir.into(),
            path: format!("{dir}/kustomization.yaml"),
            refs: refs.iter().map(|s| (*s).to_string()).collect(),
            namespace: ns.map(str::to_string),
            ..Kustomization::default()
        }
    }

    #[test]
    fn leaf_overlays_render_their_bases() {
        let idx = OverlayIndex::build(vec![
            k("k8s/base", &["k8s/base/deploy.yaml"], None),
            k("k8s/overlays/prod", &["k8s/base"], Some("shop-prod")),
            k(
                "k8s/overlays/dev",
                &["k8s/base", "k8s/overlays/dev/extra.yaml"],
                Some("shop-dev"),
            ),
        ]);
        let r = idx.renderings_of("k8s/base/deploy.yaml");
        assert_eq!(r.len(), 2);
        assert!(r.iter().any(
            |x| x.overlay == "k8s/overlays/prod" && x.namespace.as_deref() == Some("shop-prod")
        ));
        assert_eq!(idx.renderings_of("k8s/overlays/dev/extra.yaml").len(), 1);
        assert_eq!(normalise("a/b/../c/./d"), "a/c/d");
    }
}
