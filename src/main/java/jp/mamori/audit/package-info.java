/**
 * The audit trail (監査ログ): every change, sign-in and failed sign-in, append-only and
 * hash-chained ({@link jp.mamori.audit.AuditLog}); {@code mamori audit verify} names the first
 * broken link. Plain Java and JDBC, usable from the command line and the server alike.
 */
package jp.mamori.audit;
