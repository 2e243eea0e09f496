/**
 * Bounded memos for pure functions of a text or a number (parsed versions, CPE criteria, CVSS
 * scores): the matching and triage hot paths see the same few thousand values again and again.
 * Bottom layer: anything may use it, it uses nothing of Mamori.
 */
package jp.mamori.memo;
