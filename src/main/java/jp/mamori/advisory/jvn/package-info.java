/**
 * JVN iPedia (MyJVN) feeds: {@link jp.mamori.advisory.jvn.JvnParser} reads JVNRSS 3.2 overview
 * lists and RDF feeds, VULDEF 3.2 details, and the MyJVN API 4.0 JSON (overview entries,
 * jvncsaf documents, STIX bundles). One rule maps every format ({@code JvnEntry}): one advisory
 * per related CVE (else per JVNDB id), documentId and alias = JVNDB id, Japanese text under
 * "ja", CVSS source "jvn", CPEs as versionless CPE 2.3 {@code cpeNames} only (SPEC §6), and
 * {@code exploited} left false. MyJVN paging comes out as meta totalRes/totalResRet/firstRes.
 */
package jp.mamori.advisory.jvn;
