/**
 * VEX documents that are not CSAF: {@link jp.mamori.advisory.vex.OpenVexParser} (OpenVEX
 * v0.0.1 and v0.2.0) and {@link jp.mamori.advisory.vex.CycloneDxVexParser} (CycloneDX JSON
 * and XML with analysed vulnerabilities). Both emit one VexStatement per vulnerability and
 * product and never an Advisory.
 */
package jp.mamori.advisory.vex;
