/**
 * Internal helpers of the runtime: not API, may change without notice.
 *
 * <p>{@link dev.asyncfn.runtime.internal.Messages} holds every misuse message the runtime throws
 * (Tokio's {@code util/error.rs}), so they read the same way and can be reviewed together: each
 * says what went wrong, then what to do instead.
 */
package dev.asyncfn.runtime.internal;
