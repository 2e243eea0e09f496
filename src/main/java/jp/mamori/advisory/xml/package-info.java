/** The one safe way feed parsers read XML: no DTDs, no external entities, DOCTYPE refused, depth bounded. */
package jp.mamori.advisory.xml;
