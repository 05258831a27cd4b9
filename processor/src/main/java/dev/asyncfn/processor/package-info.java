/** The asyncfn annotation processor. */
package dev.asyncfn.processor;
