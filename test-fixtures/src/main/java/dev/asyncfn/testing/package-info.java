/** Test fixtures for asyncfn. */
package dev.asyncfn.testing;
