/** Samples. */
package dev.asyncfn.samples;
