/** Small helpers shared by feed parsers: timestamps as feeds write them, XML-or-JSON sniffing. */
package jp.mamori.advisory.support;
