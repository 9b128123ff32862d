//! Hash maps and sets for the scan's internal indexes (module scopes, file
//! tables, check dispatch): `foldhash`, the hasher `hashbrown` defaults to,
//! seeded at random per process. The standard library's SipHash took 4 % of
//! the corpus scan's instructions in these indexes; like it, the random seed
//! keeps collisions out of reach of the files being scanned, and iteration
//! order varies from run to run, so nothing reported may depend on it (the
//! determinism tests compare runs).

/// A hash map with the fast hasher.
pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A hash set with the fast hasher.
pub type Set<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
