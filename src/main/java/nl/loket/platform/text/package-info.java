/**
 * Plain-text helpers shared by all modules: normalising resident text for matching, counting and
 * fitting SMS segments, and reading the editable line lists kept as resources.
 */
package nl.loket.platform.text;
