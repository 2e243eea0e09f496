/**
 * The intake kit: the one place where a file a user or a feed hands us is opened safely — hardened
 * XML and JSON readers with bounded depth and sizes, and null-tolerant field access for the trees
 * they produce. Feeds, SBOMs, ledgers and, next, logs and contract documents use these instead of
 * configuring their own parsers, so a hardening fix is made once (SPEC §8).
 */
package jp.mamori.intake;
