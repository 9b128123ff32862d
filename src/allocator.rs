//! The global allocator: mimalloc (version 2), called directly.
//!
//! A scan allocates and frees millions of small values (syntax trees,
//! evaluated Terraform values, findings) across threads; mimalloc's
//! thread-local free lists cut the time spent in the allocator by about half
//! compared with the system allocator. Its version 2 is used: on the corpus
//! version 3 kept about a third more memory resident (124 vs 90 MiB peak)
//! and spent twice the system time faulting it in.
//!
//! The `mimalloc` crate's allocator sends every request through
//! `mi_malloc_aligned`, which checks and adjusts the alignment of each block;
//! every mimalloc block is aligned to the machine word already, so requests
//! that need no more (nearly all of them) go to `mi_malloc` and its
//! relatives, and the others keep the aligned path.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// `mi_option_purge_delay` in mimalloc 2's `mi_option_t` (`include/mimalloc.h`
/// of the version libmimalloc-sys builds; a test holds it to the option's
/// default). The sys crate names only some of the options.
const PURGE_DELAY: mi::mi_option_t = 15;

/// Keep the memory that blocks free for reuse until the process ends,
/// instead of returning it to the system 10 ms after it falls free (call
/// first thing in `main`).
///
/// A scan frees the trees of each unit as it finishes it; returned memory
/// that is used again is faulted in and zeroed by the kernel a second time,
/// which on the corpus came to a tenth of the system time (1,461 page faults
/// instead of 317). A command line tool ends when its work is done, so
/// nothing is gained by giving memory back meanwhile; the cost is a higher
/// peak (77 to 82 MiB on the corpus, 380 to 393 MiB on 100,000 files).
pub fn keep_freed_memory() {
    // SAFETY: sets a process-wide option; mimalloc reads it when it
    // schedules a purge, whenever that is.
    unsafe { mi::mi_option_set(PURGE_DELAY, -1) }
}

/// The alignment every block `mi_malloc` returns has (`MI_INTPTR_SIZE`).
const WORD: usize = std::mem::size_of::<usize>();

/// mimalloc as the global allocator (see the module documentation).
#[derive(Debug, Clone, Copy, Default)]
pub struct Mimalloc;

// SAFETY: each method forwards to the mimalloc function with the same
// contract, and uses the unaligned one only when the layout asks for no more
// than the word alignment every mimalloc block has.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `PURGE_DELAY` names the purge delay: it follows the eager commit
    /// delay in the enum, and the defaults around it are those of the
    /// header (unless the environment sets them).
    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        assert_eq!(PURGE_DELAY, mi::mi_option_eager_commit_delay + 1);
        if std::env::vars_os().any(|(k, _)| k.to_string_lossy().starts_with("MIMALLOC_")) {
            return;
        }
        // SAFETY: reads process-wide options.
        unsafe {
            assert_eq!(mi::mi_option_get(mi::mi_option_eager_commit_delay), 1);
            assert_eq!(mi::mi_option_get(PURGE_DELAY), 10);
            assert_eq!(mi::mi_option_get(PURGE_DELAY + 1), 0, "use_numa_nodes");
        }
    }

    #[test]
    fn blocks_have_the_alignment_asked_for_and_keep_their_contents() {
        let a = Mimalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 7, 8, 24, 100, 4000, 100_000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; every block is freed with its layout.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size}, align {align}");
                    p.write_bytes(0xAB, size);
                    let q = a.realloc(p, layout, size * 3);
                    assert_eq!(q as usize % align, 0, "realloc: size {size}, align {align}");
                    assert!((0..size).all(|i| *q.add(i) == 0xAB));
                    a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let z = a.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
