/** Streaming JSON for feed parsers: record-at-a-time trees, bounded depth, errors with line:column and JSON pointer. */
package jp.mamori.advisory.json;
