/**
 * CSAF 2.0 (and the CSAF 2.1 fields MyJVN uses): {@link jp.mamori.advisory.csaf.CsafParser}
 * streams one Advisory per vulnerability, with product statuses resolved through the product
 * tree to name, CPE and purl, vendor scores as "vendor:&lt;publisher&gt;", remediations and an
 * exploit-status heuristic; csaf_vex documents also yield one VexStatement per product status.
 */
package jp.mamori.advisory.csaf;
